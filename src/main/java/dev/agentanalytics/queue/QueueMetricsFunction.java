package dev.agentanalytics.queue;

import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.output.UtcTimes;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by queue ARN: adds up the agents' {@link QueueShare}s per window and writes one {@code queue_metrics} row
 * when the window is complete (spec section 6). A window is complete once the watermark reaches its last
 * millisecond: every agent emits its share of a window before it forwards such a watermark. Run it inside
 * {@link QueueMetricsOperator}, which writes the windows left when a streaming input ends.
 */
public class QueueMetricsFunction extends KeyedProcessFunction<String, QueueShare, QueueMetricsRow> {
    private static final long serialVersionUID = 1L;

    public static final MapStateDescriptor<Long, QueueShare> WINDOWS =
            new MapStateDescriptor<>("queue-windows", Types.LONG, TypeInformation.of(QueueShare.class));

    private final long windowMs;
    /** BATCH mode: the end of time is each queue's end of input, and the windows left are written then. */
    private final boolean batch;
    private transient MapState<Long, QueueShare> windows;

    public QueueMetricsFunction(long windowMs, boolean batch) {
        this.windowMs = windowMs;
        this.batch = batch;
    }

    @Override
    public void open(Configuration parameters) {
        windows = getRuntimeContext().getMapState(WINDOWS);
    }

    @Override
    public void processElement(QueueShare share, Context ctx, Collector<QueueMetricsRow> out) throws Exception {
        QueueShare sum = windows.get(share.windowStart);
        if (sum == null) {
            sum = new QueueShare(share.queueArn, share.windowStart);
            ctx.timerService().registerEventTimeTimer(share.windowStart + windowMs - 1);
        }
        sum.add(share);
        windows.put(share.windowStart, sum);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueMetricsRow> out) throws Exception {
        if (!batch && ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a streaming input: QueueMetricsOperator writes what is left once all shares are in
        }
        long windowStart = timestamp - windowMs + 1;
        QueueShare sum = windows.get(windowStart);
        if (sum == null) return;
        windows.remove(windowStart);
        if (sum.staffedMs() > 0) {
            out.collect(toRow(sum, windowMs));
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
