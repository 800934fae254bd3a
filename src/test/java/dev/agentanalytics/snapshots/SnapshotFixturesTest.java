package dev.agentanalytics.snapshots;

import static dev.agentanalytics.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.engine.AgentEngineFunction;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.queue.QueueMetricsOperator;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Snapshots of the agent engine and the queue operator written by this version of the job, committed, and restored
 * in every build (docs/deployment.md, "Upgrades"): a code change that breaks their state fails here rather than on
 * a production restore. Each fixture is taken in the middle of a shift, with every kind of state there is; the
 * restore goes on with the rest of the shift and every row it writes is worked out by hand below.
 *
 * <p>The committed fixtures are never written again: they are what an upgrade from layouts v1 to v5 meets.
 * {@code mvn test -Dtest=SnapshotFixturesTest -Dsnapshots.write=true} writes this version's engine snapshots into
 * {@code target/snapshots/} (under the v5 names: a new layout renames them and commits them beside the others).
 */
class SnapshotFixturesTest {
    static final Path ENGINE = Path.of("src/test/resources/snapshots/agent-engine-v1.snapshot");
    static final Path QUEUE = Path.of("src/test/resources/snapshots/queue-metrics-v1.snapshot");
    /**
     * The engine's fixture as RocksDB writes it (a backend restores only its own checkpoints), written by commit
     * 11b4342 (state layout v1, the same shift on {@code EmbeddedRocksDBStateBackend}): what an upgrade from v1 meets
     * on Managed Flink.
     */
    static final Path ENGINE_ROCKSDB = Path.of("src/test/resources/snapshots/agent-engine-v1-rocksdb.snapshot");
    /**
     * The same shift in state layout v2 (the agent state and the buffered events in the job's own serializers),
     * written by {@link #writeTheFixtures} at the commit that introduced the layout: what an upgrade from v2 meets.
     */
    static final Path ENGINE_V2 = Path.of("src/test/resources/snapshots/agent-engine-v2.snapshot");
    static final Path ENGINE_V2_ROCKSDB = Path.of("src/test/resources/snapshots/agent-engine-v2-rocksdb.snapshot");
    /** Layout v3 (the waiting events in the agent's state), written the same way at the commit that introduced it. */
    static final Path ENGINE_V3 = Path.of("src/test/resources/snapshots/agent-engine-v3.snapshot");
    static final Path ENGINE_V3_ROCKSDB = Path.of("src/test/resources/snapshots/agent-engine-v3-rocksdb.snapshot");
    /** Layout v4 (the same bytes as v3, read by a serializer that may find an instant kept in the map state). */
    static final Path ENGINE_V4 = Path.of("src/test/resources/snapshots/agent-engine-v4.snapshot");
    static final Path ENGINE_V4_ROCKSDB = Path.of("src/test/resources/snapshots/agent-engine-v4-rocksdb.snapshot");
    /** Layout v5 (the same bytes again; a listed contact without an id is a leg without one, counted, not followed). */
    static final Path ENGINE_V5 = Path.of("src/test/resources/snapshots/agent-engine-v5.snapshot");
    static final Path ENGINE_V5_ROCKSDB = Path.of("src/test/resources/snapshots/agent-engine-v5-rocksdb.snapshot");

    private static final EngineSettings SETTINGS = EngineSettings.defaults();
    private static final String BOB = "arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/a-2";

    // ---- the engine ------------------------------------------------------------------------------------------

    /**
     * Alex: 08:00 LOGIN Available (Billing), 08:01 c1 CONNECTED, 08:03 c1 on hold, 08:06 heart beat; by the
     * watermark at 08:14, AGENT_STALE at 08:11 and CONTACT_ON_HOLD_TOO_LONG at 08:13 are open and the 08:00 window
     * is counting; a heart beat at 08:14:30 is waiting for the watermark. Bob: LOGIN 08:00, LOGOUT 08:05, heart
     * beat 08:06: logged out; from layout v4 on, ten more heart beats of his wait for the watermark, 08:14:01 to
     * 08:14:09 with two at 08:14:05, beyond the eight an agent's state holds (the last instants to arrive wait in
     * the map state). From layout v5 on, Alex's 08:06 heart beat also lists a contact without an id (a leg that only
     * counts) and Bob's first waiting heart beat one too. One of two sources has reported the end of its input (at
     * 08:14:30).
     */
    private static OperatorSubtaskState engineMidShift(boolean heap) throws Exception {
        try (EngineHarness engine = heap ? EngineHarness.live(SETTINGS)
                : EngineHarness.live(SETTINGS, EngineHarness.rocksDb(), null)) {
            engine.send(Events.login("08:00:00").available().queue(Events.BILLING).id("a-1").arrival(1),
                    Events.stateChange("08:01:00").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED", "08:01:00").id("a-2").arrival(2),
                    Events.stateChange("08:03:00").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED_ONHOLD", "08:03:00").id("a-3").arrival(3),
                    Events.heartBeat("08:06:00").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED_ONHOLD", "08:03:00").contact(null, "CONNECTED", "08:06:00")
                            .id("a-4").arrival(4),
                    Events.heartBeat("08:14:30").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED_ONHOLD", "08:03:00").id("a-5").arrival(5),
                    Events.login("08:00:00").available().agent(BOB).username("bob").id("b-1").arrival(1),
                    Events.logout("08:05:00").agent(BOB).username("bob").id("b-2").arrival(2),
                    Events.heartBeat("08:06:00").available().agent(BOB).username("bob").id("b-3").arrival(3));
            for (int second = 1; second <= 9; second++) {
                Events beat = Events.heartBeat("08:14:0" + second).available().agent(BOB).username("bob");
                if (second == 1) beat.contact(null, "CONNECTED", "08:14:01");
                engine.send(beat.id("b-hb-" + second).arrival(100 + second));
            }
            engine.send(Events.heartBeat("08:14:05").available().agent(BOB).username("bob").id("b-hb-5b").arrival(99));
            long inMap = Arrays.stream(engine.state(BOB).waiting).filter(waiting -> waiting.fields == null).count();
            assertEquals(5, inMap, "08:14:05 (both of them) to 08:14:09 wait in the map state");
            engine.harness.processBroadcastElement(new EndOfInputReport(0, 2, at("08:14:30")), at("08:14:30"));
            engine.watermark(at("08:14:00"));
            assertEquals(List.of("AGENT_STALE 08:11", "CONTACT_ON_HOLD_TOO_LONG 08:13"), alerts(engine));
            return engine.snapshot();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "snapshots.write", matches = "true")
    void writeTheFixtures() throws Exception {
        Path written = Path.of("target/snapshots");
        Files.createDirectories(written);
        OperatorSnapshotUtil.writeStateHandle(engineMidShift(true),
                written.resolve(ENGINE_V5.getFileName()).toString());
        OperatorSnapshotUtil.writeStateHandle(engineMidShift(false),
                written.resolve(ENGINE_V5_ROCKSDB.getFileName()).toString());
        OperatorSnapshotUtil.writeStateHandle(queueMidWindow(), written.resolve(QUEUE.getFileName()).toString());
    }

    /**
     * Each layout, on the heap and on RocksDB as Managed Flink runs it. In v1 the agent states and the buffered
     * events were written by Flink's POJO serializer, in v2 by the job's own, the events in a map state of their
     * own: both backends migrate them to layout v5 on restore, and the heart beat waiting in the map stays there,
     * listed in its agent's state as an instant beyond the bound is. A v3 or v4 state is read as it is.
     */
    @ParameterizedTest
    @CsvSource({"v1, heap", "v1, rocksdb", "v2, heap", "v2, rocksdb", "v3, heap", "v3, rocksdb", "v4, heap",
        "v4, rocksdb", "v5, heap", "v5, rocksdb"})
    @DisabledIfSystemProperty(named = "snapshots.write", matches = "true")
    void theEngineFixtureRestoresAndTheShiftGoesOn(String layout, String backend) throws Exception {
        boolean heap = backend.equals("heap");
        Map<String, Path> fixtures = Map.of("v1", heap ? ENGINE : ENGINE_ROCKSDB,
                "v2", heap ? ENGINE_V2 : ENGINE_V2_ROCKSDB, "v3", heap ? ENGINE_V3 : ENGINE_V3_ROCKSDB,
                "v4", heap ? ENGINE_V4 : ENGINE_V4_ROCKSDB, "v5", heap ? ENGINE_V5 : ENGINE_V5_ROCKSDB);
        Path written = fixtures.get(layout);
        OperatorSubtaskState fixture = OperatorSnapshotUtil.readStateHandle(written.toString());
        try (EngineHarness engine = heap ? EngineHarness.restored(SETTINGS, fixture)
                : EngineHarness.restored(SETTINGS, fixture, EngineHarness.rocksDb())) {
            engine.watermark(at("08:14:00"));
            // A copy of 08:06 is a duplicate (its id came back with the state), not a late event.
            engine.send(Events.heartBeat("08:06:00").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED_ONHOLD", "08:03:00").id("a-4").arrival(4),
                    Events.stateChange("08:16:00").available().queue(Events.BILLING)
                            .contact("c1", "CONNECTED", "08:16:00").id("a-6").arrival(6),
                    Events.stateChange("08:20:00").available().queue(Events.BILLING).id("a-7").arrival(7),
                    Events.heartBeat("08:16:00").available().agent(BOB).username("bob").id("b-4").arrival(4));
            // The second source reports: time stops at 08:20.
            engine.harness.processBroadcastElement(new EndOfInputReport(1, 2, at("08:20:00")), at("08:20:00"));
            engine.watermark(Long.MAX_VALUE);

            assertEquals(List.of(), engine.side(AgentEngineFunction.LATE_EVENTS));
            // Alex: Available throughout, on contact 08:01-08:20. Bob: Available 08:00-08:05, nothing after.
            assertEquals(List.of("08:00 Available 300000", "08:00 Available 900000", "08:15 Available 300000"),
                    engine.statusRows());
            assertEquals(List.of("08:00 AVAILABLE/- 300000", "08:00 AVAILABLE/- 60000", "08:00 ON_CONTACT/- 840000",
                    "08:15 ON_CONTACT/- 300000"), engine.activityRows());
            // Talk 08:01-08:03 and 08:16-08:20; on hold 08:03-08:16.
            assertEquals(List.of("c1 HANDLED connected=08:01 ended=- completed=08:20 talk=360000 acw=0"),
                    engine.contactRows());
            assertEquals(780_000, engine.side(AgentEngineFunction.CONTACTS).get(0).holdMs);
            // The alerts open in the snapshot resolve, with the ids they were raised with.
            assertEquals(List.of("AGENT_RECOVERED 08:14:30", "CONTACT_ON_HOLD_TOO_LONG_RESOLVED 08:16"),
                    alerts(engine));
            // Describing the silence: c1, and from v5 on the contact without an id that came back with the state.
            AlertRow recovered = engine.side(AgentEngineFunction.ALERTS).stream()
                    .filter(row -> row.alertType.equals("AGENT_RECOVERED")).findFirst().orElseThrow();
            assertEquals(layout.equals("v5") ? 2 : 1, recovered.openContacts);
            assertEquals(List.of("08:00 staffed=900000 onContact=840000 handled=0",
                    "08:15 staffed=300000 onContact=300000 handled=1"), shares(engine.queueShares()));
            assertEquals(0, engine.keyedStateEntries());
            assertEquals(0, engine.timers());
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "snapshots.write", matches = "true")
    void theEngineFixtureRefusesAnotherWindowAndAcceptsTheSameWindowsWrittenOtherwise() throws Exception {
        OperatorSubtaskState fixture = OperatorSnapshotUtil.readStateHandle(ENGINE.toString());
        ConfigException refused = assertThrows(ConfigException.class,
                () -> EngineHarness.restored(JobConfig.fromMap(Map.of("window", "30m")).engine, fixture));
        assertTrue(refused.getMessage().contains("configuration key 'window'"), refused.getMessage());
        refused = assertThrows(ConfigException.class, () -> EngineHarness.restored(
                JobConfig.fromMap(Map.of("window-offset", "5m")).engine, fixture));
        assertTrue(refused.getMessage().contains("configuration key 'window-offset'"), refused.getMessage());
        // +05:30 is a whole number of 15-minute windows: the same windows, so the state is still right.
        EngineHarness.restored(JobConfig.fromMap(Map.of("window-offset", "+05:30")).engine, fixture).close();
    }


    // ---- the queue operator ----------------------------------------------------------------------------------

    private static KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> queueHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new QueueMetricsOperator(SETTINGS, false),
                (QueueShare share) -> share.queueArn, Types.STRING);
        if (restoreFrom != null) harness.initializeState(restoreFrom);
        harness.open();
        return harness;
    }

    private static QueueShare billing(String window, long availableMs) {
        QueueShare share = new QueueShare(Events.BILLING.arn, at(window));
        share.queueName = Events.BILLING.name;
        share.nameAt = at(window) + 1;
        share.availableMs = availableMs;
        return share;
    }

    /** Billing: the 07:45 window written; two agents' shares of the 08:00 window in, the watermark at 08:10. */
    private static OperatorSubtaskState queueMidWindow() throws Exception {
        var harness = queueHarness(null);
        harness.processElement(billing("07:45:00", 900_000), at("07:45:00"));
        harness.processWatermark(at("08:00:00") - 1);
        harness.processElement(billing("08:00:00", 600_000), at("08:00:00"));
        harness.processElement(billing("08:00:00", 300_000), at("08:00:00"));
        harness.processWatermark(at("08:10:00"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        return snapshot;
    }

    @Test
    @DisabledIfSystemProperty(named = "snapshots.write", matches = "true")
    void theQueueFixtureRestoresAndItsWindowIsWrittenOnce() throws Exception {
        var harness = queueHarness(OperatorSnapshotUtil.readStateHandle(QUEUE.toString()));
        harness.processElement(billing("07:45:00", 60_000), at("07:45:00")); // written before the snapshot
        harness.processElement(billing("08:00:00", 120_000), at("08:00:00"));
        harness.processWatermark(at("08:15:00") - 1);
        harness.close();
        assertEquals(List.of("08:00 staffed=1020000 available=1020000"), harness.extractOutputValues().stream()
                .map(r -> r.windowStart.substring(11, 16) + " staffed=" + r.staffedMs + " available=" + r.availableMs)
                .collect(Collectors.toList()));
    }

    // ---- rendering -------------------------------------------------------------------------------------------

    private static List<String> alerts(EngineHarness engine) {
        List<String> rows = new ArrayList<>();
        for (AlertRow row : engine.side(AgentEngineFunction.ALERTS)) {
            String t = row.detectedAt.substring(11, 19);
            rows.add(row.alertType + " " + (t.endsWith(":00") ? t.substring(0, 5) : t));
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> shares(List<QueueShare> shares) {
        return shares.stream().map(s -> UtcTimes.iso(s.windowStart).substring(11, 16) + " staffed=" + s.staffedMs()
                + " onContact=" + s.onContactMs + " handled=" + s.contactsHandled).sorted().collect(Collectors.toList());
    }
}
