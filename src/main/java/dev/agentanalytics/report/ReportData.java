package dev.agentanalytics.report;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentanalytics.engine.Activity;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.UtcTimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report shows, read from the job's tables over a period: column arrays (one array per field, as numbers
 * and indexes into name lists) so that a day of a large center stays a few megabytes once compressed, and the page
 * computes every sum it shows from these rows, under whatever filter the reader picks. Times are milliseconds from
 * {@link #from}.
 */
final class ReportData {
    public final String zone;
    public final long from;
    public final long to;
    /** Length of the windows, from the rows (0 when there is none). */
    public long windowMs;
    public final String generatedAt;

    public final List<String> activities = new ArrayList<>();
    public final Names reasons = new Names();
    public final Names teams = new Names();
    public final Names profiles = new Names();
    public final Names queues = new Names();
    public final List<String> queueNames;
    public final Names outcomes = new Names();
    public final Names channels = new Names();
    public final Names alertTypes = new Names();
    public final Names statuses = new Names();

    /** Agents by ARN, with their latest user name. */
    public final Names agents = new Names();
    public final List<String> usernames = new ArrayList<>();
    private final List<Long> usernameAt = new ArrayList<>();

    /** {@code agent_activity}: one entry per row. */
    public final Columns activity = new Columns("agent", "window", "activity", "reason", "team", "profile", "ms");
    /** {@code contacts}: one entry per leg. */
    public final Columns legs = new Columns("agent", "offered", "completed", "queue", "outcome", "channel",
            "monitor", "talkMs", "holdMs", "acwMs", "team", "profile");
    /** {@code queue_metrics}: one entry per queue and window. */
    public final Columns queueWindows = new Columns("queue", "window", "staffedMs", "availableMs", "onContactMs",
            "acwMs", "incomingMs", "nonProductiveMs", "errorMs", "offlineMs", "handled", "handleMsSum");
    /** {@code alerts}: one entry per row; contact ids apart (text). */
    public final Columns alerts = new Columns("agent", "type", "detected", "silenceMs", "status", "team");
    public final List<String> alertContacts = new ArrayList<>();

    private ReportData(String zone, long from, long to, String generatedAt) {
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.generatedAt = generatedAt;
        for (Activity a : Activity.values()) activities.add(a.name());
        queueNames = queues.labels;
    }

    /**
     * Reads the tables under {@code output}: windows that start in [{@code from}, {@code to}), legs completed and
     * alerts detected in it. A null bound is the tables' own (first window start, last window end).
     */
    static ReportData read(Path output, Long from, Long to, String zone, String generatedAt) {
        long[] span = from != null && to != null ? new long[] {from, to} : span(output);
        ReportData data = new ReportData(zone, from != null ? from : span[0], to != null ? to : span[1],
                generatedAt);
        data.readActivity(output);
        data.readContacts(output);
        data.readQueues(output);
        data.readAlerts(output);
        return data;
    }

    /** First window start and last window end of agent_activity; the epoch when there is none. */
    private static long[] span(Path output) {
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        TableFiles.forEachRow(output, OutputTable.AGENT_ACTIVITY, row -> {
            span[0] = Math.min(span[0], time(row, "window_start"));
            span[1] = Math.max(span[1], time(row, "window_end"));
        });
        return span[0] == Long.MAX_VALUE ? new long[] {0, 0} : span;
    }

    private void readActivity(Path output) {
        TableFiles.forEachRow(output, OutputTable.AGENT_ACTIVITY, row -> {
            long window = time(row, "window_start");
            if (window < from || window >= to) return;
            windowMs = time(row, "window_end") - window;
            boolean nonProductive = "NON_PRODUCTIVE".equals(text(row, "activity"));
            activity.add(agent(row, window), window - from, activities.indexOf(text(row, "activity")),
                    nonProductive ? reasons.index(text(row, "status_name")) : -1, teams.index(team(row)),
                    profiles.index(text(row, "routing_profile_name")), row.get("duration_ms").asLong());
        });
    }

    private void readContacts(Path output) {
        TableFiles.forEachRow(output, OutputTable.CONTACTS, row -> {
            long completed = time(row, "completed_at");
            if (completed < from || completed >= to) return;
            legs.add(agent(row, completed), time(row, "offered_at") - from, completed - from,
                    queues.index(text(row, "queue_arn"), text(row, "queue_name")), outcomes.index(text(row, "outcome")),
                    channels.index(text(row, "channel")), "MONITOR".equals(text(row, "initiation_method")) ? 1 : 0,
                    row.get("talk_ms").asLong(), row.get("hold_ms").asLong(), row.get("acw_ms").asLong(),
                    teams.index(team(row)), profiles.index(text(row, "routing_profile_name")));
        });
    }

    private void readQueues(Path output) {
        TableFiles.forEachRow(output, OutputTable.QUEUE_METRICS, row -> {
            long window = time(row, "window_start");
            if (window < from || window >= to) return;
            queueWindows.add(queues.index(text(row, "queue_arn"), text(row, "queue_name")), window - from,
                    row.get("staffed_ms").asLong(), row.get("available_ms").asLong(),
                    row.get("on_contact_ms").asLong(), row.get("acw_ms").asLong(), row.get("incoming_ms").asLong(),
                    row.get("non_productive_ms").asLong(), row.get("error_ms").asLong(),
                    row.get("offline_ms").asLong(), row.get("contacts_handled").asLong(),
                    row.get("handle_ms_sum").asLong());
        });
    }

    private void readAlerts(Path output) {
        TableFiles.forEachRow(output, OutputTable.ALERTS, row -> {
            long detected = time(row, "detected_at");
            if (detected < from || detected >= to) return;
            alerts.add(agent(row, detected), alertTypes.index(text(row, "alert_type")), detected - from,
                    row.get("silence_ms").asLong(), statuses.index(text(row, "status_name")), teams.index(team(row)));
            alertContacts.add(text(row, "contact_id"));
        });
    }

    /** The agent's index; its user name is the one of its latest row. */
    private long agent(JsonNode row, long at) {
        String arn = text(row, "agent_arn");
        int index = agents.index(arn);
        if (index == usernames.size()) {
            usernames.add(text(row, "username"));
            usernameAt.add(at);
        } else if (at >= usernameAt.get(index) && text(row, "username") != null) {
            usernames.set(index, text(row, "username"));
            usernameAt.set(index, at);
        }
        return index;
    }

    /** The hierarchy levels of a row, joined: "EMEA / Dublin / Team A"; null when the agent has none. */
    private static String team(JsonNode row) {
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            String name = text(row, "hierarchy_level_" + level);
            if (name != null) levels.add(name);
        }
        return levels.isEmpty() ? null : String.join(" / ", levels);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long time(JsonNode row, String field) {
        return UtcTimes.parse(row.get(field).asText());
    }

    /**
     * A list of distinct names (null is one too: "none") and the index of each, written as the list. Queues are named
     * by ARN and labelled by name: {@link #labels} are written apart.
     */
    static final class Names {
        private final List<String> names = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final Map<String, Integer> indexes = new HashMap<>();

        int index(String name) {
            return index(name, name);
        }

        int index(String name, String label) {
            Integer index = indexes.get(name);
            if (index == null) {
                index = names.size();
                indexes.put(name, index);
                names.add(name);
                labels.add(label);
            } else if (label != null) {
                labels.set(index, label);
            }
            return index;
        }

        String name(int index) {
            return names.get(index);
        }

        @JsonValue
        List<String> json() {
            return names;
        }
    }

    /** Rows as one growable array of numbers per field; written as {@code {"field": [values...]}}. */
    static final class Columns {
        private final List<String> fields;
        private final Map<String, long[]> values = new HashMap<>();
        private int size;

        Columns(String... fields) {
            this.fields = Arrays.asList(fields);
            for (String field : fields) values.put(field, new long[1024]);
        }

        void add(long... row) {
            for (int i = 0; i < row.length; i++) {
                long[] column = values.get(fields.get(i));
                if (size == column.length) {
                    column = Arrays.copyOf(column, column.length * 2);
                    values.put(fields.get(i), column);
                }
                column[size] = row[i];
            }
            size++;
        }

        int size() {
            return size;
        }

        long get(String field, int row) {
            return values.get(field)[row];
        }

        @JsonValue
        Map<String, long[]> json() {
            Map<String, long[]> json = new LinkedHashMap<>();
            for (String field : fields) json.put(field, Arrays.copyOf(values.get(field), size));
            return json;
        }
    }
}
