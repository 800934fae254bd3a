package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.ChurnSimulation.DAY;
import static dev.agentanalytics.testing.ChurnSimulation.HOUR;
import static dev.agentanalytics.testing.ChurnSimulation.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.queue.QueueMetricsFunction;
import dev.agentanalytics.queue.QueueMetricsOperator;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.testing.ChurnSimulation;
import dev.agentanalytics.testing.EngineHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weeks of churn: a live run of 21 days of event time through the real operators (the agent engine, then
 * {@code queue_metrics}) in Flink test harnesses keeps keyed state and checkpoint size flat after warm-up, although
 * the number of agents ever seen grows every day.
 *
 * <p>The scenario ({@link ChurnSimulation}): about 200 agents employed, on shifts of about 8 h five days a week, a
 * tenth of them at night across midnight; every day a few hires (new AgentARNs) and as many leavers, half of whom
 * walk out mid-shift without a LOGOUT; every day some agents who never log out (silent, logged in, at the end of
 * their shift); Offline heart beats for up to an hour after some logouts; a few records twice; a 90-minute outage
 * on day 6 (records lost, event time follows the wall clock) and a 40-minute stall on day 15 (records delivered
 * late when it ends). The watermark moves every simulated minute, as a live job's would.
 *
 * <p>What must hold (docs/analytics.md §3.2, §3.3, §3.7): an agent who sent nothing for longer than
 * {@code session-timeout} has no session and no logged-out mark left, its last window is written one window later,
 * and its event ids are forgotten a {@code dedup-window} behind; so an agent silent for
 * {@code session-timeout + window} has left no state behind, whether it logged out, went silent logged in or left
 * the company. Checked per agent every 15 simulated minutes; and per day, state entries, timers and snapshot bytes
 * stay in a band set by the first warm week, below the workforce, while the agents ever seen keep growing. The
 * figures of each day are printed.
 */
class ChurnStateTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();
    private static final long SEED = 20240506L;
    private static final int DAYS = 21;
    private static final int WORKFORCE = 200;
    /** Days 1-2 warm up: the first shifts, the first night team across midnight, the first leavers. */
    private static final int FIRST_WARM_DAY = 3;
    /** The first warm week, days FIRST_WARM_DAY to this one, sets the band. */
    private static final int LAST_BAND_DAY = 7;
    /** No later day may exceed the band's maximum by more than this factor. */
    private static final double BAND = 1.2;
    /** Silent for this long (session-timeout + window), an agent has left nothing behind in the engine. */
    private static final long FORGOTTEN_AFTER = SETTINGS.sessionTimeoutMs + SETTINGS.windowMs;
    private static final long SAMPLE_EVERY = 15 * MINUTE;

    /** The figures of one simulated day; the snapshot sizes are {@code OperatorSubtaskState.getStateSize()}. */
    private static final class DayFigures {
        int day;
        int workforce;
        int shifts;
        int agentsSeen;
        /** Agents that sent a record within FORGOTTEN_AFTER of the end of the day: the most that may hold state. */
        int recentlyHeard;
        /** The most state entries of the day's 15-minute samples. */
        int peakEntries;
        int entries;
        int timers;
        long noonBytes;
        long midnightBytes;
        int queueEntries;
        int queueTimers;
        long queueBytes;
    }

    /** What one run of the simulation left: a row per day and the rows counted on the way. */
    private static final class Run {
        final ChurnSimulation simulation = new ChurnSimulation(SEED, DAYS, WORKFORCE);
        final List<DayFigures> days = new ArrayList<>();
        long lateRows;
        long queueRows;
    }

    @Test
    void threeWeeksOfHiresLeaversAndSilencesKeepStateAndCheckpointsFlat() throws Exception {
        Run run = simulate(null, null); // the harnesses' defaults: heap state, checkpoints in memory
        print("heap", run);
        assertBoundedByTheAgentsAtWork(run);
        assertFlat(run.days, "snapshot bytes at noon", d -> d.noonBytes);
        assertFlat(run.days, "snapshot bytes at midnight", d -> d.midnightBytes);
    }

    /**
     * The same weeks on RocksDB, as Managed Flink runs the job: about 15 s per simulated day here (5 minutes in all),
     * so only on demand ({@code -Dchurn.rocksdb=true}). The state is the same; a RocksDB snapshot copies the SST
     * files as they are, deleted entries not yet compacted included, so its bytes follow RocksDB's compactions rather
     * than the live state, and are only printed. Managed memory is off: the harness's few megabytes of it would make
     * RocksDB flush tiny files all the time, nothing like a task manager.
     */
    @Test
    @EnabledIfSystemProperty(named = "churn.rocksdb", matches = "true")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void threeWeeksOnRocksDbKeepStateFlat(@TempDir Path checkpoints) throws Exception {
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend();
        rocksDb.getMemoryConfiguration().setUseManagedMemory(false);
        Run run = simulate(rocksDb, new FileSystemCheckpointStorage(checkpoints.toUri()));
        print("RocksDB", run);
        assertBoundedByTheAgentsAtWork(run);
    }

    /** Runs the simulation through the engine and the queue operator; null: the harness's default. */
    private static Run simulate(StateBackend stateBackend, CheckpointStorage checkpointStorage) throws Exception {
        Run run = new Run();
        ChurnSimulation simulation = run.simulation;
        long checkpointId = 0;
        try (EngineHarness engine = stateBackend == null ? EngineHarness.live(SETTINGS)
                : EngineHarness.live(SETTINGS, stateBackend, checkpointStorage);
             KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> queues =
                     new KeyedOneInputStreamOperatorTestHarness<>(new QueueMetricsOperator(SETTINGS, false),
                             share -> share.queueArn, Types.STRING)) {
            if (stateBackend != null) {
                queues.setStateBackend(stateBackend);
                queues.setCheckpointStorage(checkpointStorage);
            }
            queues.open();
            int peakEntries = 0;
            while (simulation.hasNext()) {
                ChurnSimulation.Minute minute = simulation.next();
                for (AgentEvent event : minute.arrivals) engine.send(event);
                engine.watermark(minute.watermark);
                // The engine's shares reach the queue operator ahead of the watermark they precede, as in the job.
                for (Object record : engine.harness.getOutput()) {
                    if (record instanceof StreamRecord) {
                        @SuppressWarnings("unchecked")
                        StreamRecord<QueueShare> share = (StreamRecord<QueueShare>) record;
                        queues.processElement(share);
                    }
                }
                engine.harness.getOutput().clear();
                queues.processWatermark(minute.watermark);
                run.queueRows += queues.extractOutputValues().size();
                queues.getOutput().clear();
                run.lateRows += drainSideOutputs(engine);

                if (minute.end % SAMPLE_EVERY == 0) {
                    engine.writeBackStates(); // on RocksDB the engine keeps states on the heap until a snapshot
                    peakEntries = Math.max(peakEntries, entries(engine.harness, engineStates()));
                    assertSilentAgentsLeftNothing(engine, simulation, minute.watermark);
                }
                long dayStart = simulation.start + Math.floorDiv(minute.end - simulation.start, DAY) * DAY;
                if (minute.end == dayStart + 12 * HOUR) {
                    DayFigures today = new DayFigures();
                    today.noonBytes = engine.harness.snapshot(++checkpointId, minute.end).getStateSize();
                    run.days.add(today);
                }
                if (minute.closedDay > 0) {
                    DayFigures today = run.days.get(minute.closedDay - 1);
                    today.day = minute.closedDay;
                    today.workforce = simulation.workforce();
                    today.shifts = simulation.shifts(minute.closedDay);
                    today.agentsSeen = simulation.agentsSeen();
                    today.recentlyHeard = simulation.agentsHeardAfter(minute.watermark - FORGOTTEN_AFTER);
                    today.peakEntries = peakEntries;
                    engine.writeBackStates();
                    today.entries = entries(engine.harness, engineStates());
                    if (stateBackend == null) {
                        assertEquals(engine.keyedStateEntries(), today.entries, "the heap backend's own count");
                    }
                    today.timers = engine.timers();
                    today.midnightBytes = engine.harness.snapshot(++checkpointId, minute.end).getStateSize();
                    today.queueEntries = entries(queues, List.of(QueueMetricsFunction.WINDOWS,
                            QueueMetricsFunction.WRITTEN_THROUGH));
                    today.queueTimers = queues.numEventTimeTimers();
                    today.queueBytes = queues.snapshot(checkpointId, minute.end).getStateSize();
                    peakEntries = 0;
                }
            }
        }
        return run;
    }

    /** What holds on any backend: state follows the agents at work, never the agents ever seen. */
    private static void assertBoundedByTheAgentsAtWork(Run run) {
        ChurnSimulation simulation = run.simulation;
        assertEquals(DAYS, run.days.size());
        assertTrue(simulation.agentsSeen() >= WORKFORCE + 100, "churn: " + simulation.agentsSeen() + " agents seen");
        assertTrue(simulation.lateDelivered() > 0, "the stall makes records late");
        assertEquals(simulation.lateDelivered(), run.lateRows, "exactly the records behind the watermark are late");
        for (DayFigures day : run.days) {
            // Each agent holds at most its state and its waiting events, and only agents heard from lately hold any.
            assertTrue(day.entries <= 2 * day.recentlyHeard, "day " + day.day + ": " + day.entries + " entries");
            assertTrue(day.timers <= day.recentlyHeard, "day " + day.day + ": one timer per agent at most");
            assertTrue(day.peakEntries <= day.workforce, "day " + day.day + ": " + day.peakEntries
                    + " entries at the peak for a workforce of " + day.workforce);
            // queue_metrics: one written-through mark per queue; between windows nothing waits.
            assertEquals(ChurnSimulation.QUEUES.size(), day.queueEntries, "day " + day.day + ": queue state entries");
            assertEquals(0, day.queueTimers, "day " + day.day + ": queue timers");
        }
        assertFlat(run.days, "peak state entries", d -> d.peakEntries);
        assertFlat(run.days, "state entries at midnight", d -> d.entries);
        assertFlat(run.days, "timers at midnight", d -> d.timers);
    }

    /** Every day after warm-up stays within BAND times the maximum of the first warm week. */
    private static void assertFlat(List<DayFigures> days, String figure, ToLongFunction<DayFigures> value) {
        long bandMax = days.subList(FIRST_WARM_DAY - 1, LAST_BAND_DAY).stream().mapToLong(value).max().orElseThrow();
        long limit = (long) Math.floor(bandMax * BAND);
        for (DayFigures day : days.subList(FIRST_WARM_DAY - 1, days.size())) {
            assertTrue(value.applyAsLong(day) <= limit, figure + " on day " + day.day + ": "
                    + value.applyAsLong(day) + " > " + limit + " (" + BAND + " x the maximum of days "
                    + FIRST_WARM_DAY + "-" + LAST_BAND_DAY + ", " + bandMax + ")");
        }
    }

    /** No agent silent for session-timeout + window holds state (§3.2, §3.3, §3.7). */
    private static void assertSilentAgentsLeftNothing(EngineHarness engine, ChurnSimulation simulation,
                                                      long watermark) {
        Set<String> lingering = new TreeSet<>();
        for (StateDescriptor<?, ?> state : engineStates()) {
            for (String agent : keys(engine.harness, state)) {
                Long last = simulation.lastHeard(agent);
                if (last == null || watermark - last >= FORGOTTEN_AFTER) lingering.add(agent);
            }
        }
        assertTrue(lingering.isEmpty(), "at watermark " + UtcTimes.iso(watermark) + ", " + lingering.size()
                + " agents silent for " + FORGOTTEN_AFTER + " ms or more still hold state: " + lingering);
    }

    private static List<StateDescriptor<?, ?>> engineStates() {
        return List.of(AgentEngineFunction.AGENT_STATE, AgentEngineFunction.OVERFLOW);
    }

    /** State entries (a key in a state) as the backend lists them, so that heap and RocksDB count alike. */
    private static int entries(AbstractStreamOperatorTestHarness<?> harness, List<StateDescriptor<?, ?>> states) {
        int entries = 0;
        for (StateDescriptor<?, ?> state : states) entries += keys(harness, state).size();
        return entries;
    }

    private static Set<String> keys(AbstractStreamOperatorTestHarness<?> harness, StateDescriptor<?, ?> state) {
        @SuppressWarnings("unchecked")
        KeyedStateBackend<String> backend = (KeyedStateBackend<String>) (Object)
                ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(state.getName(), VoidNamespace.INSTANCE)) {
            return keys.collect(Collectors.toSet());
        }
    }

    /** Drops the tables' rows as they come, so that memory stays flat too; returns the late_events rows. */
    private static long drainSideOutputs(EngineHarness engine) {
        long late = 0;
        for (OutputTag<?> tag : List.of(AgentEngineFunction.AGENT_STATUS, AgentEngineFunction.AGENT_ACTIVITY,
                AgentEngineFunction.CONTACTS, AgentEngineFunction.ALERTS, AgentEngineFunction.LATE_EVENTS)) {
            var rows = engine.harness.getSideOutput(tag);
            if (rows == null) continue;
            if (tag == AgentEngineFunction.LATE_EVENTS) late += rows.size();
            rows.clear();
        }
        return late;
    }

    private static void print(String backend, Run run) {
        ChurnSimulation simulation = run.simulation;
        System.out.printf("Weeks of churn on %s: %d records delivered, %d lost in the outage, %d sent twice, %d late;"
                        + " %d hires, %d leavers, %d agents ever seen; %d queue_metrics rows%n",
                backend, simulation.delivered(), simulation.lost(), simulation.duplicatesSent(), run.lateRows,
                simulation.hires(), simulation.leavers(), simulation.agentsSeen(), run.queueRows);
        System.out.println("day workforce shifts seen heard<75m | engine entries: peak 24:00 | timers | "
                + "snapshot bytes: 12:00 (per agent)  24:00 | queue op: entries timers bytes");
        for (DayFigures d : run.days) {
            System.out.printf("%3d %9d %6d %4d %9d | %20d %5d | %6d | %21d (%4d) %6d | %17d %6d %5d%n",
                    d.day, d.workforce, d.shifts, d.agentsSeen, d.recentlyHeard, d.peakEntries, d.entries, d.timers,
                    d.noonBytes, d.noonBytes / d.workforce, d.midnightBytes, d.queueEntries, d.queueTimers,
                    d.queueBytes);
        }
    }
}
