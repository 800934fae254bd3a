package dev.agentanalytics.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.source.EventTimeWatermarks;
import dev.agentanalytics.testing.CollectingSinks;
import dev.agentanalytics.topology.AgentAnalyticsTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live: when the whole stream goes silent, event time follows the wall clock, so a stale agent is reported within
 * seconds of its deadline although no event (heart beat included) arrives any more.
 */
class SilentStreamAlertTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final long STALE_AFTER_MS = 8_000;
    /** The contract: an alert within 5 s of its wall-clock deadline. */
    private static final long BOUND_MS = 5_000;

    @Test
    void aStaleAgentIsReportedWithinSecondsOfItsDeadlineWhenTheStreamIsSilent() throws Exception {
        JobConfig config = JobConfig.fromMap(Map.of("stale-after", STALE_AFTER_MS / 1000 + "s",
                "out-of-orderness", "2s", "idleness", "2s", "parallelism", "2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
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
                Thread.sleep(20); // polls the condition; the arrival time is taken by the sink itself
            }
            assertEquals(2, alerts.size(), "both silent agents reported");
            for (CollectingSinks.Arrival arrival : alerts) {
                AlertRow alert = (AlertRow) arrival.row;
                assertEquals("AGENT_STALE", alert.alertType);
                long deadline = UtcTimes.parse(alert.lastEventAt) + STALE_AFTER_MS;
                assertEquals(UtcTimes.iso(deadline), alert.detectedAt);
                long lateBy = arrival.arrivedAtMillis - deadline;
                System.out.printf("AGENT_STALE for %s arrived %d ms after its wall-clock deadline%n",
                        alert.username, lateBy);
                assertTrue(lateBy >= 0, "never before the deadline");
                assertTrue(lateBy <= BOUND_MS, "arrived " + lateBy + " ms after the deadline");
            }
        } finally {
            job.cancel().get();
        }
    }

    /** Sends one LOGIN per agent, stamped with the wall clock, then nothing at all until cancelled. */
    static final class TwoAgentsThenSilence implements SourceFunction<ParsedRecord> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<ParsedRecord> ctx) throws Exception {
            AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
            for (String agent : new String[] {"a-1", "a-2"}) {
                long now = System.currentTimeMillis();
                String json = "{\"AgentARN\":\"arn:aws:connect:us-east-1:1:instance/i/agent/" + agent + "\","
                        + "\"EventType\":\"LOGIN\",\"EventId\":\"" + agent + "\",\"EventTimestamp\":\""
                        + UtcTimes.iso(now) + "\",\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Available\","
                        + "\"Type\":\"ROUTABLE\"},\"Configuration\":{\"Username\":\"" + agent + "\"}}}";
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(parser.parse(json.getBytes(StandardCharsets.UTF_8), now, null));
                }
            }
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
