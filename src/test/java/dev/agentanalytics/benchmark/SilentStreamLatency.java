package dev.agentanalytics.benchmark;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.source.EventTimeWatermarks;
import dev.agentanalytics.testing.CollectingSinks;
import dev.agentanalytics.topology.AgentAnalyticsTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * A figure, not a test: when the whole live stream goes silent, event time follows the wall clock, so a stale agent
 * is reported although no event (heart beat included) arrives any more. This measures how long after its wall-clock
 * deadline the alert reaches the sinks, in an embedded Flink, and prints it (scripts/bench.sh). The logic is
 * proven without a clock by LiveWatermarksTest (a hand-moved clock) and the engine's tests; the delay depends on the
 * machine, so nothing asserts it.
 */
public final class SilentStreamLatency {
    private static final long STALE_AFTER_MS = 8_000;

    private SilentStreamLatency() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = JobConfig.fromMap(Map.of("stale-after", STALE_AFTER_MS / 1000 + "s",
                "out-of-orderness", "2s", "idleness", "2s", "parallelism", "2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSinks sinks = new CollectingSinks();
        AgentAnalyticsTopology.build(
                env.addSource(new TwoAgentsThenSilence(), "live events", TypeInformation.of(ParsedRecord.class))
                        .setParallelism(1).uid("live-source")
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.live(config)).setParallelism(1)
                        .uid("live-timestamps"),
                sinks, config);
        JobClient job = env.executeAsync("silent stream");
        try {
            List<CollectingSinks.Arrival> alerts = sinks.rows(OutputTable.ALERTS);
            long giveUpAt = System.currentTimeMillis() + 60_000;
            while (alerts.size() < 2 && System.currentTimeMillis() < giveUpAt) {
                Thread.sleep(20); // polls; the arrival time is taken by the sink itself
            }
            if (alerts.size() < 2) System.out.println("silent stream: no alert within 60 s of the deadline");
            for (CollectingSinks.Arrival arrival : alerts) {
                AlertRow alert = (AlertRow) arrival.row;
                long deadline = UtcTimes.parse(alert.lastEventAt) + STALE_AFTER_MS;
                System.out.printf("silent stream: %s for %s reached the sinks %d ms after its wall-clock deadline%n",
                        alert.alertType, alert.username, arrival.arrivedAtMillis - deadline);
            }
        } finally {
            job.cancel().get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** Sends one LOGIN per agent, stamped with the wall clock, then nothing at all until cancelled. */
    static final class TwoAgentsThenSilence implements SourceFunction<ParsedRecord> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<ParsedRecord> ctx) throws Exception {
            WallClockEvents events = new WallClockEvents();
            for (String agent : new String[] {"a-1", "a-2"}) events.send(ctx, agent, "LOGIN", agent);
            while (running) {
                Thread.sleep(Duration.ofMillis(100).toMillis()); // a live source that has nothing to say
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
