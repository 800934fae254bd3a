package dev.agentanalytics.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.output.DeadLetterRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentEventParserTest {
    private static final long RECEIVED = Instant.parse("2024-05-06T12:00:00Z").toEpochMilli();
    private static final String ARN = "arn:aws:connect:us-east-1:1:instance/i/agent/a";

    private final AgentEventParser parser = new AgentEventParser(RecordSettings.defaults());

    private ParsedRecord parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED, null);
    }

    private AgentEvent valid(String json) {
        ParsedRecord record = parse(json);
        assertTrue(record.isValid(), () -> "expected valid, got " + record.deadLetter);
        return record.event;
    }

    private static String event(String fields) {
        return "{\"AgentARN\":\"" + ARN + "\",\"EventType\":\"HEART_BEAT\",\"EventId\":\"e1\","
                + "\"EventTimestamp\":\"2024-05-06T08:00:00.000Z\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
            Arguments.of("not json", "not JSON: Unrecognized token 'not'"),
            Arguments.of("{\"AgentARN\":", "not JSON: Unexpected end-of-input"),
            Arguments.of(event("") + " trailing", "not JSON: Unrecognized token 'trailing'"),
            Arguments.of(event("") + event(""), "not JSON: Trailing token"),
            Arguments.of("[1,2]", "not a JSON object: array"),
            Arguments.of("\"text\"", "not a JSON object: string"),
            Arguments.of("42", "not a JSON object: number"),
            Arguments.of("null", "not a JSON object: null"),
            Arguments.of("{\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}", "missing AgentARN"),
            Arguments.of("{\"AgentARN\":null,\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    "missing AgentARN"),
            Arguments.of("{\"AgentARN\":\"\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    "missing AgentARN"),
            Arguments.of("{\"AgentARN\":7,\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    "AgentARN is not a string: 7"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}", "missing EventType"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    "missing EventType"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":{\"x\":1},\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    "EventType is not a string: {\"x\":1}"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\"}", "missing EventTimestamp"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":null}", "missing EventTimestamp"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"\"}", "missing EventTimestamp"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2019-13-45\"}",
                    "EventTimestamp \"2019-13-45\" is not ISO-8601"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":1558809839049}",
                    "EventTimestamp 1558809839049 is not ISO-8601"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2019-05-25 18:43:59Z\"}",
                    "EventTimestamp \"2019-05-25 18:43:59Z\" is not ISO-8601"),
            Arguments.of("{\"AgentARN\":\"a\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2019-05-25T18:43:59\"}",
                    "EventTimestamp \"2019-05-25T18:43:59\" is not ISO-8601"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRecords")
    void invalidRecordsBecomeDeadLettersWithTheirReasonAndPayload(String payload, String reasonStart) {
        ParsedRecord record = parse(payload);
        assertFalse(record.isValid());
        DeadLetterRow dead = record.deadLetter;
        assertTrue(dead.reason.startsWith(reasonStart), () -> "reason was: " + dead.reason);
        assertEquals(payload, dead.payload);
        assertEquals(DeadLetterRow.UTF_8, dead.payloadEncoding);
        assertEquals("2024-05-06T12:00:00.000Z", dead.receivedAt);
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsBase64() {
        byte[] payload = {'{', '"', 'A', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ParsedRecord record = parser.parse(payload, RECEIVED, null);
        assertFalse(record.isValid());
        assertEquals("not JSON: not valid UTF-8", record.deadLetter.reason);
        assertEquals(DeadLetterRow.BASE64, record.deadLetter.payloadEncoding);
        assertArrayEquals(payload, Base64.getDecoder().decode(record.deadLetter.payload));
    }

    @Test
    void aRecordInsideALargerBufferIsReadWithinItsBoundsAndCopiedOut() {
        String whole = event("\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Available\"}}");
        String cut = whole.substring(0, whole.indexOf("Available") + 4); // inside a string
        byte[] buffer = ("{\"x\":\"" + whole + "\n" + cut + whole.substring(cut.length()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        int first = 6;
        int second = first + whole.length() + 1;

        ParsedRecord record = parser.parse(buffer, first, whole.length(), whole.length(), RECEIVED, null);
        assertEquals(valid(whole), record.event, "as if the record had an array of its own");
        buffer[first + 2] = 'X'; // the source reuses its buffer
        assertEquals(whole, new String(record.event.raw, StandardCharsets.UTF_8));

        ParsedRecord cutRecord = parser.parse(buffer, second, cut.length(), cut.length(), RECEIVED, null);
        assertFalse(cutRecord.isValid(), "the bytes after its end are not the record's");
        assertEquals(cut, cutRecord.deadLetter.payload);
    }

    @Test
    void aBatchRunKeepsNoCopyOfAValidRecord() {
        AgentEventParser batch = new AgentEventParser(JobConfig.fromMap(Map.of("runtime-mode", "BATCH", "source", "files",
                "input", ".")).records);
        byte[] bytes = event("").getBytes(StandardCharsets.UTF_8);
        ParsedRecord record = batch.parse(bytes, 0, bytes.length, bytes.length, RECEIVED, null);
        assertTrue(record.isValid());
        assertNull(record.event.raw, "no event of a BATCH run is late: its payload is never used");
        assertEquals(event(""), batch.parse(bytes, 0, bytes.length - 1, bytes.length - 1, RECEIVED, null)
                .deadLetter.payload.concat("}"), "a dead letter keeps its payload");
    }

    @Test
    void anEmptyRecordIsNotJson() {
        assertEquals("not JSON: empty record", parse("").deadLetter.reason);
    }

    @Test
    void bothTimestampFormsAndOffsetsAreAccepted() {
        assertEquals(Instant.parse("2019-05-25T18:43:59.049Z").toEpochMilli(),
                valid(event("").replace("2024-05-06T08:00:00.000Z", "2019-05-25T18:43:59:049Z")).eventTime);
        assertEquals(Instant.parse("2019-05-25T18:43:59.049Z").toEpochMilli(),
                valid(event("").replace("2024-05-06T08:00:00.000Z", "2019-05-25T20:43:59.049+02:00")).eventTime);
    }

    @Test
    void unknownFieldsAndEnumValuesAreKeptNotRejected() {
        AgentEvent event = valid(event("\"SomethingNew\":{\"x\":[1,2]},\"CurrentAgentSnapshot\":{"
                + "\"AgentStatus\":{\"Name\":\"Focus\",\"Type\":\"QUANTUM\"},"
                + "\"Contacts\":[{\"ContactId\":\"c1\",\"Channel\":\"HOLOGRAM\",\"InitiationMethod\":\"TELEPATHY\","
                + "\"State\":\"LEVITATING\",\"StateStartTimestamp\":\"2024-05-06T07:59:00Z\",\"NewField\":true}]}")
                .replace("HEART_BEAT", "AGENT_ASCENDED"));
        assertEquals("AGENT_ASCENDED", event.eventType);
        assertEquals("QUANTUM", event.statusType);
        ContactState contact = event.contacts[0];
        assertEquals("HOLOGRAM", contact.channel);
        assertEquals("TELEPATHY", contact.initiationMethod);
        assertEquals("LEVITATING", contact.state);
    }

    @Test
    void everyContactObjectIsListedWithOrWithoutAnIdAndRepeatedOnesToo() {
        AgentEvent event = valid(event("\"CurrentAgentSnapshot\":{\"Contacts\":["
                + "{\"State\":\"CONNECTED\"},{\"ContactId\":null,\"State\":\"ENDED\"},"
                + "{\"ContactId\":\"c1\",\"State\":\"CONNECTED\"},{\"ContactId\":\"c1\",\"State\":\"ENDED\"},"
                + "7,null,\"c2\"]}"));
        assertEquals(4, event.contacts.length, "the four objects; the number, null and string are no contacts");
        assertNull(event.contacts[0].contactId);
        assertNull(event.contacts[1].contactId);
        assertEquals("c1", event.contacts[2].contactId);
        assertEquals("CONNECTED", event.contacts[2].state);
        assertEquals("ENDED", event.contacts[3].state);
    }

    @Test
    void tasksIsTheTaskChannel() {
        AgentEvent event = valid(event("\"CurrentAgentSnapshot\":{\"Contacts\":["
                + "{\"ContactId\":\"c1\",\"Channel\":\"TASKS\",\"State\":\"CONNECTED\"}]}"));
        assertEquals("TASK", event.contacts[0].channel);
    }

    @Test
    void aMissingOrNullSnapshotIsAnEmptyState() {
        for (String snapshot : new String[] {"", "\"CurrentAgentSnapshot\":null"}) {
            AgentEvent event = valid(event(snapshot));
            assertNull(event.statusName);
            assertNull(event.statusType);
            assertEquals(0, event.contacts.length);
            assertEquals(0, event.queues.length);
            assertEquals(new Grouping(), event.grouping, "no routing profile, no hierarchy");
        }
    }

    @Test
    void missingOrNullContactsAreNoContactsAndAMissingTypeStaysNull() {
        for (String contacts : new String[] {"", ",\"Contacts\":null"}) {
            AgentEvent event = valid(event("\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Available\"}"
                    + contacts + "}"));
            assertEquals("Available", event.statusName);
            assertNull(event.statusType, "the type is never guessed from the name");
            assertEquals(0, event.contacts.length);
        }
    }

    @Test
    void aMissingOrEmptyEventIdIsAllowed() {
        assertNull(valid(event("").replace("\"EventId\":\"e1\",", "")).eventId);
        assertNull(valid(event("").replace("\"e1\"", "\"\"")).eventId);
    }

    @Test
    void anUnparseableTimestampOtherThanEventTimestampIsAbsent() {
        AgentEvent event = valid(event("\"CurrentAgentSnapshot\":{\"Contacts\":["
                + "{\"ContactId\":\"c1\",\"State\":\"CONNECTED\",\"StateStartTimestamp\":\"soon\"},"
                + "{\"ContactId\":\"c2\",\"State\":\"CONNECTED\",\"StateStartTimestamp\":12345}]}"));
        assertNull(event.contacts[0].stateStart);
        assertNull(event.contacts[1].stateStart);
    }

    @Test
    void fieldsOfAnUnexpectedTypeAreTreatedAsAbsent() {
        AgentEvent event = valid(event("\"CurrentAgentSnapshot\":{\"AgentStatus\":\"Available\","
                + "\"Contacts\":\"none\",\"Configuration\":{\"Username\":5,\"RoutingProfile\":[]}}"));
        assertNull(event.statusName);
        assertNull(event.username);
        assertEquals(0, event.contacts.length);
    }

    @Test
    void theAgentsOwnQueueIsNotAServedQueue() throws IOException {
        AgentEvent event = valid(sample("06_state_change_two_chats_transfer_acw_next_status_SYNTHETIC.json"));
        assertEquals(2, event.queues.length);
        assertEquals("Billing", event.queues[0].name);
        assertEquals("Tech Support", event.queues[1].name);
        for (int i = 0; i < event.queues.length; i++) {
            assertFalse(event.queues[i].arn.contains("/queue/agent/"));
        }
    }

    @Test
    void aRealStateChangeKeepsWhatTheMetricsNeed() throws IOException {
        AgentEvent event = valid(sample("06_state_change_two_chats_transfer_acw_next_status_SYNTHETIC.json"));
        assertEquals("STATE_CHANGE", event.eventType);
        assertEquals("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", event.eventId);
        assertEquals(Instant.parse("2024-05-06T11:52:17.431Z").toEpochMilli(), event.eventTime);
        assertEquals("alex.example", event.username);
        assertEquals("Available", event.statusName);
        assertEquals("ROUTABLE", event.statusType);
        assertEquals(new Grouping("Omni Support", "EMEA", "Team Blue"), event.grouping,
                "routing profile and hierarchy names, absent levels null");
        assertEquals(2, event.contacts.length);
        ContactState transfer = event.contacts[1];
        assertEquals("c0ffee02-7777-4888-9999-aaaabbbbcccc", transfer.contactId);
        assertEquals("c0ffee00-0000-4111-8222-333344445555", transfer.initialContactId);
        assertEquals("CHAT", transfer.channel);
        assertEquals("TRANSFER", transfer.initiationMethod);
        assertEquals("ENDED", transfer.state);
        assertEquals(Instant.parse("2024-05-06T11:52:17.431Z").toEpochMilli(), transfer.stateStart);
        assertEquals("Tech Support", transfer.queueName);
        assertNull(event.contacts[0].initialContactId);
    }

    @Test
    void everySampleParsesIntoTheFullModel() throws IOException {
        try (Stream<Path> samples = Files.list(Paths.get("src/test/resources/connect-samples"))) {
            samples.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                try {
                    valid(sample(p.getFileName().toString()));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    private static String sample(String name) throws IOException {
        return Files.readString(Paths.get("src/test/resources/connect-samples", name));
    }
}
