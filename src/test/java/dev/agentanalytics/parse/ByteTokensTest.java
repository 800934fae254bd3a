package dev.agentanalytics.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.Replays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path ({@link ByteTokens}) against Jackson ({@link AgentEventReader#readWithJackson}): on every record it
 * decides, it must read exactly what Jackson reads, and it must leave to Jackson every record Jackson refuses. Checked
 * on simulated records (faults included), on hand-made edge cases and on many random mutations of real records.
 */
class ByteTokensTest {
    private static final String EVENT = "{\"AgentARN\":\"arn:aws:connect:us-east-1:1:instance/i/agent/a\","
            + "\"EventType\":\"STATE_CHANGE\",\"EventId\":\"e1\",\"EventTimestamp\":\"2024-05-06T08:00:00.000Z\","
            + "\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},"
            + "\"Configuration\":{\"Username\":\"ana\",\"RoutingProfile\":{\"Name\":\"Sales\",\"InboundQueues\":["
            + "{\"ARN\":\"arn:q/1\",\"Name\":\"Q1\"},{\"ARN\":\"arn:q/agent/x/queue/agent/x\",\"Name\":null}]},"
            + "\"AgentHierarchyGroups\":{\"Level1\":{\"ARN\":\"h1\",\"Name\":\"North\"}},\"Proficiencies\":[{\"Level\":1.5e2}]},"
            + "\"Contacts\":[{\"ContactId\":\"c1\",\"Channel\":\"TASKS\",\"State\":\"CONNECTED\","
            + "\"StateStartTimestamp\":\"2024-05-06T07:59:00Z\",\"Queue\":{\"ARN\":\"arn:q/1\",\"Name\":\"Q1\"}}]},"
            + "\"PreviousAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Offline\"},\"Flags\":[true,false,null,-0,12]}}";

    private final ByteTokens tokens = new ByteTokens();

    @Test
    void decidesOrdinaryRecordsAndReadsWhatJacksonReads() throws IOException {
        AgentEventReader.Read fast = fast(bytes(EVENT));
        assertNotNull(fast, "an ordinary record is read by the fast path");
        assertSame(AgentEventReader.readWithJackson(bytes(EVENT)), fast);
        assertEquals("TASK", fast.event.contacts[0].channel);
        assertEquals(1, fast.event.queues.length);
    }

    @Test
    void everySimulatedRecordReadsAsJacksonReadsIt() throws IOException {
        List<SimulatedRecord> records = Replays.simulate(Map.of("simulator.agents", "20", "simulator.duration", "2h",
                "simulator.seed", "5", "simulator.malformed", "0.05", "simulator.duplicates", "0.02"));
        int decided = 0;
        for (SimulatedRecord record : records) {
            if (compare(record.payload)) decided++;
        }
        // The malformed ones and the few with an escape go to Jackson; the rest is the fast path's.
        assertTrue(decided > records.size() * 0.9, decided + " of " + records.size() + " decided by the fast path");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "[]", "\"text\"", "42", "null", "{", "{}x", "{} {}", "{},", "{\"a\":1,}", "{\"a\":1 \"b\":2}",
        "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":.5}",
        "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
        "{\"a\":\"x\\\"y\"}", "{\"a\\u0062\":1,\"ab\":2}", "{\"a\":\"tab\there\"}", "{'a':1}", "{a:1}",
        "{\"a\":1,\"a\":2}", "{\"o\":{\"x\":1,\"y\":2,\"x\":3}}", "{\"a\":1/*c*/}", "{\"a\":1}\u0000",
        "{\"a\"  1}", "{\"a\":[}", "{\"a\":{]}", "{\"a\":\"unterminated}", "{\"a\":\u00a01}"
    })
    void leavesToJacksonWhatItCannotProve(String json) throws IOException {
        compare(bytes(json));
        assertNull(fast(bytes(json)), json);
    }

    @Test
    void findsAFieldGivenTwiceAmongMany() throws IOException {
        // A repeat of any of 40 names is found; the same names in other objects are no repeat.
        for (int repeated = -1; repeated < 40; repeated++) {
            StringBuilder json = new StringBuilder("{\"o\":{\"f0\":1},\"p\":{");
            for (int i = 0; i < 40; i++) json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
            if (repeated >= 0) json.append(",\"f").append(repeated).append("\":0");
            json.append("},\"f0\":[{\"f0\":1,\"f1\":2}]}");
            byte[] record = bytes(json.toString());
            compare(record);
            if (repeated < 0) assertNotNull(fast(record), "same names in other objects");
            else assertNull(fast(record), "f" + repeated + " twice");
        }
    }

    @Test
    void leavesDeepNestingManyFieldsAndLongNumbersToJackson() throws IOException {
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 60; i++) many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        many.append('}');
        String longNumber = "{\"a\":" + "9".repeat(100) + "}";
        for (String json : List.of(deep, many.toString(), longNumber)) {
            assertNull(fast(bytes(json)), json.substring(0, 20));
        }
    }

    @Test
    void nonAsciiTextIsDecodedAsJacksonDecodesIt() throws IOException {
        String json = EVENT.replace("\"ana\"", "\"Zoë Ł. 山田 \uD83D\uDE00\"").replace("\"North\"", "\"Süd\"");
        AgentEventReader.Read fast = fast(bytes(json));
        assertNotNull(fast);
        assertEquals("Zoë Ł. 山田 \uD83D\uDE00", fast.event.username);
        assertSame(AgentEventReader.readWithJackson(bytes(json)), fast);
    }

    /** Random damage to real records: a byte deleted, replaced, inserted or a span repeated. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomMutationsOfRealRecordsReadAsJacksonReadsThem(long seed) throws IOException {
        List<SimulatedRecord> records = Replays.simulate(Map.of("simulator.agents", "5", "simulator.duration", "30m",
                "simulator.seed", Long.toString(seed)));
        Random random = new Random(seed);
        // JSON's own characters, a control character, and bytes of UTF-8 sequences and bytes that never are
        byte[] alphabet = "{}[]\":,\\ \t-+.0123456789eEtruefalsnl\u0001xA\u00c3\u00a9\u00e2\u0082\u00ed\u00a0\u00f0\u009f\u00ff\u0080"
                .getBytes(StandardCharsets.ISO_8859_1);
        int decided = 0;
        int mutations = 3000;
        for (int i = 0; i < mutations; i++) {
            byte[] record = records.get(random.nextInt(records.size())).payload;
            if (compare(mutate(record, random, alphabet))) decided++;
        }
        assertTrue(decided > 0 && decided < mutations, decided + " of " + mutations + " decided");
    }

    private static byte[] mutate(byte[] record, Random random, byte[] alphabet) {
        int at = random.nextInt(record.length);
        byte[] out;
        switch (random.nextInt(4)) {
            case 0: // delete
                out = new byte[record.length - 1];
                System.arraycopy(record, 0, out, 0, at);
                System.arraycopy(record, at + 1, out, at, record.length - at - 1);
                return out;
            case 1: // replace
                out = record.clone();
                out[at] = alphabet[random.nextInt(alphabet.length)];
                return out;
            case 2: // insert
                out = new byte[record.length + 1];
                System.arraycopy(record, 0, out, 0, at);
                out[at] = alphabet[random.nextInt(alphabet.length)];
                System.arraycopy(record, at, out, at + 1, record.length - at);
                return out;
            default: // repeat a span (a field given twice, a value doubled, ...)
                int length = Math.min(record.length - at, 1 + random.nextInt(80));
                out = new byte[record.length + length];
                System.arraycopy(record, 0, out, 0, at + length);
                System.arraycopy(record, at, out, at + length, record.length - at);
                return out;
        }
    }

    /**
     * Reads the record both ways: when the fast path decides, Jackson must accept it and read the same; returns
     * whether the fast path decided.
     */
    private boolean compare(byte[] payload) throws IOException {
        AgentEventReader.Read fast = fast(payload);
        if (fast == null) return false;
        assertTrue(Utf8.isValid(payload), () -> "the fast path accepted bytes that are not UTF-8: "
                + new String(payload, StandardCharsets.ISO_8859_1));
        AgentEventReader.Read jackson;
        try {
            jackson = AgentEventReader.readWithJackson(payload);
        } catch (IOException refused) {
            fail("the fast path accepted what Jackson refuses (" + refused.getMessage() + "): "
                    + new String(payload, StandardCharsets.UTF_8));
            return false;
        }
        assertSame(jackson, fast);
        return true;
    }

    private static void assertSame(AgentEventReader.Read expected, AgentEventReader.Read actual) {
        assertEquals(describe(expected), describe(actual));
        assertEquals(expected.event, actual.event);
    }

    private static String describe(AgentEventReader.Read read) {
        return read.empty + " " + read.notAnObject + " " + field(read.agentArn) + " " + field(read.eventType) + " "
                + field(read.eventTimestamp) + " " + read.event.eventId + " " + read.event.username + " "
                + read.event.statusName + " " + read.event.statusType;
    }

    private static String field(AgentEventReader.Field field) {
        return field.text + "/" + field.otherJson;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private AgentEventReader.Read fast(byte[] record) {
        return AgentEventReader.readFast(record, 0, record.length, tokens);
    }
}
