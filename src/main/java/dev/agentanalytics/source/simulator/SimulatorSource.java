package dev.agentanalytics.source.simulator;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated contact center as a Flink source: each record is parsed once, as any source of the job does, and
 * emitted as a {@link ParsedRecord}. Its received time is the simulated send time (not the wall clock), so a run
 * is a pure function of the settings. Not parallel: one simulator is one contact center.
 *
 * <p>The checkpointed state is only the number of records emitted: the simulator is deterministic, so a restored
 * source regenerates the sequence and skips that many.
 */
public class SimulatorSource extends RichSourceFunction<ParsedRecord> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    public static final String EMITTED_STATE = "simulator-records-emitted";
    public static final String RECORDS_METRIC = "simulatedRecords";
    /** With a rate, the source sleeps when it is this far ahead of schedule, not after every record. */
    private static final long PACING_SLACK_MS = 20;
    /** Progress is logged this often (wall clock); embedded runs print it on the console. */
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorSource.class);

    private final JobConfig.SimulatorSettings settings;
    private final JobConfig.RecordSettings records;
    private final long maxDelayMillis;

    private volatile boolean running = true;
    private long emitted;
    private transient ListState<Long> emittedState;
    private transient Counter recordsCounter;

    public SimulatorSource(JobConfig.SimulatorSettings settings, JobConfig.RecordSettings records,
                           long maxDelayMillis) {
        this.settings = settings;
        this.records = records;
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void open(Configuration parameters) {
        recordsCounter = getRuntimeContext().getMetricGroup().counter(RECORDS_METRIC);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        emittedState = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>(EMITTED_STATE, Long.class));
        emitted = 0;
        if (context.isRestored()) {
            for (Long count : emittedState.get()) {
                emitted += count;
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        emittedState.update(List.of(emitted));
    }

    @Override
    public void run(SourceContext<ParsedRecord> context) throws Exception {
        ContactCenterSimulator simulator = new ContactCenterSimulator(settings, maxDelayMillis);
        for (long skipped = 0; skipped < emitted && simulator.hasNext(); skipped++) {
            simulator.next();
        }
        AgentEventParser parser = new AgentEventParser(records);
        long startNanos = System.nanoTime();
        long emittedThisRun = 0;
        long nextProgress = startNanos + PROGRESS_EVERY_NANOS;
        long simulatedEnd = settings.start.toEpochMilli() + settings.duration.toMillis();
        while (running && simulator.hasNext()) {
            SimulatedRecord record = simulator.next();
            // The record's number in the simulated stream is its arrival: a replay of the same records written to
            // a file orders ties by line, in the same order.
            ParsedRecord parsed = parser.parse(record.payload, record.eventTime, Arrival.ofOrdinal(emitted))
                    .at("simulator", Long.toString(emitted));
            if (settings.rate > 0) {
                waitForSchedule(startNanos, emittedThisRun);
                if (!running) break;
            }
            synchronized (context.getCheckpointLock()) {
                context.collect(parsed);
                emitted++;
            }
            emittedThisRun++;
            if (recordsCounter != null) recordsCounter.inc();
            if (System.nanoTime() >= nextProgress) {
                nextProgress += PROGRESS_EVERY_NANOS;
                logProgress(record.eventTime, simulatedEnd, emittedThisRun, startNanos);
            }
        }
        logProgress(simulatedEnd, simulatedEnd, emittedThisRun, startNanos);
    }

    private void logProgress(long simulatedNow, long simulatedEnd, long records, long startNanos) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        long start = settings.start.toEpochMilli();
        LOG.info(String.format("simulated %s (%3.0f%%): %,d events sent, %,.0f events/s",
                java.time.Instant.ofEpochMilli(simulatedNow),
                100.0 * (simulatedNow - start) / Math.max(1, simulatedEnd - start), records, records / seconds));
    }

    /** Sleeps until record number {@code index} of this run is due at the configured rate. */
    private void waitForSchedule(long startNanos, long index) throws InterruptedException {
        long dueMillis = index * 1000 / settings.rate;
        long aheadMillis = dueMillis - (System.nanoTime() - startNanos) / 1_000_000;
        if (aheadMillis > PACING_SLACK_MS) {
            Thread.sleep(aheadMillis);
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
