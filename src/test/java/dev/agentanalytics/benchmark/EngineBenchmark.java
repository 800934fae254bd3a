package dev.agentanalytics.benchmark;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.testing.EngineHarness;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;

/**
 * The agent engine alone under RocksDB, in one thread: what bounds (d). The first EVENTS valid events of a data set
 * (a folder of line files, in name order) are parsed up front; then each round sends them through a fresh engine on
 * RocksDB with a live watermark (5 s behind the newest event, moved every 2,000 events, as a fast replay moves it)
 * and prints the time per event. A benchmark prints figures; nothing is asserted. Compare two versions of the code
 * in alternating runs: the machine's speed drifts between minutes.
 *
 * <pre>
 *   java -cp ... dev.agentanalytics.benchmark.EngineBenchmark .bench-data/events-10000-agents-4h 150000 3
 * </pre>
 *
 * A fourth argument moves the watermark every so many events instead: as many as EVENTS holds it back until the
 * end, as a shard far behind the others does in a catch-up, and every agent's events wait at once.
 */
public final class EngineBenchmark {
    private static final int WATERMARK_EVERY = 2000;
    private static final long OUT_OF_ORDERNESS_MS = 5000;

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: EngineBenchmark DATA_FOLDER EVENTS ROUNDS [WATERMARK_EVERY]");
            System.exit(2);
        }
        int watermarkEvery = args.length == 4 ? Integer.parseInt(args[3]) : WATERMARK_EVERY;
        if (watermarkEvery < 1) throw new IllegalArgumentException("WATERMARK_EVERY must be 1 or more");
        List<AgentEvent> events = firstEvents(Path.of(args[0]), Integer.parseInt(args[1]));
        for (int round = 1; round <= Integer.parseInt(args[2]); round++) {
            System.out.printf("round %d: %.2f us/event (%d events)%n", round, runOnce(events, watermarkEvery),
                    events.size());
        }
    }

    private static List<AgentEvent> firstEvents(Path folder, int wanted) throws Exception {
        AgentEventParser parser = new AgentEventParser(
                JobConfig.fromMap(Map.of("source", "files", "input", folder.toString())).records);
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        List<AgentEvent> events = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null && events.size() < wanted; line = lines.readLine()) {
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    ParsedRecord record = parser.parse(bytes, 0, bytes.length, bytes.length, 0L, null);
                    if (!record.isValid()) continue;
                    record.event.arrival = Arrival.ofOrdinal(events.size());
                    events.add(record.event);
                }
            }
            if (events.size() == wanted) break;
        }
        return events;
    }

    /** Microseconds per event, from the engine's start to its last watermark (its close included). */
    private static double runOnce(List<AgentEvent> events, int watermarkEvery) throws Exception {
        Path checkpoints = Files.createTempDirectory("engine-benchmark");
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend(true);
        // As ChurnStateTest: the harness's few megabytes of managed memory would make RocksDB flush tiny files.
        rocksDb.getMemoryConfiguration().setUseManagedMemory(false);
        long start = System.nanoTime();
        try (EngineHarness engine = EngineHarness.live(EngineSettings.defaults(), rocksDb,
                new FileSystemCheckpointStorage(checkpoints.toUri()))) {
            long newest = Long.MIN_VALUE;
            int sent = 0;
            for (AgentEvent event : events) {
                engine.send(event);
                newest = Math.max(newest, event.eventTime);
                if (++sent % watermarkEvery == 0 || sent == events.size()) {
                    engine.watermark(newest - OUT_OF_ORDERNESS_MS);
                    engine.dropOutputs();
                }
            }
        } finally {
            StateSizeBenchmark.deleteRecursively(checkpoints);
        }
        return (System.nanoTime() - start) / 1e3 / events.size();
    }
}
