package dev.agentanalytics.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.topology.TableSinks;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.FileUtils;

/**
 * One measurement of {@code scripts/bench.sh}, in a JVM of its own so that its peak heap and RSS are its own. A
 * benchmark prints figures; nothing is asserted. Prints one line:
 * {@code result MODE events=N bytes=B seconds=S heap_mb=H rss_mb=R cpu_s=C jit_s=J}; the script turns them into
 * rates and ratios. {@code cpu_s} is the CPU time of the whole process over the measured seconds, {@code jit_s} the
 * part of it the JIT compilers spent (as the JVM counts it): on two cores, a cold JVM's compiling is a large share.
 *
 * <pre>
 *   reference  a single-threaded Jackson readTree loop over the file's lines (what everything is compared with)
 *   parse      the job's own parser alone over the same lines, one thread
 *   batch      the whole job, BATCH replay, parallelism 2, every table written as files
 *   discard    the same with sinks that discard the rows
 *   rocksdb    STREAMING, RocksDB state backend, incremental checkpoints every 10 s, as on Managed Flink
 *   warm       batch, run {@value #WARM_RUNS} times in this JVM on the same bytes; the last run is measured: the job's
 *              cost once the JVM has loaded and compiled its code, which batch pays again in every fresh JVM
 *   floor      the job's shape without its work ({@link FlinkFloorJob}): what Flink costs (b)'s main exchange in a
 *              fresh JVM; events of {@value #FLOOR_PAYLOAD_BYTES} bytes, or -Dfloor.payload-bytes=N
 * </pre>
 *
 * The time counts from job submission to its end (the embedded cluster's start included, the JVM's not).
 */
public final class JobBenchmark {
    /** The warm mode's runs: the third is the first whose time no longer falls (measured: 25.0, 16.4, 14.2 s). */
    static final int WARM_RUNS = 3;
    /** The floor's payload per event: the mean size of the job's encoded events on the bench data (938 B). */
    static final int FLOOR_PAYLOAD_BYTES = 938;

    private JobBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: JobBenchmark reference|parse|batch|discard|rocksdb|warm|floor"
                    + " INPUT_FILE_OR_FOLDER WORK_DIR");
            System.exit(2);
        }
        String mode = args[0];
        Path input = Path.of(args[1]);
        Path work = Path.of(args[2]);
        List<Path> files = files(input);
        long bytes = 0;
        for (Path file : files) bytes += Files.size(file);
        long events;
        long started = System.nanoTime();
        Usage usage = Usage.now();
        switch (mode) {
            case "reference":
                events = 0;
                for (Path file : files) events += readTreeLoop(file);
                break;
            case "parse":
                events = 0;
                for (Path file : files) events += parserLoop(file);
                break;
            case "floor":
                events = 0;
                for (Path file : files) events += forEachLine(file, (line, from, length) -> { });
                started = System.nanoTime();
                usage = Usage.now();
                Configuration flink = withSystemProperties(AgentAnalyticsJob.flinkConfiguration(JobConfig.fromMap(
                        Map.of("source", "files", "input", input.toString(), "output", work.toString(),
                                "parallelism", "2", "runtime-mode", "BATCH"))));
                FlinkFloorJob.run(flink, input, Integer.getInteger("floor.payload-bytes", FLOOR_PAYLOAD_BYTES));
                break;
            case "batch":
            case "discard":
            case "rocksdb":
            case "warm":
                events = 0;
                for (Path file : files) events += forEachLine(file, (line, from, length) -> { });
                String job = mode.equals("warm") ? "batch" : mode;
                for (int run = 1; mode.equals("warm") && run < WARM_RUNS; run++) {
                    Path output = work.resolve("output-warm-" + run);
                    runJob(job, input, output);
                    FileUtils.deleteDirectory(output.toFile()); // the disk holds one run's tables at a time
                }
                started = System.nanoTime();
                usage = Usage.now();
                runJob(job, input, work.resolve("output-" + mode));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Usage used = Usage.now().minus(usage);
        System.out.printf("result %s events=%d bytes=%d seconds=%.3f heap_mb=%d rss_mb=%d cpu_s=%.1f jit_s=%.1f%n",
                mode, events, bytes, seconds, peakHeapBytes() >> 20, peakRssKb() >> 10, used.cpuSeconds,
                used.jitSeconds);
    }

    /** The process's CPU time and the JIT compilers' time so far (-1 where the JVM does not tell). */
    private static final class Usage {
        final double cpuSeconds;
        final double jitSeconds;

        private Usage(double cpuSeconds, double jitSeconds) {
            this.cpuSeconds = cpuSeconds;
            this.jitSeconds = jitSeconds;
        }

        static Usage now() {
            double cpu = -1;
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean) {
                cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9;
            }
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            double compiling = jit != null && jit.isCompilationTimeMonitoringSupported()
                    ? jit.getTotalCompilationTime() / 1e3 : -1;
            return new Usage(cpu, compiling);
        }

        Usage minus(Usage before) {
            return new Usage(cpuSeconds < 0 ? -1 : cpuSeconds - before.cpuSeconds,
                    jitSeconds < 0 ? -1 : jitSeconds - before.jitSeconds);
        }
    }

    /** The input's files in name order: the file itself, or the files of a folder (parts of a Firehose-like set). */
    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) return List.of(input);
        try (Stream<Path> listed = Files.list(input)) {
            return listed.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** The reference: every line through {@code ObjectMapper.readTree}, one thread, nothing else. */
    private static long readTreeLoop(Path input) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long[] fields = {0}; // used, so that the trees cannot be optimised away
        long events = forEachLine(input,
                (bytes, from, length) -> fields[0] += json.readTree(bytes, from, length).size());
        if (fields[0] == 0) throw new IllegalStateException("no fields read");
        return events;
    }

    /**
     * The job's own parser alone, one thread, as a BATCH replay's file reader runs it (on the lines where they lie,
     * keeping no copy of a valid one): what the source costs of (b) before Flink moves a record.
     */
    private static long parserLoop(Path input) throws IOException {
        AgentEventParser parser = new AgentEventParser(
                JobConfig.fromMap(Map.of("source", "files", "input", input.toString())).records);
        long[] valid = {0};
        long events = forEachLine(input, (bytes, from, length) -> {
            if (parser.parse(bytes, from, length, length, 0L, null).isValid()) valid[0]++;
        });
        if (valid[0] == 0) throw new IllegalStateException("no valid event read");
        return events;
    }

    private interface LineConsumer {
        void accept(byte[] bytes, int from, int length) throws IOException;
    }

    /** Hands each line of the file (without its newline) to {@code consumer}; returns how many there were. */
    private static long forEachLine(Path input, LineConsumer consumer) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 24];
        int filled = 0;
        try (InputStream in = Files.newInputStream(input)) {
            while (true) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) break;
                filled += n;
                int start = 0;
                for (int i = start; i < filled; i++) {
                    if (buffer[i] != '\n') continue;
                    if (i > start) {
                        consumer.accept(buffer, start, i - start);
                        lines++;
                    }
                    start = i + 1;
                }
                // Keep the unfinished line at the start of the buffer (grown for a line longer than it).
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        if (filled > 0) {
            consumer.accept(buffer, 0, filled);
            lines++;
        }
        return lines;
    }

    private static void runJob(String mode, Path input, Path output) throws Exception {
        Map<String, String> keys = new HashMap<>(Map.of(
                "source", "files",
                "input", input.toString(),
                "output", output.toString(),
                "parallelism", "2",
                "runtime-mode", mode.equals("rocksdb") ? "STREAMING" : "BATCH"));
        if (mode.equals("rocksdb")) keys.put("checkpoint-interval", "10s");
        JobConfig config = JobConfig.fromMap(keys);
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        if (mode.equals("rocksdb")) {
            flink.setString("state.backend.type", "rocksdb");
            flink.setString("state.backend.incremental", "true");
            flink.setString("state.checkpoints.dir", output.resolveSibling("checkpoints").toUri().toString());
            // RocksDB's block cache and write buffers come out of managed memory. The embedded cluster has 128 MB
            // of it in all; a Managed Flink KPU has 1 GB of native memory for its one slot. 512 MB per slot (two
            // here) is what RocksDB gets there, not a tuning: with 64 MB per slot, every read of state went
            // through freshly flushed files and (d) took three times as long.
            flink.setString("taskmanager.memory.managed.size", "1g");
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(withSystemProperties(flink));
        if (mode.equals("discard")) {
            AgentAnalyticsJob.define(env, config, new DiscardingSinks());
        } else {
            AgentAnalyticsJob.define(env, config);
        }
        env.execute("benchmark " + mode);
    }

    /** -Dflink.KEY=VALUE (in BENCH_JAVA_OPTS) tries a Flink setting: -Dflink.taskmanager.memory.managed.size=1g. */
    private static Configuration withSystemProperties(Configuration flink) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("flink.")) flink.setString(name.substring(6), System.getProperty(name));
        }
        return flink;
    }

    /** Every table's rows dropped at the sink: what the job costs without writing. */
    private static final class DiscardingSinks implements TableSinks {
        @Override
        public <T extends TableRow> void write(OutputTable table, DataStream<T> rows) {
            rows.sinkTo(new DiscardingSink<>()).name(table.tableName() + " discarded")
                    .uid(table.tableName() + "-discarded");
        }
    }

    /** The heap's high-water mark: the sum of each heap pool's peak (an upper bound of the peak in use). */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    /** The process's peak resident set (VmHWM), from /proc; 0 where there is none. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }
}
