package dev.agentanalytics.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.Replays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example query of docs/ runs on a real SQL engine, DuckDB, over the output folder of a known replay, through
 * the views of docs/duckdb/tables.sql, and gives the numbers computed here from the job's rows. The replay holds a
 * shift on 2024-05-06 (the date the queries filter on) and a day and a night around the change to summer time in
 * Berlin (2024-03-31, a 23-hour local day). A query added to docs/ without a check here fails the build.
 */
class SqlQueriesTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Path QUERIES = Path.of("docs", "athena", "queries");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Map<OutputTable, List<JsonNode>> tables;
    private static Connection duckdb;

    @BeforeAll
    static void replayAndCreateTheViews() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        for (SimulatedRecord r : Replays.simulate(Map.of("simulator.agents", "12", "simulator.duration", "26h",
                "simulator.start", "2024-03-30T22:00:00Z", "simulator.seed", "8"))) {
            lines.add(r.payload);
        }
        for (SimulatedRecord r : Replays.simulate(Map.of("simulator.agents", "40", "simulator.duration", "3h",
                "simulator.seed", "9", "simulator.silent-agents", "2", "simulator.malformed", "0.01"))) {
            lines.add(r.payload);
        }
        Path input = work.resolve("events.jsonl");
        Replays.writeLines(lines, List.of(input));
        Map<OutputTable, List<String>> rows = Replays.replay(work.resolve("output"), 2, List.of(input), Map.of());
        tables = new HashMap<>();
        for (Map.Entry<OutputTable, List<String>> table : rows.entrySet()) {
            List<JsonNode> parsed = new ArrayList<>();
            for (String row : table.getValue()) parsed.add(JSON.readTree(row));
            tables.put(table.getKey(), parsed);
        }

        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        execute("SET file_search_path = '" + work + "'"); // the views read output/<table>/... relative to it
        for (String statement : statements(Files.readString(Path.of("docs/duckdb/tables.sql")))) {
            if (statement.contains("VIEW late_events")) continue; // a replay has no late events: no file to read
            execute(statement);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (duckdb != null) duckdb.close();
    }

    @Test
    void everyQueryInTheDocsIsCheckedHere() throws Exception {
        Set<String> files;
        try (Stream<Path> list = Files.list(QUERIES)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of("aht_per_queue_per_day.sql", "hourly_occupancy_per_queue.sql",
                "local_day_rollup.sql", "non_productive_time_by_reason.sql", "time_in_status_per_team_per_day.sql")),
                files, "each query of docs/athena/queries has its test below");
    }

    @Test
    void theViewsHaveTheColumnsOfTheAthenaTables() throws Exception {
        for (OutputTable table : OutputTable.values()) {
            if (table == OutputTable.LATE_EVENTS) continue;
            List<String> columns = new ArrayList<>();
            for (Map<String, Object> row : query("DESCRIBE " + table.tableName())) {
                columns.add((String) row.get("column_name"));
            }
            JsonNode sample = tables.get(table).get(0);
            List<String> fields = new ArrayList<>();
            sample.fieldNames().forEachRemaining(fields::add);
            fields.add("dt");
            fields.add("hour");
            assertEquals(fields, columns, table.tableName());
        }
    }

    @Test
    void ahtPerQueuePerDay() throws Exception {
        Map<String, long[]> expected = new HashMap<>(); // dt|queue -> count, handle, talk, hold, acw
        for (JsonNode leg : tables.get(OutputTable.CONTACTS)) {
            String day = leg.get("completed_at").asText().substring(0, 10);
            if (!leg.get("outcome").asText().equals("HANDLED") || "MONITOR".equals(text(leg, "initiation_method"))
                    || leg.get("queue_arn").isNull() || day.compareTo("2024-05-01") < 0 || day.compareTo("2024-05-07") > 0) {
                continue;
            }
            long[] s = expected.computeIfAbsent(day + "|" + leg.get("queue_arn").asText(), k -> new long[5]);
            s[0]++;
            s[1] += leg.get("handle_ms").asLong();
            s[2] += leg.get("talk_ms").asLong();
            s[3] += leg.get("hold_ms").asLong();
            s[4] += leg.get("acw_ms").asLong();
        }
        List<Map<String, Object>> rows = query(file("aht_per_queue_per_day.sql"));
        assertEquals(expected.size(), rows.size());
        assertTrue(rows.size() >= 5, "several queues handled contacts");
        for (Map<String, Object> row : rows) {
            long[] s = expected.get(row.get("day_utc") + "|" + row.get("queue_arn"));
            assertEquals(s[0], number(row, "contacts_handled"));
            assertEquals(s[1], number(row, "handle_ms_sum"));
            close(s[1] / 1000.0 / s[0], row, "aht_s", 0.05);
            close(s[2] / 1000.0 / s[0], row, "avg_talk_s", 0.05);
            close(s[3] / 1000.0 / s[0], row, "avg_hold_s", 0.05);
            close(s[4] / 1000.0 / s[0], row, "avg_acw_s", 0.05);
        }
    }

    @Test
    void hourlyOccupancyPerQueue() throws Exception {
        Map<String, long[]> expected = new HashMap<>(); // hour|queue -> working, available, staffed
        for (JsonNode row : tables.get(OutputTable.QUEUE_METRICS)) {
            String start = row.get("window_start").asText();
            if (!start.startsWith("2024-05-06")) continue;
            long[] s = expected.computeIfAbsent(start.substring(11, 13) + "|" + row.get("queue_arn").asText(),
                    k -> new long[3]);
            s[0] += row.get("on_contact_ms").asLong() + row.get("acw_ms").asLong();
            s[1] += row.get("available_ms").asLong();
            s[2] += row.get("staffed_ms").asLong();
        }
        List<Map<String, Object>> rows = query(file("hourly_occupancy_per_queue.sql"));
        assertEquals(expected.size(), rows.size());
        for (Map<String, Object> row : rows) {
            long[] s = expected.get(row.get("hour_utc") + "|" + row.get("queue_arn"));
            assertEquals(s[0], number(row, "working_ms"));
            assertEquals(s[1], number(row, "available_ms"));
            close(s[2] / 3_600_000.0, row, "avg_agents_staffed", 0.005);
            close((double) s[0] / (s[0] + s[1]), row, "occupancy", 1e-12);
        }
    }

    @Test
    void nonProductiveTimeByReason() throws Exception {
        Map<String, Long> loggedIn = new HashMap<>();
        Map<String, Long> byReason = new HashMap<>();
        for (JsonNode row : tables.get(OutputTable.AGENT_ACTIVITY)) {
            String day = row.get("window_start").asText().substring(0, 10);
            if (day.compareTo("2024-05-01") < 0 || day.compareTo("2024-05-07") > 0) continue;
            String agent = row.get("agent_arn").asText();
            loggedIn.merge(agent, row.get("duration_ms").asLong(), Long::sum);
            if (row.get("activity").asText().equals("NON_PRODUCTIVE")) {
                byReason.merge(agent + "|" + row.get("status_name").asText(), row.get("duration_ms").asLong(),
                        Long::sum);
            }
        }
        List<Map<String, Object>> rows = query(file("non_productive_time_by_reason.sql"));
        assertEquals(byReason.size(), rows.size());
        assertTrue(rows.size() > 10);
        for (Map<String, Object> row : rows) {
            String agent = (String) row.get("agent_arn");
            long ms = byReason.get(agent + "|" + row.get("reason"));
            close(ms / 3_600_000.0, row, "hours", 0.005);
            close(100.0 * ms / loggedIn.get(agent), row, "pct_of_logged_in", 0.05);
        }
    }

    @Test
    void timeInStatusPerTeamPerDay() throws Exception {
        Map<String, Long> hours = new HashMap<>();
        Map<String, Set<String>> agents = new HashMap<>();
        for (JsonNode row : tables.get(OutputTable.AGENT_STATUS)) {
            String day = row.get("window_start").asText().substring(0, 10);
            if (day.compareTo("2024-05-01") < 0 || day.compareTo("2024-05-07") > 0) continue;
            String key = day + "|" + text(row, "hierarchy_level_1") + "|" + text(row, "hierarchy_level_2") + "|"
                    + text(row, "hierarchy_level_3") + "|" + text(row, "hierarchy_level_4") + "|"
                    + text(row, "hierarchy_level_5") + "|" + text(row, "status_name");
            hours.merge(key, row.get("duration_ms").asLong(), Long::sum);
            agents.computeIfAbsent(key, k -> new HashSet<>()).add(row.get("agent_arn").asText());
        }
        List<Map<String, Object>> rows = query(file("time_in_status_per_team_per_day.sql"));
        assertEquals(hours.size(), rows.size());
        assertTrue(rows.stream().map(r -> r.get("hierarchy_level_3")).distinct().count() > 3, "several teams");
        for (Map<String, Object> row : rows) {
            String key = row.get("day_utc") + "|" + row.get("hierarchy_level_1") + "|" + row.get("hierarchy_level_2")
                    + "|" + row.get("hierarchy_level_3") + "|" + row.get("hierarchy_level_4") + "|"
                    + row.get("hierarchy_level_5") + "|" + row.get("status_name");
            assertEquals(agents.get(key).size(), number(row, "agents"), key);
            close(hours.get(key) / 3_600_000.0, row, "hours", 0.005);
        }
    }

    @Test
    void localDaysWithDaylightSaving() throws Exception {
        Map<String, long[]> expected = new LinkedHashMap<>(); // day|queue -> windows, staffed, working, available
        for (JsonNode row : tables.get(OutputTable.QUEUE_METRICS)) {
            LocalDate day = Instant.parse(row.get("window_start").asText()).atZone(BERLIN).toLocalDate();
            if (day.isBefore(LocalDate.of(2024, 3, 30)) || day.isAfter(LocalDate.of(2024, 3, 31))) continue;
            long[] s = expected.computeIfAbsent(day + "|" + row.get("queue_arn").asText(), k -> new long[4]);
            s[0]++;
            s[1] += row.get("staffed_ms").asLong();
            s[2] += row.get("on_contact_ms").asLong() + row.get("acw_ms").asLong();
            s[3] += row.get("available_ms").asLong();
        }
        List<Map<String, Object>> rows = query(file("local_day_rollup.sql"));
        assertEquals(expected.size(), rows.size());
        long longest = 0;
        for (Map<String, Object> row : rows) {
            long[] s = expected.get(row.get("local_day") + "|" + row.get("queue_arn"));
            assertEquals(s[0], number(row, "windows"));
            close(s[1] / 3_600_000.0, row, "staffed_hours", 0.005);
            close((double) s[2] / (s[2] + s[3]), row, "occupancy", 1e-12);
            if (row.get("local_day").toString().equals("2024-03-31")) longest = Math.max(longest, s[0]);
        }
        assertEquals(92, longest, "the day the clocks went forward had 23 hours: 92 windows for a queue staffed all day");
    }

    // ---- DuckDB ------------------------------------------------------------------------------------------------

    private static String file(String name) throws Exception {
        return Files.readString(QUERIES.resolve(name), StandardCharsets.UTF_8);
    }

    /** The SQL statements of a script: comments dropped, split at semicolons. */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        for (String part : script.replaceAll("--[^\n]*", "").split(";")) {
            if (!part.isBlank()) statements.add(part.strip());
        }
        return statements;
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery(statements(sql).get(0))) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) row.put(meta.getColumnLabel(i), result.getObject(i));
                rows.add(row);
            }
        }
        return rows;
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static void close(double exact, Map<String, Object> row, String column, double tolerance) {
        double shown = ((Number) row.get(column)).doubleValue();
        assertTrue(Math.abs(shown - exact) <= tolerance + 1e-9, column + ": " + shown + " vs " + exact + " in " + row);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
