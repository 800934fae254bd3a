package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.ConnectEvents;
import dev.agentanalytics.testing.Replays;
import dev.agentanalytics.testing.TieFixture;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job from files to the output tables on a MiniCluster: real file source, real file sinks, BATCH mode,
 * exactly as {@code scripts/replay.sh} runs it.
 */
class ReplayPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    /**
     * A simulated contact center with every fault: duplicates, reordering, malformed records, silent agents; plus
     * agents with events in the same millisecond ({@link TieFixture}), whose order the split must keep.
     */
    private static final Map<String, String> SIMULATION = Map.of(
            "simulator.agents", "30", "simulator.duration", "2h", "simulator.seed", "7",
            "simulator.duplicates", "0.02", "simulator.out-of-order", "0.05", "simulator.malformed", "0.01",
            "simulator.silent-agents", "2");

    private static final int TIE_AGENTS = 10;

    @TempDir
    static Path work;
    private static List<byte[]> lines;
    private static Map<OutputTable, List<String>> reference;

    @BeforeAll
    static void replayOnceAsTheReference() throws Exception {
        lines = new ArrayList<>();
        for (SimulatedRecord record : Replays.simulate(SIMULATION)) lines.add(record.payload);
        for (String tie : TieFixture.inArrivalOrder(TIE_AGENTS)) lines.add(tie.getBytes(StandardCharsets.UTF_8));
        Path single = work.resolve("all.jsonl");
        Replays.writeLines(lines, List.of(single));
        reference = Replays.replay(work.resolve("reference"), 1, List.of(single), Map.of());
    }

    @Test
    void everyTableHasRowsAndNothingIsLateInAReplay() {
        List<String> breaks = reference.get(OutputTable.AGENT_STATUS).stream()
                .filter(row -> row.contains(TieFixture.AGENT_PREFIX) && row.contains("\"Break\""))
                .collect(Collectors.toList());
        assertEquals(TIE_AGENTS, breaks.size());
        assertTrue(breaks.stream().allMatch(row -> row.endsWith("\"duration_ms\":300000}")),
                "Break from 08:05 to the logout at 08:10: " + breaks);
        for (OutputTable table : OutputTable.values()) {
            if (table == OutputTable.LATE_EVENTS) {
                assertEquals(List.of(), reference.get(table), "a bounded replay applies every valid record");
            } else {
                assertFalse(reference.get(table).isEmpty(), table + " has rows");
            }
        }
    }

    @Test
    void theSameRowsWhateverTheParallelismAndHoweverTheInputIsSplit() throws Exception {
        for (int parallelism : new int[] {2, 4}) {
            Path folder = Files.createDirectories(work.resolve("split-" + parallelism));
            List<Path> parts = new ArrayList<>();
            for (int i = 0; i < 3; i++) parts.add(folder.resolve("part-" + i + ".jsonl"));
            Replays.writeLines(lines, parts);
            // The folder as input: the file source reads every file in it.
            Map<OutputTable, List<String>> rows =
                    Replays.replay(work.resolve("out-" + parallelism), parallelism, List.of(folder), Map.of());
            assertSameTables(reference, rows, "parallelism " + parallelism + " and 3 files");
        }
    }

    /**
     * STREAMING from 12 files: the same rows as BATCH, though the tie fixture's lines, appended at the end, are hours
     * older than the lines before them: the watermark waits for every record still to be read.
     */
    @Test
    void aStreamingReplayOfAFolderGivesTheRowsOfTheBatchOne() throws Exception {
        Path folder = Files.createDirectories(work.resolve("streaming-parts"));
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 12; i++) parts.add(folder.resolve(String.format("part-%02d.jsonl", i)));
        Replays.writeLines(lines, parts);
        Map<OutputTable, List<String>> streaming = Replays.replay(work.resolve("streaming-out"), 2,
                List.of(folder), Map.of("runtime-mode", "STREAMING", "checkpoint-interval", "1s"));
        assertSameTables(reference, streaming, "STREAMING at parallelism 2 from 12 files");
    }

    /**
     * The input in no order at all (shuffled, then reversed): in STREAMING mode at parallelism 2 and 4 no record is
     * late and the rows are BATCH's for the same files (docs/analytics.md §3.6).
     */
    @Test
    void aStreamingReplayInAnyOrderHasNoLateEvents() throws Exception {
        List<byte[]> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(11));
        List<byte[]> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        int run = 0;
        for (List<byte[]> order : List.of(shuffled, reversed)) {
            run++;
            Path folder = Files.createDirectories(work.resolve("disorder-" + run));
            List<Path> parts = new ArrayList<>();
            for (int i = 0; i < 5; i++) parts.add(folder.resolve("part-" + i + ".jsonl"));
            Replays.writeLines(order, parts);
            Map<OutputTable, List<String>> batch = Replays.replay(work.resolve("disorder-batch-" + run), 1,
                    List.of(folder), Map.of());
            assertEquals(List.of(), batch.get(OutputTable.LATE_EVENTS));
            assertFalse(batch.get(OutputTable.AGENT_STATUS).isEmpty());
            for (int parallelism : new int[] {2, 4}) {
                Map<OutputTable, List<String>> streaming = Replays.replay(
                        work.resolve("disorder-streaming-" + run + "-" + parallelism), parallelism, List.of(folder),
                        Map.of("runtime-mode", "STREAMING", "checkpoint-interval", "1s"));
                assertSameTables(batch, streaming, "order " + run + ", STREAMING at parallelism " + parallelism);
            }
        }
    }

    /**
     * A folder's hidden files ({@code _SUCCESS}, here not even JSON) are not input; a file named as an input is,
     * whatever its name.
     */
    @Test
    void aFileNamedAsAnInputIsReadWhateverItsName() throws Exception {
        Path folder = Files.createDirectories(work.resolve("named"));
        Path named = work.resolve("_rest.jsonl");
        Replays.writeLines(lines, List.of(folder.resolve("part-0.jsonl"), named));
        Files.writeString(folder.resolve("_SUCCESS"), "not a record");
        Files.writeString(folder.resolve(".part-1.jsonl.crc"), "not a record");
        Map<OutputTable, List<String>> rows = Replays.replay(work.resolve("named-out"), 2, List.of(folder, named),
                Map.of());
        assertSameTables(reference, rows, "a folder and a file named _rest.jsonl");
    }

    private static void assertSameTables(Map<OutputTable, List<String>> expected,
                                         Map<OutputTable, List<String>> actual, String run) {
        for (OutputTable table : OutputTable.values()) {
            if (table == OutputTable.DEAD_LETTERS) {
                assertEquals(withoutReceivedAt(expected.get(table)), withoutReceivedAt(actual.get(table)));
            } else {
                assertEquals(expected.get(table), actual.get(table),
                        () -> table + ", " + run + ": " + difference(expected.get(table), actual.get(table)));
            }
        }
    }

    @Test
    void theStreamingSimulatorGivesTheRowsOfTheReplay() throws Exception {
        Map<String, String> keys = new java.util.HashMap<>(SIMULATION);
        keys.put("source", "simulator");
        keys.put("output", work.resolve("streaming").toString());
        keys.put("parallelism", "2");
        keys.put("checkpoint-interval", "1s");
        Map<OutputTable, List<String>> rows = Replays.run(keys);
        for (OutputTable table : OutputTable.values()) {
            List<String> simulated = reference.get(table).stream()
                    .filter(row -> !row.contains(TieFixture.AGENT_PREFIX) && !row.contains(ConnectEvents.BILLING_ARN))
                    .collect(Collectors.toList());
            if (table == OutputTable.DEAD_LETTERS) {
                assertEquals(simulated.size(), rows.get(table).size());
            } else {
                assertEquals(simulated, rows.get(table), table + " streamed vs replayed");
            }
        }
    }

    @Test
    void everyInvalidRecordReachesTheDeadLettersWithItsReason() throws Exception {
        Path input = work.resolve("mixed.jsonl.gz");
        String valid = "{\"AgentARN\":\"arn:aws:connect:us-east-1:1:instance/i/agent/a\",\"EventType\":\"LOGIN\","
                + "\"EventTimestamp\":\"2024-05-06T08:00:00.000Z\",\"EventId\":\"e1\",\"CurrentAgentSnapshot\":"
                + "{\"AgentStatus\":{\"Name\":\"Available\",\"Type\":\"ROUTABLE\"}}}";
        String later = valid.replace("LOGIN", "HEART_BEAT").replace("08:00:00.000Z", "08:20:00.000Z")
                .replace("e1", "e2");
        byte[] notUtf8 = {'{', '"', (byte) 0xFF, '"', '}'};
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input))) {
            out.write(String.join("\n", valid, "", "   ", "not json at all", "[1,2,3]",
                    "{\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}",
                    valid.replace("2024-05-06T08:00:00.000Z", "2019-13-45"),
                    valid + " {}", later, "").getBytes(StandardCharsets.UTF_8));
            out.write(notUtf8);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<OutputTable, List<String>> rows = Replays.replay(work.resolve("mixed"), 2, List.of(input), Map.of());

        ObjectMapper json = new ObjectMapper();
        List<String> reasons = new ArrayList<>();
        for (String line : rows.get(OutputTable.DEAD_LETTERS)) {
            JsonNode row = json.readTree(line);
            reasons.add(row.get("reason").asText().replaceAll(":.*", "") + " | " + row.get("payload_encoding").asText());
            assertTrue(row.hasNonNull("received_at"));
            assertTrue(row.hasNonNull("payload"));
        }
        reasons.sort(null);
        assertEquals(List.of(
                "EventTimestamp \"2019-13-45\" is not ISO-8601 | utf-8",
                "missing AgentARN | utf-8",
                "not JSON | base64",
                "not JSON | utf-8",
                "not JSON | utf-8",
                "not a JSON object | utf-8"), reasons);
        // The two valid records: one agent Available from 08:00 to the end of the input at 08:20.
        assertEquals(List.of(
                statusRow("08:00", "08:15", 900_000),
                statusRow("08:15", "08:30", 300_000)), rows.get(OutputTable.AGENT_STATUS));
    }

    private static String statusRow(String start, String end, long ms) {
        return "{\"window_start\":\"2024-05-06T" + start + ":00.000Z\",\"window_end\":\"2024-05-06T" + end
                + ":00.000Z\",\"agent_arn\":\"arn:aws:connect:us-east-1:1:instance/i/agent/a\",\"username\":null,"
                + "\"status_name\":\"Available\",\"status_type\":\"ROUTABLE\",\"routing_profile_name\":null,"
                + "\"hierarchy_level_1\":null,\"hierarchy_level_2\":null,\"hierarchy_level_3\":null,"
                + "\"hierarchy_level_4\":null,\"hierarchy_level_5\":null,\"duration_ms\":" + ms + "}";
    }

    /** The rows only one side has, a few of each: what a failure message can show. */
    private static String difference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        return missing.size() + " missing, e.g. " + missing.subList(0, Math.min(2, missing.size())) + "; "
                + extra.size() + " extra, e.g. " + extra.subList(0, Math.min(2, extra.size()));
    }

    /** Dead letters without what depends on the run (when it read them) and the split (which file and line). */
    private static List<String> withoutReceivedAt(List<String> deadLetters) {
        return deadLetters.stream().map(line -> line.replaceAll("\"received_at\":\"[^\"]*\",", "")
                        .replaceAll("\"origin\":\"[^\"]*\",\"position\":\"[^\"]*\",", ""))
                .sorted().collect(Collectors.toList());
    }

}
