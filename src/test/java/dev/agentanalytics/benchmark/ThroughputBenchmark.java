package dev.agentanalytics.benchmark;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.engine.AgentState;
import dev.agentanalytics.engine.AgentTimeline;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.CollectingOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints throughput figures of the hot paths on simulated events (a benchmark, not a test: nothing is asserted).
 * Run with {@code scripts/benchmark.sh}; the end-to-end figure comes from a timed {@code scripts/replay.sh}.
 *
 * <pre>
 *   parse:  bytes -> compact event (or dead letter), one core
 *   engine: compact events -> rows through AgentTimeline, one core
 * </pre>
 */
public final class ThroughputBenchmark {
    private ThroughputBenchmark() {}

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        JobConfig config = JobConfig.fromArgs("--simulator.agents", Integer.toString(agents),
                "--simulator.duration", "4h");
        List<SimulatedRecord> records = new ArrayList<>();
        new ContactCenterSimulator(config.simulator, 0).forEachRemaining(records::add);
        long bytes = records.stream().mapToLong(r -> r.payload.length).sum();
        System.out.printf("input: %,d simulated events of %d agents over 4 h, %.1f MB (%.1f KB per event)%n",
                records.size(), agents, bytes / 1e6, bytes / 1e3 / records.size());

        AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
        List<AgentEvent> events = new ArrayList<>(records.size());
        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
            events.clear();
            long start = System.nanoTime();
            for (SimulatedRecord record : records) {
                ParsedRecord parsed = parser.parse(record.payload, record.eventTime, null);
                if (parsed.isValid()) events.add(parsed.event);
            }
            report("parse", round, records.size(), bytes, System.nanoTime() - start);
        }

        events.sort(Comparator.comparingLong(e -> e.eventTime));
        for (int round = 0; round < 3; round++) {
            Map<String, AgentTimeline> timelines = new HashMap<>();
            CollectingOutput out = new CollectingOutput();
            long start = System.nanoTime();
            for (AgentEvent event : events) {
                timelines.computeIfAbsent(event.agentArn,
                        arn -> new AgentTimeline(config.engine, arn, new AgentState(), out)).apply(event);
            }
            long end = events.get(events.size() - 1).eventTime;
            timelines.values().forEach(timeline -> timeline.finish(end));
            long nanos = System.nanoTime() - start;
            report("engine", round, events.size(), -1, nanos);
            if (round == 2) {
                System.out.printf("engine output: %,d status, %,d activity, %,d contact rows, %,d queue shares,"
                                + " %,d alerts%n", out.statuses.size(), out.activities.size(), out.contacts.size(),
                        out.queueShares.size(), out.alerts.size());
            }
        }
    }

    private static void report(String what, int round, long count, long bytes, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-6s round %d: %,10.0f events/s%s%n", what, round + 1, count / seconds,
                bytes < 0 ? "" : String.format(", %6.1f MB/s", bytes / 1e6 / seconds));
    }
}
