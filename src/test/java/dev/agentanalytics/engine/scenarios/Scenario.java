package dev.agentanalytics.engine.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.engine.AgentState;
import dev.agentanalytics.engine.AgentTimeline;
import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.queue.QueueMetricsFunction;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.testing.CollectingOutput;
import dev.agentanalytics.testing.Events;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One agent's timeline driven by hand-written events, with its output rows rendered as short, sortable strings so
 * that a test can compare the complete set of rows, order-independently, with a hand computation.
 *
 * <p>Times in the strings are on {@link Events#DAY}: {@code 08:15} is 08:15:00.000, {@code 08:15:30} has no
 * milliseconds, {@code 08:15:30.001} has some. Every row is also checked to carry this scenario's agent ARN and
 * username.
 */
final class Scenario {
    /** Every alert off and stale after a day: scenarios about time and contacts, not alerts. */
    static final String[] QUIET = {
        "stale-after", "1d",
        "alert.hold-after", "0",
        "alert.acw-after", "0",
        "alert.ringing-after", "0",
        "alert.stuck-after", "0"
    };

    final CollectingOutput out = new CollectingOutput();
    final EngineSettings settings;
    final AgentTimeline timeline;
    final String agentArn;
    final String username;

    private Scenario(EngineSettings settings, String agentArn, String username) {
        this.settings = settings;
        this.agentArn = agentArn;
        this.username = username;
        this.timeline = new AgentTimeline(settings, agentArn, new AgentState(), out);
    }

    /** Agent {@link Events#AGENT} ("alex") with the default settings overridden by {@code keyValues}. */
    static Scenario of(String... keyValues) {
        return new Scenario(settings(keyValues), Events.AGENT, "alex");
    }

    /** Like {@link #of} with every alert off, plus {@code keyValues}. */
    static Scenario quiet(String... keyValues) {
        return new Scenario(settings(concat(QUIET, keyValues)), Events.AGENT, "alex");
    }

    /** Another agent (events must use {@code .agent(agentArn).username(username)}). */
    static Scenario forAgent(String agentArn, String username, String... keyValues) {
        return new Scenario(settings(keyValues), agentArn, username);
    }

    static EngineSettings settings(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return JobConfig.fromMap(map).engine;
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // ---- driving ---------------------------------------------------------------------------------------------

    Scenario apply(Events... events) {
        for (Events event : events) {
            timeline.apply(event.build());
        }
        return this;
    }

    Scenario advanceTo(String time) {
        timeline.advanceTo(Events.at(time));
        return this;
    }

    Scenario finish(String time) {
        timeline.finish(Events.at(time));
        return this;
    }

    // ---- rows as strings -------------------------------------------------------------------------------------

    /** {@code "08:00-08:15 Available/ROUTABLE 300000"}. */
    List<String> statusRows() {
        List<String> rows = new ArrayList<>();
        for (AgentStatusRow r : out.statuses) {
            checkAgent(r.agentArn, r.username);
            rows.add(window(r.windowStart, r.windowEnd) + " " + r.statusName + "/" + r.statusType
                    + grouping(r.routingProfileName, r.hierarchyLevel1, r.hierarchyLevel2, r.hierarchyLevel3,
                            r.hierarchyLevel4, r.hierarchyLevel5) + " " + r.durationMs);
        }
        return sorted(rows);
    }

    /** {@code "08:00-08:15 NON_PRODUCTIVE/Lunch 300000"}, {@code "08:00-08:15 AVAILABLE/- 60000"}. */
    List<String> activityRows() {
        List<String> rows = new ArrayList<>();
        for (AgentActivityRow r : out.activities) {
            checkAgent(r.agentArn, r.username);
            rows.add(window(r.windowStart, r.windowEnd) + " " + r.activity + "/" + dash(r.statusName)
                    + grouping(r.routingProfileName, r.hierarchyLevel1, r.hierarchyLevel2, r.hierarchyLevel3,
                            r.hierarchyLevel4, r.hierarchyLevel5) + " " + r.durationMs);
        }
        return sorted(rows);
    }

    /**
     * {@code "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01:18 ended=08:08:59
     * completed=08:10 ring=18000 talk=313000 hold=148000x2 acw=61000 handle=522000"}.
     */
    List<String> contactRows() {
        List<String> rows = new ArrayList<>();
        for (ContactRow r : out.contacts) {
            checkAgent(r.agentArn, r.username);
            rows.add(r.contactId + " init=" + dash(r.initialContactId) + " " + r.channel + "/" + r.initiationMethod
                    + " " + queue(r.queueArn, r.queueName) + " " + r.outcome
                    + " offered=" + time(r.offeredAt) + " connected=" + time(r.connectedAt)
                    + " ended=" + time(r.endedAt) + " completed=" + time(r.completedAt)
                    + " ring=" + r.ringMs + " talk=" + r.talkMs + " hold=" + r.holdMs + "x" + r.holdCount
                    + " acw=" + r.acwMs + " handle=" + r.handleMs
                    + grouping(r.routingProfileName, r.hierarchyLevel1, r.hierarchyLevel2, r.hierarchyLevel3,
                            r.hierarchyLevel4, r.hierarchyLevel5));
        }
        return sorted(rows);
    }

    /** {@code "AGENT_STALE contact=- detected=08:07 last=08:02 silence=300000 status=Available open=1"}. */
    List<String> alertRows() {
        List<String> rows = new ArrayList<>();
        for (AlertRow r : out.alerts) {
            checkAgent(r.agentArn, r.username);
            assertNotNull(r.alertId, "alert_id");
            rows.add(r.alertType + " contact=" + dash(r.contactId) + " detected=" + time(r.detectedAt)
                    + " last=" + time(r.lastEventAt) + " silence=" + r.silenceMs + " status=" + r.statusName
                    + " open=" + r.openContacts
                    + grouping(r.routingProfileName, r.hierarchyLevel1, r.hierarchyLevel2, r.hierarchyLevel3,
                            r.hierarchyLevel4, r.hierarchyLevel5));
        }
        return sorted(rows);
    }

    /**
     * The alerts grouped by {@code alert_id}: one string per id listing its rows' types, e.g.
     * {@code "AGENT_STALE+AGENT_RECOVERED"} (opening type first). Proves that open and resolve share an id and
     * that distinct alerts have distinct ids.
     */
    List<String> alertIdGroups() {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (AlertRow r : out.alerts) {
            byId.computeIfAbsent(r.alertId, id -> new ArrayList<>()).add(r.alertType);
        }
        List<String> groups = new ArrayList<>();
        for (List<String> types : byId.values()) {
            List<String> ordered = new ArrayList<>(types);
            ordered.sort((a, b) -> Boolean.compare(isResolving(a), isResolving(b)));
            groups.add(String.join("+", ordered));
        }
        return sorted(groups);
    }

    private static boolean isResolving(String type) {
        return type.endsWith("_RESOLVED") || type.equals("AGENT_RECOVERED");
    }

    /** Queue rows of this agent alone (its shares summed per queue and window, then turned into rows). */
    List<String> queueRows() {
        return queueRows(settings.windowMs, this);
    }

    /**
     * {@code queue_metrics} rows of several agents: their shares summed per (queue, window) with
     * {@link QueueShare#add}, turned into rows by {@code QueueMetricsFunction.toRow}, and only rows with
     * {@code staffed_ms > 0} kept, as the queue operator does. {@code "08:00-08:15 q-billing/Billing staffed=..
     * available=.. onContact=.. acw=.. incoming=.. nonProductive=.. error=.. offline=.. agents=0.666667
     * occupancy=0.896552 handled=1 handleSum=522000 avgHandle=522000"}.
     */
    static List<String> queueRows(long windowMs, Scenario... agents) {
        Map<String, QueueShare> sums = new TreeMap<>();
        for (Scenario agent : agents) {
            for (QueueShare share : agent.out.queueShares) {
                sums.computeIfAbsent(share.queueArn + "@" + share.windowStart,
                        k -> new QueueShare(share.queueArn, share.windowStart)).add(share);
            }
        }
        List<String> rows = new ArrayList<>();
        for (QueueShare sum : sums.values()) {
            if (sum.staffedMs() <= 0) continue;
            QueueMetricsRow r = QueueMetricsFunction.toRow(sum, windowMs);
            rows.add(window(r.windowStart, r.windowEnd) + " " + queue(r.queueArn, r.queueName)
                    + " staffed=" + r.staffedMs + " available=" + r.availableMs + " onContact=" + r.onContactMs
                    + " acw=" + r.acwMs + " incoming=" + r.incomingMs + " nonProductive=" + r.nonProductiveMs
                    + " error=" + r.errorMs + " offline=" + r.offlineMs
                    + " agents=" + decimal(r.avgAgentsStaffed) + " occupancy=" + decimal(r.occupancy)
                    + " handled=" + r.contactsHandled + " handleSum=" + r.handleMsSum + " avgHandle=" + r.avgHandleMs);
        }
        return sorted(rows);
    }

    // ---- formatting ------------------------------------------------------------------------------------------

    private void checkAgent(String arn, String user) {
        assertEquals(agentArn, arn, "agent_arn");
        assertEquals(username, user, "username");
    }

    static String window(String start, String end) {
        return time(start) + "-" + time(end);
    }

    /** ISO row text on {@link Events#DAY} to "08:15", "08:15:30" or "08:15:30.001"; null to "-". */
    static String time(String iso) {
        if (iso == null) return "-";
        String prefix = Events.DAY + "T";
        if (!iso.startsWith(prefix) || !iso.endsWith("Z")) return iso;
        String t = iso.substring(prefix.length(), iso.length() - 1);
        if (t.endsWith(":00.000")) return t.substring(0, t.length() - 7);
        if (t.endsWith(".000")) return t.substring(0, t.length() - 4);
        return t;
    }

    static String queue(String arn, String name) {
        String id = arn == null ? "-" : arn.substring(arn.lastIndexOf('/') + 1);
        return id + "/" + name;
    }

    static String decimal(Double value) {
        return value == null ? "null" : String.format(Locale.ROOT, "%.6f", value);
    }

    /**
     * The grouping columns as {@code " [Voice|EMEA|Dublin|Team A|-|-]"}; nothing when they are all null (the
     * events of most scenarios carry no routing profile or hierarchy).
     */
    static String grouping(String profile, String... levels) {
        boolean any = profile != null;
        StringBuilder text = new StringBuilder(" [").append(dash(profile));
        for (String level : levels) {
            any |= level != null;
            text.append('|').append(dash(level));
        }
        return any ? text.append(']').toString() : "";
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        Collections.sort(copy);
        return copy;
    }

    /** The expected rows, sorted like the actual ones. */
    static List<String> rows(String... expected) {
        return sorted(Arrays.asList(expected));
    }

    /** Ids of the alerts in emission order (to compare two runs of the same input). */
    List<String> alertIds() {
        return out.alerts.stream().map(a -> a.alertId).collect(Collectors.toList());
    }
}
