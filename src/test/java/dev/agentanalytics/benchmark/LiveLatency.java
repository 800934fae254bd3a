package dev.agentanalytics.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.kinesis.KinesisClients;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.sink.CommittedParts;
import dev.agentanalytics.sink.JobSinks;
import dev.agentanalytics.source.EventTimeWatermarks;
import dev.agentanalytics.topology.AgentAnalyticsTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Figures, not a test: the two live latencies an operator and an analyst wait for, in a running job with the real
 * sinks. Events are stamped with the wall clock as they are sent, as Connect sends them. Agent a-1 sends a heart
 * beat every half second; agents s-1 to s-5 log in three seconds apart and fall silent, so each one's
 * {@code AGENT_STALE} alert is due {@code stale-after} after its login. Printed (scripts/bench.sh runs it against
 * the Kinesis emulator):
 *
 * <ul>
 *   <li>deadline to the alert on the Kinesis alert stream: each record's arrival time at the stream minus its
 *       deadline (out-of-orderness, the watermark interval and the sink's 500 ms buffer make it up; the first
 *       write also starts the sink's HTTP client);
 *   <li>a window's end to its committed rows: when the first committed {@code agent_status} file appears in the
 *       output folder, minus the end of the first 1-minute window it holds (out-of-orderness, then the next
 *       checkpoint: at most {@code checkpoint-interval} more).
 * </ul>
 *
 * Arguments: KINESIS_ENDPOINT ALERT_STREAM WORK_DIR.
 */
public final class LiveLatency {
    private static final long STALE_AFTER_MS = 8_000;
    private static final long GIVE_UP_MS = 120_000;
    private static final int SILENT_AGENTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveLatency() {}

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String stream = args[1];
        Path output = Path.of(args[2]).resolve("output");
        JobConfig config = JobConfig.fromMap(Map.ofEntries(
                Map.entry("stale-after", STALE_AFTER_MS / 1000 + "s"),
                Map.entry("window", "1m"),
                Map.entry("out-of-orderness", "2s"),
                Map.entry("idleness", "2s"),
                Map.entry("parallelism", "2"),
                Map.entry("checkpoint-interval", "5s"),
                Map.entry("output", output.toString()),
                Map.entry("alert.stream", stream),
                Map.entry("kinesis.endpoint", endpoint),
                Map.entry("kinesis.access-key", KinesisClients.DUMMY_ACCESS_KEY),
                Map.entry("kinesis.secret-key", KinesisClients.DUMMY_SECRET_KEY)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(config.checkpointInterval.toMillis());
        AgentAnalyticsTopology.build(
                env.addSource(new OneAgentBeatingOneSilent(), "live events", TypeInformation.of(ParsedRecord.class))
                        .setParallelism(1).uid("live-source")
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.live(config)).setParallelism(1)
                        .uid("live-timestamps"),
                new JobSinks(config), config);
        long started = System.currentTimeMillis();
        JobClient job = env.executeAsync("live latency");
        try (KinesisClient kinesis = KinesisClients.create(config.kinesis.region, endpoint)) {
            List<Long> alertDelays = new ArrayList<>();
            Long rowsCommitted = null;
            Long firstWindowEnd = null;
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while ((alertDelays.size() < SILENT_AGENTS || rowsCommitted == null)
                    && System.currentTimeMillis() < started + GIVE_UP_MS) {
                if (alertDelays.size() < SILENT_AGENTS) {
                    String current = iterator;
                    GetRecordsResponse records = kinesis.getRecords(r -> r.shardIterator(current));
                    iterator = records.nextShardIterator();
                    alertDelays.addAll(staleAlertDelays(records.records()));
                }
                if (rowsCommitted == null) {
                    firstWindowEnd = firstCommittedWindowEnd(output);
                    if (firstWindowEnd != null) rowsCommitted = System.currentTimeMillis();
                }
                Thread.sleep(50); // polls; each figure is read off its own clock (the stream's, the file's sighting)
            }
            System.out.println(alertDelays.isEmpty() ? "live latency: no AGENT_STALE alert on the stream within 120 s"
                    : String.format("live latency: heart beat deadline -> AGENT_STALE on the Kinesis stream: %s ms"
                            + " (%d silent agents, in order; out-of-orderness 2 s)", alertDelays, alertDelays.size()));
            System.out.println(rowsCommitted == null ? "live latency: no committed agent_status rows within 120 s"
                    : String.format("live latency: window end -> its agent_status rows committed: %d ms"
                            + " (checkpoint-interval 5 s, out-of-orderness 2 s)", rowsCommitted - firstWindowEnd));
        } finally {
            job.cancel().get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** For each AGENT_STALE alert among the records: its arrival at the stream minus its deadline. */
    private static List<Long> staleAlertDelays(List<Record> records) throws IOException {
        List<Long> delays = new ArrayList<>();
        for (Record record : records) {
            JsonNode alert = JSON.readTree(record.data().asByteArray());
            if (!"AGENT_STALE".equals(alert.path("alert_type").asText())) continue;
            long deadline = UtcTimes.parse(alert.path("last_event_at").asText()) + STALE_AFTER_MS;
            Instant arrival = record.approximateArrivalTimestamp();
            delays.add((arrival != null ? arrival.toEpochMilli() : System.currentTimeMillis()) - deadline);
        }
        return delays;
    }

    /** The end of the first window of the committed (visible, not in-progress) agent_status files, or null. */
    private static Long firstCommittedWindowEnd(Path output) throws IOException {
        Long first = null;
        for (Path file : CommittedParts.under(output.resolve("agent_status"))) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                long end = UtcTimes.parse(JSON.readTree(line).path("window_end").asText());
                if (first == null || end < first) first = end;
            }
        }
        return first;
    }

    /** a-1: LOGIN, then a heart beat every 500 ms; s-1 to s-5: LOGIN 3 s apart, then nothing. Wall-clock stamps. */
    static final class OneAgentBeatingOneSilent implements SourceFunction<ParsedRecord> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<ParsedRecord> ctx) throws Exception {
            WallClockEvents events = new WallClockEvents();
            events.send(ctx, "a-1", "LOGIN", "a-1-0");
            for (int beat = 1; running; beat++) {
                if (beat % 6 == 1 && beat / 6 < SILENT_AGENTS) {
                    String agent = "s-" + (beat / 6 + 1);
                    events.send(ctx, agent, "LOGIN", agent + "-0");
                }
                Thread.sleep(500); // the pace of the live feed, not a synchronization
                events.send(ctx, "a-1", "HEART_BEAT", "a-1-" + beat);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
