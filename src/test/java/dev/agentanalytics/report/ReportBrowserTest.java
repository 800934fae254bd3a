package dev.agentanalytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.ProjectTools;
import dev.agentanalytics.testing.Replays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a known replay, opened in a real browser (Debian's headless Chromium, driven by Playwright): it
 * draws without a console error or a single request off the file, shows the lanes, charts and tables it should,
 * pages and filters, and every number it shows equals the one computed here from the job's tables. Times are shown
 * in Europe/Berlin across the night the clocks went forward (2024-03-31: 02:00 does not exist there). A full-page
 * screenshot is kept as target/report-screenshot.png.
 */
class ReportBrowserTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Map<OutputTable, List<JsonNode>> tables;
    private static JsonNode shown;

    @BeforeAll
    static void replayReportAndLookAtIt() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        for (SimulatedRecord record : Replays.simulate(Map.of("simulator.agents", "70", "simulator.duration", "4h",
                "simulator.start", "2024-03-31T00:00:00Z", "simulator.seed", "3", "simulator.silent-agents", "3"))) {
            lines.add(record.payload);
        }
        Path input = work.resolve("events.jsonl");
        Replays.writeLines(lines, List.of(input));
        Path output = work.resolve("output");
        Map<OutputTable, List<String>> rows = Replays.replay(output, 2, List.of(input), Map.of());
        tables = new HashMap<>();
        for (Map.Entry<OutputTable, List<String>> table : rows.entrySet()) {
            List<JsonNode> parsed = new ArrayList<>();
            for (String row : table.getValue()) parsed.add(JSON.readTree(row));
            tables.put(table.getKey(), parsed);
        }

        Path report = work.resolve("report.html");
        ReportCli.write(ReportCli.parse(new String[] {output.toString(), "--zone", "Europe/Berlin", "--out",
                report.toString()}));
        Path chromium = ProjectTools.chromium();
        ProjectTools.npmPackage("playwright-core");
        Path root = ProjectTools.repositoryRoot();
        Path screenshot = root.resolve("target/report-screenshot.png");
        String out = ProjectTools.run(root, Duration.ofMinutes(3), "report-check.log", "node",
                "src/test/browser/report-check.mjs", report.toAbsolutePath().toString(), screenshot.toString(),
                chromium.toString());
        shown = JSON.readTree(out.substring(out.lastIndexOf("\n{") + 1));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the report");
    }

    @Test
    void itDrawsWithoutAnErrorAndWithoutTheNetwork() {
        assertEquals("[]", shown.get("consoleErrors").toString());
        assertEquals("[]", shown.get("pageErrors").toString());
        assertEquals("[]", shown.get("requests").toString(), "nothing is loaded from anywhere");
    }

    @Test
    void oneLanePerAgentPagedAndFiltered() {
        Set<String> agents = distinct(OutputTable.AGENT_ACTIVITY, "agent_arn");
        assertEquals(String.valueOf(agents.size()), shown.get("summary").get("agents").asText());
        assertEquals(String.valueOf(agents.size()), shown.get("laneStatus").get("agents").asText());
        assertEquals(50, shown.get("lanes").size(), "50 lanes per page");
        assertEquals(agents.size() - 50, shown.get("secondPage").get("lanes").asInt());
        assertTrue(shown.get("segments").asInt() > 1000 && shown.get("legs").asInt() > 100);
        assertEquals(1, shown.get("searched").asInt(), "searching an agent's ARN finds its lane");

        Map<String, Set<String>> agentsByTeam = new HashMap<>();
        Map<String, Integer> alertsByTeam = new HashMap<>();
        for (JsonNode row : tables.get(OutputTable.AGENT_ACTIVITY)) {
            agentsByTeam.computeIfAbsent(team(row), t -> new HashSet<>()).add(row.get("agent_arn").asText());
        }
        for (JsonNode row : tables.get(OutputTable.ALERTS)) alertsByTeam.merge(team(row), 1, Integer::sum);
        assertEquals(agentsByTeam.size(), shown.get("byTeam").size());
        for (JsonNode team : shown.get("byTeam")) {
            String name = team.get("team").asText();
            assertEquals(agentsByTeam.get(name).size(), team.get("agents").asInt(), name);
            assertEquals(alertsByTeam.getOrDefault(name, 0).intValue(), team.get("alerts").asInt(), name);
        }
    }

    @Test
    void timesAreShownInTheZoneAcrossTheChangeToSummerTime() {
        List<String> ticks = new ArrayList<>();
        shown.get("ticks").forEach(t -> ticks.add(t.asText()));
        // 00:00-04:00 UTC is 01:00 CET to 06:00 CEST: there is no 02:00 that night.
        assertEquals(List.of("01:00", "03:00", "04:00", "05:00", "06:00"), ticks);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BERLIN);
        List<JsonNode> alerts = new ArrayList<>(tables.get(OutputTable.ALERTS));
        alerts.sort((a, b) -> a.get("detected_at").asText().compareTo(b.get("detected_at").asText()));
        assertFalse(alerts.isEmpty(), "silent agents raise alerts");
        assertEquals(String.valueOf(alerts.size()), shown.get("alertStatus").get("alerts").asText());
        Set<String> expected = new HashSet<>();
        for (JsonNode alert : alerts) {
            expected.add(local.format(Instant.parse(alert.get("detected_at").asText())) + " "
                    + alert.get("alert_type").asText());
        }
        for (JsonNode row : shown.get("alertTable")) {
            assertTrue(expected.contains(row.get(0).asText() + " " + row.get(1).asText()), row.toString());
        }
    }

    @Test
    void everyQueueHasItsChartsWithTheOccupancyOfItsRows() {
        Map<String, Map<String, Double>> occupancy = new HashMap<>();
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BERLIN);
        for (JsonNode row : tables.get(OutputTable.QUEUE_METRICS)) {
            if (row.get("occupancy").isNull()) continue;
            occupancy.computeIfAbsent(row.get("queue_arn").asText(), q -> new HashMap<>())
                    .put(local.format(Instant.parse(row.get("window_start").asText())), row.get("occupancy").asDouble());
        }
        assertEquals(distinct(OutputTable.QUEUE_METRICS, "queue_arn").size(), shown.get("queueCharts").size());
        for (JsonNode chart : shown.get("queueCharts")) {
            assertEquals(2, chart.get("charts").asInt(), "occupancy and agents staffed");
            Map<String, Double> points = new HashMap<>();
            chart.get("occupancy").forEach(p -> points.put(p.get("window").asText(), p.get("value").asDouble()));
            assertEquals(occupancy.get(chart.get("queue").asText()), points, chart.get("queue").asText());
        }
    }

    @Test
    void handleTimeNonProductiveTimeAndTeamsShowTheTablesNumbers() {
        Map<String, List<String>> aht = new TreeMap<>();
        Map<String, long[]> perQueue = new HashMap<>();
        Map<String, String> queueNames = new HashMap<>();
        for (JsonNode leg : handled()) {
            long[] sums = perQueue.computeIfAbsent(leg.get("queue_arn").asText(), q -> new long[4]);
            queueNames.put(leg.get("queue_arn").asText(), leg.get("queue_name").asText());
            sums[0]++;
            sums[1] += leg.get("talk_ms").asLong();
            sums[2] += leg.get("hold_ms").asLong();
            sums[3] += leg.get("acw_ms").asLong();
        }
        for (Map.Entry<String, long[]> q : perQueue.entrySet()) {
            long[] s = q.getValue();
            aht.put(queueNames.get(q.getKey()), List.of(queueNames.get(q.getKey()), String.valueOf(s[0]),
                    seconds((double) s[1] / s[0]), seconds((double) s[2] / s[0]), seconds((double) s[3] / s[0]),
                    seconds((double) (s[1] + s[2] + s[3]) / s[0])));
        }
        assertEquals(aht, byFirstCell(shown.get("ahtTable")));
        long histogram = 0;
        for (JsonNode bin : shown.get("histogram")) histogram += bin.asLong();
        assertEquals(handled().size(), histogram, "every handled leg in the distribution");

        Map<String, Long> npt = new HashMap<>();
        for (JsonNode row : tables.get(OutputTable.AGENT_ACTIVITY)) {
            if (row.get("activity").asText().equals("NON_PRODUCTIVE")) {
                npt.merge(row.get("status_name").asText(), row.get("duration_ms").asLong(), Long::sum);
            }
        }
        Map<String, List<String>> nptRows = new TreeMap<>();
        npt.forEach((reason, ms) -> nptRows.put(reason, List.of(reason, hours(ms))));
        assertFalse(nptRows.isEmpty());
        assertEquals(nptRows, byFirstCell(shown.get("nptTable")));

        Map<String, long[]> teams = new HashMap<>();
        Map<String, Set<String>> teamAgents = new HashMap<>();
        for (JsonNode row : tables.get(OutputTable.AGENT_ACTIVITY)) {
            long[] t = teams.computeIfAbsent(team(row), k -> new long[7]);
            teamAgents.computeIfAbsent(team(row), k -> new HashSet<>()).add(row.get("agent_arn").asText());
            long ms = row.get("duration_ms").asLong();
            t[0] += ms;
            switch (row.get("activity").asText()) {
                case "AVAILABLE": t[1] += ms; break;
                case "ON_CONTACT": t[2] += ms; break;
                case "AFTER_CONTACT_WORK": t[3] += ms; break;
                case "NON_PRODUCTIVE": t[4] += ms; break;
                default:
            }
        }
        for (JsonNode leg : handled()) {
            long[] t = teams.computeIfAbsent(team(leg), k -> new long[7]);
            t[5]++;
            t[6] += leg.get("talk_ms").asLong() + leg.get("hold_ms").asLong() + leg.get("acw_ms").asLong();
        }
        Map<String, List<String>> teamRows = new TreeMap<>();
        teams.forEach((name, t) -> {
            long working = t[2] + t[3];
            teamRows.put(name, List.of(name, String.valueOf(teamAgents.get(name).size()), hours(t[0]), hours(t[1]),
                    hours(t[2]), hours(t[3]), hours(t[4]), percent((double) working / (working + t[1])),
                    String.valueOf(t[5]), t[5] == 0 ? "-" : seconds((double) t[6] / t[5])));
        });
        assertEquals(teamRows, byFirstCell(shown.get("teamTable")));
    }

    // ---- the numbers as the page formats them (JavaScript's toFixed: half up on the exact value) -----------------

    private static String hours(long ms) {
        return new BigDecimal(ms / 3_600_000.0).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String seconds(double ms) {
        return new BigDecimal(ms / 1000).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(double ratio) {
        return new BigDecimal(100 * ratio).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static List<JsonNode> handled() {
        List<JsonNode> legs = new ArrayList<>();
        for (JsonNode leg : tables.get(OutputTable.CONTACTS)) {
            if (leg.get("outcome").asText().equals("HANDLED")
                    && !"MONITOR".equals(leg.get("initiation_method").asText())) {
                legs.add(leg);
            }
        }
        return legs;
    }

    /** The hierarchy of a row as the report names a team. */
    private static String team(JsonNode row) {
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            JsonNode name = row.get("hierarchy_level_" + level);
            if (!name.isNull()) levels.add(name.asText());
        }
        return levels.isEmpty() ? "(no team)" : String.join(" / ", levels);
    }

    private static Set<String> distinct(OutputTable table, String field) {
        Set<String> values = new HashSet<>();
        for (JsonNode row : tables.get(table)) values.add(row.get(field).asText());
        return values;
    }

    private static Map<String, List<String>> byFirstCell(JsonNode rows) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.asText()));
            byKey.put(cells.get(0), cells);
        }
        return byKey;
    }
}
