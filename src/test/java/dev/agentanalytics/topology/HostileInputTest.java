package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.testing.Replays;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A corpus of malformed and odd records (docs/analytics.md §3.7, §4.7) replayed through the whole job, in BATCH and
 * STREAMING mode: it runs to its end; every record is either applied as the contract says or in dead_letters with
 * its reason, file and line; an oversized record is cut to its first KiB; a file that starts with a byte-order mark
 * is read as its text; a gzip file cut off ends with a dead letter, after its readable lines. And the job's own
 * counters add up: records in = applied + invalid + duplicates + late.
 */
class HostileInputTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String AGENT = "arn:aws:connect:us-east-1:1:instance/i/agent/hostile";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** One kind of record: its bytes and what must become of it (null: applied; "duplicate"; a reason's start). */
    private static final class Kind {
        final String name;
        final byte[] bytes;
        final String outcome;

        Kind(String name, String text, String outcome) {
            this(name, text.getBytes(StandardCharsets.UTF_8), outcome);
        }

        Kind(String name, byte[] bytes, String outcome) {
            this.name = name;
            this.bytes = bytes;
            this.outcome = outcome;
        }
    }

    private static int nextId;

    /** A valid event of the corpus agent; {@code snapshot} replaces the CurrentAgentSnapshot's JSON when given. */
    private static String event(String type, String time, String snapshot) {
        return "{\"AgentARN\":\"" + AGENT + "\",\"EventId\":\"h-" + (++nextId) + "\",\"EventType\":\"" + type
                + "\",\"EventTimestamp\":\"2024-05-06T" + time + ".000Z\",\"CurrentAgentSnapshot\":"
                + (snapshot != null ? snapshot : "{\"AgentStatus\":{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},"
                + "\"Configuration\":{\"Username\":\"hostile\",\"FirstName\":\"Secret\",\"LastName\":\"Name\"},"
                + "\"Contacts\":[]}") + "}";
    }

    private static List<Kind> corpus() {
        List<Kind> kinds = new ArrayList<>();
        String login = event("LOGIN", "08:00:00", null);
        kinds.add(new Kind("a valid login", login, null));
        kinds.add(new Kind("the same event again", login, "duplicate"));
        kinds.add(new Kind("truncated JSON", login.substring(0, login.length() / 2), "not JSON"));
        kinds.add(new Kind("an array", "[1,2,3]", "not a JSON object"));
        kinds.add(new Kind("a string", "\"hello\"", "not a JSON object"));
        kinds.add(new Kind("a number", "42", "not a JSON object"));
        kinds.add(new Kind("null", "null", "not a JSON object"));
        kinds.add(new Kind("an empty object", "{}", "missing AgentARN"));
        kinds.add(new Kind("AgentARN a number", login.replace("\"" + AGENT + "\"", "17"), "AgentARN is not a string"));
        kinds.add(new Kind("AgentARN null", login.replace("\"" + AGENT + "\"", "null"), "missing AgentARN"));
        kinds.add(new Kind("AgentARN empty", login.replace("\"" + AGENT + "\"", "\"\""), "missing AgentARN"));
        kinds.add(new Kind("EventType a number", login.replace("\"LOGIN\"", "3"), "EventType is not a string"));
        kinds.add(new Kind("EventType null", login.replace("\"LOGIN\"", "null"), "missing EventType"));
        kinds.add(new Kind("EventTimestamp in epoch milliseconds",
                login.replace("\"2024-05-06T08:00:00.000Z\"", "1714982400000"), "EventTimestamp 1714982400000 is not"));
        kinds.add(new Kind("EventTimestamp as digits in a string",
                login.replace("2024-05-06T08:00:00.000Z", "1714982400000"), "EventTimestamp \"1714982400000\" is not"));
        kinds.add(new Kind("EventTimestamp null", login.replace("\"2024-05-06T08:00:00.000Z\"", "null"),
                "missing EventTimestamp"));
        kinds.add(new Kind("EventTimestamp without a zone", login.replace(".000Z", ".000"), "EventTimestamp"));
        kinds.add(new Kind("EventTimestamp on February 30th", login.replace("2024-05-06", "2024-02-30"),
                "EventTimestamp"));
        kinds.add(new Kind("a field given twice", login.replace("{\"AgentARN\"", "{\"EventType\":\"LOGOUT\",\"AgentARN\""),
                "not JSON: Duplicate field 'EventType'"));
        kinds.add(new Kind("NaN", event("HEART_BEAT", "08:01:00", "{\"AgentStatus\":{\"Name\":\"Available\","
                + "\"Type\":\"ROUTABLE\"},\"Configuration\":{\"Proficiencies\":[{\"Level\":NaN}]}}"), "not JSON"));
        kinds.add(new Kind("nesting 5000 deep", event("HEART_BEAT", "08:01:00", "{\"Deep\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}"), "not JSON"));
        kinds.add(new Kind("a raw control character", event("HEART_BEAT", "08:01:00", "{\"AgentStatus\":{\"Name\":"
                + "\"Avail\u0001able\"}}"), "not JSON"));
        kinds.add(new Kind("garbage after the object", login.replace("h-1", "h-x") + " xyz", "not JSON"));
        kinds.add(new Kind("two objects", login.replace("h-1", "h-y") + login, "not JSON"));
        kinds.add(new Kind("a byte-order mark inside the file", "\uFEFF" + event("HEART_BEAT", "08:01:00", null),
                "not JSON"));
        kinds.add(new Kind("a record in UTF-16", login.replace("h-1", "h-u").getBytes(StandardCharsets.UTF_16LE),
                "not JSON: Illegal character ((CTRL-CHAR, code 0))"));
        kinds.add(new Kind("bytes that are not UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "not JSON: not valid UTF-8"));
        byte[] huge = event("HEART_BEAT", "08:02:00", "{\"Note\":\"" + "x".repeat(3 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        kinds.add(new Kind("a record of 3 MiB", huge, "record of " + huge.length + " bytes is larger than"));
        // Odd but valid: processed as the contract says.
        kinds.add(new Kind("an unknown event type", event("AGENT_PROFILE_UPDATED", "08:03:00", null), null));
        kinds.add(new Kind("CurrentAgentSnapshot a string", event("HEART_BEAT", "08:04:00", "\"nothing\""), null));
        kinds.add(new Kind("Contacts an object", event("HEART_BEAT", "08:05:00", "{\"AgentStatus\":{\"Name\":"
                + "\"Available\",\"Type\":\"ROUTABLE\"},\"Contacts\":{\"ContactId\":\"c\"}}"), null));
        kinds.add(new Kind("Contacts of numbers, strings and nulls", event("HEART_BEAT", "08:06:00",
                "{\"AgentStatus\":{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},\"Contacts\":[1,\"c\",null,[]]}"), null));
        kinds.add(new Kind("a contact of wrong types", event("STATE_CHANGE", "08:07:00", "{\"AgentStatus\":"
                + "{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},\"Contacts\":[{\"ContactId\":\"c1\",\"State\":5,"
                + "\"StateStartTimestamp\":1714982400000,\"Queue\":\"q\",\"Channel\":[]}]}"), null));
        kinds.add(new Kind("nulls everywhere", event("STATE_CHANGE", "08:08:00", "{\"AgentStatus\":null,"
                + "\"Configuration\":{\"Username\":null,\"RoutingProfile\":null,\"AgentHierarchyGroups\":null},"
                + "\"Contacts\":null,\"NextAgentStatus\":null}"), null));
        kinds.add(new Kind("an escaped NUL in the user name", event("HEART_BEAT", "08:09:00", "{\"AgentStatus\":"
                + "{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},\"Configuration\":{\"Username\":\"ho\\u0000stile\"}}"),
                null));
        StringBuilder many = new StringBuilder("{\"AgentStatus\":{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"},"
                + "\"Contacts\":[");
        for (int i = 0; i < 2000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"ContactId\":\"m").append(i).append("\",\"State\":\"INCOMING\"}");
        }
        kinds.add(new Kind("2000 contacts", event("STATE_CHANGE", "08:10:00", many + "]}"), null));
        kinds.add(new Kind("the contacts cleared", event("STATE_CHANGE", "08:11:00", null), null));
        kinds.add(new Kind("a timestamp in 9999", event("HEART_BEAT", "08:12:00", null).replace("2024-05-06T08:12",
                "9999-12-31T23:59").replace(AGENT, AGENT + "-future"), null));
        return kinds;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BATCH", "STREAMING"})
    void everyRecordIsAppliedOrADeadLetterWithItsReason(String mode) throws Exception {
        List<Kind> kinds = corpus();
        Path input = Files.createDirectories(work.resolve("input"));
        // The corpus, one record per line, with blank lines and CRLF ends among them (not records).
        ByteArrayOutputStream corpus = new ByteArrayOutputStream();
        for (Kind kind : kinds) {
            corpus.write(kind.bytes);
            corpus.write("\r\n  \n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(input.resolve("a-corpus.jsonl"), corpus.toByteArray());
        Files.write(input.resolve("b-empty.jsonl"), new byte[0]);
        // A file that starts with a byte-order mark: read as its text.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(input.resolve("c-bom.jsonl"), concat(bom, event("HEART_BEAT", "08:13:00", null)
                .getBytes(StandardCharsets.UTF_8)));
        // A gzip file cut off in the middle: its first two lines are read, then one dead letter.
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write((event("HEART_BEAT", "08:14:00", null) + "\n" + event("HEART_BEAT", "08:14:30", null) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            gzip.flush();
            gzip.write(("x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gzipped.toByteArray();
        Files.write(input.resolve("d-cut.jsonl.gz"), Arrays.copyOf(whole, whole.length - 20));

        Map.Entry<JobID, Map<OutputTable, List<String>>> run = Replays.runJob(Replays.replayKeys(
                work.resolve("out-" + mode), 2, List.of(input), Map.of("runtime-mode", mode, "checkpoint-interval", "1s")));
        Map<OutputTable, List<String>> rows = run.getValue();

        // Every invalid record is a dead letter with its reason, file and line.
        Map<String, JsonNode> deadLetters = new HashMap<>();
        for (String line : rows.get(OutputTable.DEAD_LETTERS)) {
            JsonNode row = JSON.readTree(line);
            String file = row.get("origin").asText();
            deadLetters.put(file.substring(file.lastIndexOf('/') + 1) + ":" + row.get("position").asText(), row);
        }
        int invalid = 0;
        int applied = 3; // the file that starts with a byte-order mark, and the two readable lines of the cut one
        int duplicates = 0;
        for (int i = 0; i < kinds.size(); i++) {
            Kind kind = kinds.get(i);
            JsonNode dead = deadLetters.get("a-corpus.jsonl:" + (2 * i + 1));
            if (kind.outcome == null || kind.outcome.equals("duplicate")) {
                assertNull(dead, kind.name + " is not a dead letter");
                if (kind.outcome == null) applied++; else duplicates++;
                continue;
            }
            invalid++;
            assertNotNull(dead, kind.name + " is a dead letter");
            assertTrue(dead.get("reason").asText().startsWith(kind.outcome),
                    kind.name + ": " + dead.get("reason").asText());
            assertEquals(kind.bytes.length, dead.get("payload_bytes").asLong(), kind.name + ": its size");
        }
        JsonNode oversized = deadLetters.get("a-corpus.jsonl:" + (2 * kinds.indexOf(kinds.stream()
                .filter(k -> k.name.equals("a record of 3 MiB")).findFirst().get()) + 1));
        assertEquals(DeadLetterRow.KEPT_OF_OVERSIZED, oversized.get("payload").asText().length(), "its first KiB");
        assertEquals(AGENT, deadLetters.get("a-corpus.jsonl:" + (2 * 15 + 1)).get("agent_arn").asText(),
                "a dead letter names the agent when the record does");
        JsonNode cut = deadLetters.get("d-cut.jsonl.gz:3");
        assertNotNull(cut, "the cut gzip file ends with a dead letter: " + deadLetters.keySet());
        assertTrue(cut.get("reason").asText().startsWith("the rest of the file could not be read"), cut.toString());
        invalid++;
        assertEquals(invalid, rows.get(OutputTable.DEAD_LETTERS).size());

        // The counters of this run: records in = applied + invalid + duplicates + late.
        Map<String, Long> counters = counters(run.getKey());
        assertEquals(applied, counters.get("recordsApplied"), counters.toString());
        assertEquals(invalid, counters.get("recordsInvalid"), counters.toString());
        assertEquals(duplicates, counters.get("recordsDuplicate"), counters.toString());
        assertEquals(0L, counters.getOrDefault("recordsLate", 0L), counters.toString());
        assertEquals(counters.get("recordsIn"), counters.get("recordsApplied") + counters.get("recordsInvalid")
                + counters.get("recordsDuplicate") + counters.getOrDefault("recordsLate", 0L), counters.toString());

        // The corpus agent was applied as the contract says: logged in at 08:00, Available to the end of its input.
        assertTrue(rows.get(OutputTable.AGENT_STATUS).stream().anyMatch(r -> r.contains(AGENT)));
        for (OutputTable table : OutputTable.values()) {
            if (table == OutputTable.DEAD_LETTERS) continue;
            for (String row : rows.get(table)) {
                assertTrue(!row.contains("Secret") && !row.contains("\"Name\""), "no first or last name: " + row);
            }
        }
    }

    /** The job's own counters ("kinesisanalytics" group), summed over subtasks. */
    private static Map<String, Long> counters(JobID job) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> group : METRICS.getMetricsByGroup().entrySet()) {
            if (!job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))) continue;
            for (Map.Entry<String, Metric> metric : group.getValue().entrySet()) {
                if (metric.getValue() instanceof Counter && metric.getKey().startsWith("records")
                        && group.getKey().getMetricIdentifier(metric.getKey()).contains("kinesisanalytics")) {
                    sums.merge(metric.getKey(), ((Counter) metric.getValue()).getCount(), Long::sum);
                }
            }
        }
        return sums;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
