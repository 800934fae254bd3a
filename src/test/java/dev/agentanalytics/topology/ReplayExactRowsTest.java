package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.testing.Replays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent's morning, replayed from a file through the whole job, with every row of every table worked out by
 * hand (times on 2024-05-06, UTC):
 *
 * <pre>
 * 08:00:00 LOGIN        Available, serves Billing; routing profile Voice, hierarchy EMEA / Dublin / Billing team
 * 08:01:00 STATE_CHANGE call c1 INCOMING (StateStartTimestamp 08:01:00)
 * 08:01:10 STATE_CHANGE c1 CONNECTED
 * 08:03:00 STATE_CHANGE c1 CONNECTED_ONHOLD (StateStartTimestamp not moved by Connect: still 08:01:10)
 * 08:04:00 STATE_CHANGE c1 CONNECTED
 * 08:06:00 STATE_CHANGE c1 ENDED (after-contact work)
 * 08:07:00 STATE_CHANGE no contacts
 *          silence: AGENT_STALE at 08:12:00
 * 08:20:00 HEART_BEAT   AGENT_RECOVERED
 * 08:25:00 LOGOUT
 * 08:30:00 HEART_BEAT   after logout: reopens nothing; the input's last event, so time stops here
 * </pre>
 */
class ReplayExactRowsTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String AGENT = "arn:aws:connect:us-east-1:1:instance/i/agent/a-1";
    private static final String BILLING = "arn:aws:connect:us-east-1:1:instance/i/queue/q-billing";
    private static final String OWN_QUEUE = "arn:aws:connect:us-east-1:1:instance/i/queue/agent/a-1";

    @TempDir
    Path work;

    private static String event(String id, String type, String time, String status, String contactState,
                                String stateStart) {
        String contacts = contactState == null ? "[]"
                : "[{\"ContactId\":\"c1\",\"Channel\":\"VOICE\",\"InitiationMethod\":\"INBOUND\",\"InitialContactId\":null,"
                + "\"Queue\":{\"ARN\":\"" + BILLING + "\",\"Name\":\"Billing\"},\"State\":\"" + contactState + "\","
                + "\"StateStartTimestamp\":\"2024-05-06T" + stateStart + ".000Z\"}]";
        return "{\"AgentARN\":\"" + AGENT + "\",\"EventId\":\"" + id + "\",\"EventType\":\"" + type + "\","
                + "\"EventTimestamp\":\"2024-05-06T" + time + ".000Z\",\"Version\":\"2019-05-25\","
                + "\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"" + status + "\",\"Type\":\""
                + ("Offline".equals(status) ? "OFFLINE" : "ROUTABLE") + "\"},\"Configuration\":{\"Username\":\"alex\","
                + "\"AgentHierarchyGroups\":{\"Level1\":{\"ARN\":\"g1\",\"Name\":\"EMEA\"},"
                + "\"Level2\":{\"ARN\":\"g2\",\"Name\":\"Dublin\"},\"Level3\":{\"ARN\":\"g3\",\"Name\":\"Billing team\"}},"
                + "\"RoutingProfile\":{\"Name\":\"Voice\",\"InboundQueues\":[{\"ARN\":\"" + OWN_QUEUE + "\",\"Name\":null},"
                + "{\"ARN\":\"" + BILLING + "\",\"Name\":\"Billing\"}]}},\"Contacts\":" + contacts + "}}";
    }

    @Test
    void everyRowOfAnAgentsMorning() throws Exception {
        Path input = work.resolve("morning.jsonl");
        // Deliberately out of order in the file: a replay applies events in EventTimestamp order.
        Files.write(input, List.of(
                event("e9", "LOGOUT", "08:25:00", "Offline", null, null),
                event("e1", "LOGIN", "08:00:00", "Available", null, null),
                event("e3", "STATE_CHANGE", "08:01:10", "Available", "CONNECTED", "08:01:10"),
                event("e2", "STATE_CHANGE", "08:01:00", "Available", "INCOMING", "08:01:00"),
                event("e4", "STATE_CHANGE", "08:03:00", "Available", "CONNECTED_ONHOLD", "08:01:10"),
                event("e5", "STATE_CHANGE", "08:04:00", "Available", "CONNECTED", "08:04:00"),
                event("e5", "STATE_CHANGE", "08:04:00", "Available", "CONNECTED", "08:04:00"), // a duplicate
                event("e6", "STATE_CHANGE", "08:06:00", "Available", "ENDED", "08:06:00"),
                event("e7", "STATE_CHANGE", "08:07:00", "Available", null, null),
                event("e8", "HEART_BEAT", "08:20:00", "Available", null, null),
                event("e10", "HEART_BEAT", "08:30:00", "Offline", null, null)));
        Map<OutputTable, List<String>> rows = Replays.replay(work.resolve("out"), 2, List.of(input), Map.of());

        String agent = "\"agent_arn\":\"" + AGENT + "\",\"username\":\"alex\"";
        String team = "\"routing_profile_name\":\"Voice\",\"hierarchy_level_1\":\"EMEA\",\"hierarchy_level_2\":\"Dublin\","
                + "\"hierarchy_level_3\":\"Billing team\",\"hierarchy_level_4\":null,\"hierarchy_level_5\":null";
        assertEquals(List.of(
                "{\"window_start\":\"2024-05-06T08:00:00.000Z\",\"window_end\":\"2024-05-06T08:15:00.000Z\","
                        + agent + ",\"status_name\":\"Available\",\"status_type\":\"ROUTABLE\"," + team + ",\"duration_ms\":900000}",
                "{\"window_start\":\"2024-05-06T08:15:00.000Z\",\"window_end\":\"2024-05-06T08:30:00.000Z\","
                        + agent + ",\"status_name\":\"Available\",\"status_type\":\"ROUTABLE\"," + team + ",\"duration_ms\":600000}"),
                rows.get(OutputTable.AGENT_STATUS));

        // 08:00 window: available 60 s + 480 s, incoming 10 s, on contact 290 s (talk and hold), ACW 60 s.
        String w1 = "{\"window_start\":\"2024-05-06T08:00:00.000Z\",\"window_end\":\"2024-05-06T08:15:00.000Z\"," + agent;
        String w2 = "{\"window_start\":\"2024-05-06T08:15:00.000Z\",\"window_end\":\"2024-05-06T08:30:00.000Z\"," + agent;
        assertEquals(List.of(
                w1 + ",\"activity\":\"AFTER_CONTACT_WORK\",\"status_name\":null," + team + ",\"duration_ms\":60000}",
                w1 + ",\"activity\":\"AVAILABLE\",\"status_name\":null," + team + ",\"duration_ms\":540000}",
                w1 + ",\"activity\":\"INCOMING\",\"status_name\":null," + team + ",\"duration_ms\":10000}",
                w1 + ",\"activity\":\"ON_CONTACT\",\"status_name\":null," + team + ",\"duration_ms\":290000}",
                w2 + ",\"activity\":\"AVAILABLE\",\"status_name\":null," + team + ",\"duration_ms\":600000}"),
                rows.get(OutputTable.AGENT_ACTIVITY));

        // Ring 10 s; talk 08:01:10-08:03 and 08:04-08:06 = 230 s; hold 08:03-08:04 (the state start Connect did
        // not move is replaced by the event's time); ACW 08:06-08:07.
        assertEquals(List.of("{\"contact_id\":\"c1\",\"initial_contact_id\":null," + agent + ",\"queue_arn\":\""
                + BILLING + "\",\"queue_name\":\"Billing\",\"channel\":\"VOICE\",\"initiation_method\":\"INBOUND\","
                + "\"outcome\":\"HANDLED\",\"offered_at\":\"2024-05-06T08:01:00.000Z\","
                + "\"connected_at\":\"2024-05-06T08:01:10.000Z\",\"ended_at\":\"2024-05-06T08:06:00.000Z\","
                + "\"completed_at\":\"2024-05-06T08:07:00.000Z\",\"ring_ms\":10000,\"talk_ms\":230000,"
                + "\"hold_ms\":60000,\"hold_count\":1,\"acw_ms\":60000,\"handle_ms\":350000," + team + "}"),
                rows.get(OutputTable.CONTACTS));

        assertEquals(List.of(
                "{\"window_start\":\"2024-05-06T08:00:00.000Z\",\"window_end\":\"2024-05-06T08:15:00.000Z\","
                        + "\"queue_arn\":\"" + BILLING + "\",\"queue_name\":\"Billing\",\"staffed_ms\":900000,"
                        + "\"available_ms\":540000,\"on_contact_ms\":290000,\"acw_ms\":60000,\"incoming_ms\":10000,"
                        + "\"non_productive_ms\":0,\"error_ms\":0,\"offline_ms\":0,\"avg_agents_staffed\":1.0,"
                        + "\"occupancy\":" + (350_000.0 / 890_000.0) + ",\"contacts_handled\":1,"
                        + "\"handle_ms_sum\":350000,\"avg_handle_ms\":350000}",
                "{\"window_start\":\"2024-05-06T08:15:00.000Z\",\"window_end\":\"2024-05-06T08:30:00.000Z\","
                        + "\"queue_arn\":\"" + BILLING + "\",\"queue_name\":\"Billing\",\"staffed_ms\":600000,"
                        + "\"available_ms\":600000,\"on_contact_ms\":0,\"acw_ms\":0,\"incoming_ms\":0,"
                        + "\"non_productive_ms\":0,\"error_ms\":0,\"offline_ms\":0,\"avg_agents_staffed\":"
                        + (600_000.0 / 900_000.0) + ",\"occupancy\":0.0,\"contacts_handled\":0,"
                        + "\"handle_ms_sum\":0,\"avg_handle_ms\":null}"),
                rows.get(OutputTable.QUEUE_METRICS));

        List<String> alerts = rows.get(OutputTable.ALERTS);
        assertEquals(2, alerts.size());
        String id = alerts.get(0).substring(alerts.get(0).indexOf("\"alert_id\":\"") + 12).substring(0, 36);
        assertEquals(List.of(
                "{\"alert_id\":\"" + id + "\",\"alert_type\":\"AGENT_RECOVERED\"," + agent + ",\"contact_id\":null,"
                        + "\"detected_at\":\"2024-05-06T08:20:00.000Z\",\"last_event_at\":\"2024-05-06T08:07:00.000Z\","
                        + "\"silence_ms\":780000,\"status_name\":\"Available\",\"open_contacts\":0," + team + "}",
                "{\"alert_id\":\"" + id + "\",\"alert_type\":\"AGENT_STALE\"," + agent + ",\"contact_id\":null,"
                        + "\"detected_at\":\"2024-05-06T08:12:00.000Z\",\"last_event_at\":\"2024-05-06T08:07:00.000Z\","
                        + "\"silence_ms\":300000,\"status_name\":\"Available\",\"open_contacts\":0," + team + "}"),
                alerts);
        assertEquals(List.of(), rows.get(OutputTable.LATE_EVENTS));
        assertEquals(List.of(), rows.get(OutputTable.DEAD_LETTERS));
    }
}
