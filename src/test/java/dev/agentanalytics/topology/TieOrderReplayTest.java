package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.testing.ConnectEvents;
import dev.agentanalytics.testing.Replays;
import dev.agentanalytics.testing.TieFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Same-millisecond events through the whole job, from files, in BATCH and STREAMING mode at parallelism 1, 2 and 4
 * (docs/analytics.md §3.7): the agents of {@link TieFixture}, whose every pair of events with the same timestamp is
 * split over two files, so the second arrives after the first whichever reader is faster, and BATCH mode's sort by
 * timestamp is free to swap them. Every row is worked out by hand: Available 08:00-08:05 and 08:12-08:14, Break
 * 08:05-08:10 (with after-contact work 08:07-08:09), Offline 08:10-08:12 after the same-millisecond logout and
 * login; the input ends at 08:14.
 */
class TieOrderReplayTest {
    private static final int AGENTS = 40;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"BATCH, 1", "BATCH, 2", "BATCH, 4", "STREAMING, 1", "STREAMING, 2", "STREAMING, 4"})
    void tiesKeepTheirArrivalOrder(String mode, int parallelism) throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.write(input.resolve("1.jsonl"), TieFixture.firstFile(AGENTS));
        Files.write(input.resolve("2.jsonl"), TieFixture.secondFile(AGENTS));

        // Each agent's lines start again at 08:00 after the previous agent's 08:14, and the second file goes back
        // to 08:05: 14 minutes of disorder. Under the default 5 s a STREAMING run makes the rest late whenever a
        // periodic watermark happens to go out mid-file (timing, not ties); 15 minutes leaves nothing late.
        Map<OutputTable, List<String>> rows = Replays.replay(work.resolve("out"), parallelism, List.of(input),
                Map.of("runtime-mode", mode, "checkpoint-interval", "1s", "out-of-orderness", "15m"));

        List<String> status = new ArrayList<>();
        List<String> activity = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        String window = "{\"window_start\":\"2024-05-06T08:00:00.000Z\",\"window_end\":\"2024-05-06T08:15:00.000Z\",";
        for (int i = 0; i < AGENTS; i++) {
            String who = window + "\"agent_arn\":\"" + TieFixture.agent(i) + "\",\"username\":\"alex\",";
            String voice = ",\"routing_profile_name\":\"Voice\",\"hierarchy_level_1\":null,\"hierarchy_level_2\":null,"
                    + "\"hierarchy_level_3\":null,\"hierarchy_level_4\":null,\"hierarchy_level_5\":null";
            status.add(who + "\"status_name\":\"Available\",\"status_type\":\"ROUTABLE\"" + voice + ",\"duration_ms\":420000}");
            status.add(who + "\"status_name\":\"Break\",\"status_type\":\"CUSTOM\"" + voice + ",\"duration_ms\":300000}");
            status.add(who + "\"status_name\":\"Offline\",\"status_type\":\"OFFLINE\"" + voice + ",\"duration_ms\":120000}");
            activity.add(who + "\"activity\":\"AFTER_CONTACT_WORK\",\"status_name\":null" + voice + ",\"duration_ms\":120000}");
            activity.add(who + "\"activity\":\"AVAILABLE\",\"status_name\":null" + voice + ",\"duration_ms\":420000}");
            activity.add(who + "\"activity\":\"NON_PRODUCTIVE\",\"status_name\":\"Break\"" + voice + ",\"duration_ms\":180000}");
            activity.add(who + "\"activity\":\"OFFLINE\",\"status_name\":null" + voice + ",\"duration_ms\":120000}");
            contacts.add("{\"contact_id\":\"" + TieFixture.contactId(i) + "\",\"initial_contact_id\":null,\"agent_arn\":\"" + TieFixture.agent(i)
                    + "\",\"username\":\"alex\",\"queue_arn\":\"" + ConnectEvents.BILLING_ARN + "\",\"queue_name\":"
                    + "\"Billing\",\"channel\":\"VOICE\",\"initiation_method\":\"INBOUND\",\"outcome\":\"HANDLED\","
                    + "\"offered_at\":\"2024-05-06T08:07:00.000Z\",\"connected_at\":\"2024-05-06T08:07:00.000Z\","
                    + "\"ended_at\":\"2024-05-06T08:07:00.000Z\",\"completed_at\":\"2024-05-06T08:09:00.000Z\","
                    + "\"ring_ms\":0,\"talk_ms\":0,\"hold_ms\":0,\"hold_count\":0,\"acw_ms\":120000,"
                    + "\"handle_ms\":120000" + voice + "}");
        }
        status.sort(null);
        activity.sort(null);
        contacts.sort(null);
        assertEquals(status, rows.get(OutputTable.AGENT_STATUS));
        assertEquals(activity, rows.get(OutputTable.AGENT_ACTIVITY));
        assertEquals(contacts, rows.get(OutputTable.CONTACTS));
        long agents = AGENTS;
        assertEquals(List.of(window + "\"queue_arn\":\"" + ConnectEvents.BILLING_ARN + "\",\"queue_name\":\"Billing\","
                + "\"staffed_ms\":" + agents * 840_000 + ",\"available_ms\":" + agents * 420_000 + ",\"on_contact_ms\":0,"
                + "\"acw_ms\":" + agents * 120_000 + ",\"incoming_ms\":0,\"non_productive_ms\":" + agents * 180_000
                + ",\"error_ms\":0,\"offline_ms\":" + agents * 120_000 + ",\"avg_agents_staffed\":"
                + (agents * 840_000.0 / 900_000.0) + ",\"occupancy\":" + (120_000.0 / 540_000.0)
                + ",\"contacts_handled\":" + agents + ",\"handle_ms_sum\":" + agents * 120_000
                + ",\"avg_handle_ms\":120000}"), rows.get(OutputTable.QUEUE_METRICS));
        assertEquals(List.of(), rows.get(OutputTable.ALERTS));
        assertEquals(List.of(), rows.get(OutputTable.LATE_EVENTS));
        assertEquals(List.of(), rows.get(OutputTable.DEAD_LETTERS));
    }
}
