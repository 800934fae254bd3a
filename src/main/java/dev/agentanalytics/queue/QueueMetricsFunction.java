package dev.agentanalytics.queue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.config.StateCompatibility;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.output.UtcTimes;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by queue ARN: adds up the agents' {@link QueueShare}s (summed per engine subtask) per window and writes one
 * {@code queue_metrics} row when the window is complete (docs/analytics.md §4.4). A window is complete once the
 * watermark reaches its last millisecond: every agent emits its share of a window before it forwards such a
 * watermark, and {@link QueueShareCombiner} sends its sums before it does. Run it inside
 * {@link QueueMetricsOperator}, which writes the windows left when a streaming input ends.
 *
 * <p>A window is written once. A share of a window already written cannot come from a correct engine (its shares
 * precede its watermark); should one come, it is counted ({@code queueSharesAfterWindow}) and logged, never written
 * as a second row.
 */
public class QueueMetricsFunction extends KeyedProcessFunction<String, QueueShare, QueueMetricsRow>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QueueMetricsFunction.class);

    public static final MapStateDescriptor<Long, QueueShare> WINDOWS =
            new MapStateDescriptor<>("queue-windows", Types.LONG, TypeInformation.of(QueueShare.class));
    /** Start of the latest window of the queue already written. */
    public static final ValueStateDescriptor<Long> WRITTEN_THROUGH =
            new ValueStateDescriptor<>("queue-written-through", Types.LONG);

    private final EngineSettings settings;
    /** BATCH mode: the end of time is each queue's end of input, and the windows left are written then. */
    private final boolean batch;
    private transient MapState<Long, QueueShare> windows;
    private transient ValueState<Long> writtenThrough;
    private transient Counter sharesAfterWindow;

    public QueueMetricsFunction(EngineSettings settings, boolean batch) {
        this.settings = settings;
        this.batch = batch;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        StateCompatibility.check(context.getOperatorStateStore(), "queue metrics", settings);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // Keyed state is snapshotted by Flink; the settings were written once, in initializeState.
    }

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(WINDOWS);
        writtenThrough = getRuntimeContext().getState(WRITTEN_THROUGH);
        sharesAfterWindow = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics")
                .counter("queueSharesAfterWindow");
    }

    @Override
    public void processElement(QueueShare share, Context ctx, Collector<QueueMetricsRow> out) throws Exception {
        Long written = writtenThrough.value();
        if (written != null && share.windowStart <= written) {
            sharesAfterWindow.inc();
            LOG.warn("A share of queue window {} arrived after the window was written; not counted: {}",
                    UtcTimes.iso(share.windowStart), share);
            return;
        }
        QueueShare sum = windows.get(share.windowStart);
        if (sum == null) {
            sum = new QueueShare(share.queueArn, share.windowStart);
            ctx.timerService().registerEventTimeTimer(share.windowStart + settings.windowMs - 1);
        }
        sum.add(share);
        windows.put(share.windowStart, sum);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueMetricsRow> out) throws Exception {
        if (!batch && ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a streaming input: QueueMetricsOperator writes what is left once all shares are in
        }
        QueueShare sum = windows.get(timestamp - settings.windowMs + 1);
        if (sum != null) write(sum, out);
    }

    /**
     * The current queue's windows still open, each written: the end of a streaming input, once every share is in
     * ({@link QueueMetricsOperator#finish}).
     */
    void writeOpenWindows(Collector<QueueMetricsRow> out) throws Exception {
        List<QueueShare> open = new ArrayList<>();
        for (QueueShare sum : windows.values()) open.add(sum);
        for (QueueShare sum : open) write(sum, out);
    }

    /**
     * Writes a window's row and removes the window, moving the queue's written-through mark to it: a checkpoint taken
     * after this holds the window as written, so a job restored from it (and finishing again) never writes it twice.
     */
    private void write(QueueShare sum, Collector<QueueMetricsRow> out) throws Exception {
        windows.remove(sum.windowStart);
        Long written = writtenThrough.value();
        writtenThrough.update(written == null ? sum.windowStart : Math.max(written, sum.windowStart));
        if (sum.staffedMs() > 0) {
            out.collect(toRow(sum, settings.windowMs));
        }
    }

    /** The row of one queue and window from the sum of its agents' shares. */
    public static QueueMetricsRow toRow(QueueShare sum, long windowMs) {
        QueueMetricsRow row = new QueueMetricsRow();
        row.windowStart = UtcTimes.iso(sum.windowStart);
        row.windowEnd = UtcTimes.iso(sum.windowStart + windowMs);
        row.queueArn = sum.queueArn;
        row.queueName = sum.queueName;
        row.staffedMs = sum.staffedMs();
        row.availableMs = sum.availableMs;
        row.onContactMs = sum.onContactMs;
        row.acwMs = sum.acwMs;
        row.incomingMs = sum.incomingMs;
        row.nonProductiveMs = sum.nonProductiveMs;
        row.errorMs = sum.errorMs;
        row.offlineMs = sum.offlineMs;
        row.avgAgentsStaffed = (double) row.staffedMs / windowMs;
        long working = sum.onContactMs + sum.acwMs;
        long divisor = working + sum.availableMs;
        row.occupancy = divisor == 0 ? null : (double) working / divisor;
        row.contactsHandled = sum.contactsHandled;
        row.handleMsSum = sum.handleMsSum;
        // Whole milliseconds, rounded half up.
        row.avgHandleMs = sum.contactsHandled == 0 ? null
                : Math.floorDiv(2 * sum.handleMsSum + sum.contactsHandled, 2 * sum.contactsHandled);
        return row;
    }
}
