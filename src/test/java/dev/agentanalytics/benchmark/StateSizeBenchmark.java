package dev.agentanalytics.benchmark;

import static dev.agentanalytics.testing.ChurnSimulation.HEART_BEAT_EVERY;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;

/**
 * Keyed state bytes per agent of the agent engine operator on RocksDB, as Managed Flink runs it: a benchmark that
 * prints figures (scripts/bench.sh runs it), never a test, so nothing is asserted.
 *
 * <p>Why: state grows with the agents logged in, and a large contact center has tens of thousands of them, most of
 * them idle at any moment. The figure answers how big a checkpoint is and whether 100,000 agents fit one task
 * manager (run with {@code -Xmx2g}; the heap used is printed after a {@code System.gc()}).
 *
 * <p>What: N agents, in the engine operator of {@link EngineHarness} on {@link EmbeddedRocksDBStateBackend} with
 * full (not incremental) snapshots, each log in (Available, a routing profile of 2 or 3 inbound queues, three
 * hierarchy levels, a username), go on Break after 10 minutes, half of them come back Available at 24 minutes,
 * and all send a heart beat every 2 minutes otherwise: a quiet 40 minutes of event time. The watermark follows
 * every 2 minutes, so closed windows are written, and by the end the de-duplication window holds heart beats only:
 * what is left is the steady state of an idle logged-in agent (open session, current window, recent event ids, one
 * timer). Then one snapshot; its bytes divided by N. ARNs and event ids have Amazon Connect's real lengths (UUIDs),
 * since they are most of the bytes.
 *
 * <p>Events are generated on the fly, one 2-minute round at a time, and the operator's outputs dropped as they come,
 * so the benchmark's own heap stays small.
 */
public final class StateSizeBenchmark {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();
    private static final String INSTANCE =
            "arn:aws:connect:us-east-1:111122223333:instance/" + new UUID(0x5eed, 1);
    /** Inbound queues of the routing profiles; each agent serves 2 or 3 of them. */
    private static final ServedQueue[] QUEUES = {
        queue(1, "Billing"), queue(2, "Tech Support"), queue(3, "Sales"), queue(4, "Retentions")};
    private static final String[] SITES = {"Lisbon", "Dublin", "Austin"};

    private static final long START = Events.at("08:00:00");
    /** Rounds of HEART_BEAT_EVERY: every agent sends one event per round (40 minutes in all). */
    private static final int ROUNDS = 20;
    private static final int BREAK_ROUND = 5; // 08:10
    private static final int BACK_ROUND = 12; // 08:24, for half of the agents

    private StateSizeBenchmark() {}

    public static void main(String[] args) throws Exception {
        long perAgent = 0;
        for (int agents : new int[] {10_000, 100_000}) {
            perAgent = Math.max(perAgent, measure(agents));
        }
        // The larger of the two: the fixed bytes (operator state, metadata) weigh more at 10,000 agents.
        System.out.printf("state per idle agent: %d B (target <= 2048)%n", perAgent);
    }

    /** Runs {@code agents} idle agents through the engine, prints the line of figures and returns bytes per agent. */
    private static long measure(int agents) throws Exception {
        Path checkpoints = Files.createTempDirectory("state-size-benchmark");
        // Full snapshots, as a savepoint. Their bytes are what is stored, not the serialized size of the live state:
        // they depend on RocksDB's compression and compactions (docs/performance.md).
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend(false);
        // As ChurnStateTest: the harness's few megabytes of managed memory would make RocksDB flush tiny files.
        rocksDb.getMemoryConfiguration().setUseManagedMemory(false);
        // File storage: the default in-memory storage refuses snapshots over 5 MB.
        try (EngineHarness engine = EngineHarness.live(SETTINGS, rocksDb,
                new FileSystemCheckpointStorage(checkpoints.toUri()))) {
            long ordinal = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int agent = 0; agent < agents; agent++) {
                    AgentEvent event = event(agent, agents, round);
                    event.arrival = Arrival.ofOrdinal(ordinal++);
                    engine.send(event);
                }
                // The round's events are all in: the engine applies them and writes the windows they close. A live
                // watermark lags 5 s, which would leave a few agents with a heart beat waiting; here none is left.
                engine.watermark(START + (round + 1) * HEART_BEAT_EVERY - 1);
                engine.dropOutputs();
            }
            long bytes = engine.snapshot().getStateSize();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            System.out.printf("state %d agents: %d B checkpoint, %d B per agent (RocksDB, full snapshot);"
                    + " heap used after: %d MB%n", agents, bytes, bytes / agents, heapMb);
            return bytes / agents;
        } finally {
            deleteRecursively(checkpoints);
        }
    }

    /**
     * The event {@code agent} sends in {@code round}: LOGIN, Break, back to Available (even agents) or a heart beat
     * with its current snapshot, as Connect sends one when nothing else was sent for 2 minutes.
     */
    private static AgentEvent event(int agent, int agents, int round) {
        // Spread over the round, in agent order: each round's events come in event-time order.
        long offset = (long) agent * HEART_BEAT_EVERY / agents;
        boolean comesBack = agent % 2 == 0;
        AgentEvent event = new AgentEvent();
        event.eventId = new UUID(agent, round).toString();
        event.agentArn = INSTANCE + "/agent/" + new UUID(0xa9e47, agent);
        event.eventTime = START + round * HEART_BEAT_EVERY + offset;
        event.username = "agent" + agent;
        event.grouping = new Grouping("Profile " + agent % 4, "EMEA", SITES[agent % SITES.length],
                "Team " + agent % 50);
        // 2 or 3 of the 4 queues, varying by agent.
        int served = 2 + agent % 2;
        event.queues = new ServedQueue[served];
        for (int q = 0; q < served; q++) event.queues[q] = QUEUES[(agent + q) % QUEUES.length];

        if (round == 0) {
            event.eventType = AgentEvent.LOGIN;
        } else if (round == BREAK_ROUND || round == BACK_ROUND && comesBack) {
            event.eventType = AgentEvent.STATE_CHANGE;
        } else {
            event.eventType = AgentEvent.HEART_BEAT;
        }
        boolean onBreak = round >= BREAK_ROUND && !(comesBack && round >= BACK_ROUND);
        event.statusName = onBreak ? "Break" : "Available";
        event.statusType = onBreak ? "CUSTOM" : "ROUTABLE";
        return event;
    }

    private static ServedQueue queue(int number, String name) {
        return new ServedQueue(INSTANCE + "/queue/" + new UUID(0x9e7e, number), name);
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
