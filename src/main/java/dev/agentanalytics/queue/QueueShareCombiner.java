package dev.agentanalytics.queue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up the {@link QueueShare}s of one engine subtask before they cross to the queue metrics: every agent of a
 * subtask sends a share per queue and window, and the queue's sum is all the queue metrics use
 * (docs/analytics.md §4.4), so one share per queue, window and subtask carries the same numbers with a fraction of
 * the records. {@link QueueShare#add} is commutative and associative, so how shares are grouped changes no row.
 *
 * <p>It holds shares only between two points where they must have gone on, and so needs no state: before it
 * forwards a watermark (the queue metrics close a window on the watermark, after every share of it), before a
 * checkpoint barrier, at the end of the input, and when it holds {@link #MAX_HELD} of them. Live, a watermark
 * comes every few hundred milliseconds and the bound is never reached; it is for a BATCH replay, which sends a
 * subtask's agents one after the other, each with all its windows, and no watermark until the end.
 */
public class QueueShareCombiner extends AbstractStreamOperator<QueueShare>
        implements OneInputStreamOperator<QueueShare, QueueShare>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    /**
     * In a BATCH replay two agents' shares of a queue and window meet here only if the sums of every queue and
     * window in between are still held, so the bound is the replay's queues times windows that are summed fully: a
     * month of 15-minute windows (2,880) for some 70 queues. Above it, shares go on less summed, never lost. About
     * 200 bytes each (the queue's ARN is shared, {@link #arns}): some 40 MB at most. It was 20,000, fewer than the
     * 30,240 of 45 days for 7 queues, so such a replay sent the queue metrics several sums per queue and window
     * (docs/performance.md, "What was done").
     */
    static final int MAX_HELD = 200_000;

    private final long windowMs;
    /** In order of first arrival, so a run sends its sums in the same order every time. */
    private transient Map<QueueWindow, QueueShare> held;
    /** One String per queue ARN among the held sums: the shares of different agents bring copies of their own. */
    private transient Map<String, String> arns;

    public QueueShareCombiner(long windowMs) {
        this.windowMs = windowMs;
        setChainingStrategy(ChainingStrategy.ALWAYS); // in the engine's task: no exchange before the sums
    }

    @Override
    public void open() throws Exception {
        super.open();
        held = new LinkedHashMap<>();
        arns = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<QueueShare> element) {
        QueueShare share = element.getValue();
        // A copy: with object reuse the engine may hand on the same object again.
        String arn = arns.computeIfAbsent(share.queueArn, first -> first);
        held.computeIfAbsent(new QueueWindow(arn, share.windowStart),
                key -> new QueueShare(key.queueArn, key.windowStart)).add(share);
        if (held.size() >= MAX_HELD) sendHeld();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        sendHeld();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        sendHeld();
    }

    @Override
    public void endInput() {
        sendHeld();
    }

    @Override
    public void finish() throws Exception {
        sendHeld();
        super.finish();
    }

    private void sendHeld() {
        for (QueueShare sum : held.values()) {
            output.collect(new StreamRecord<>(sum, sum.windowStart + windowMs - 1));
        }
        held.clear();
        arns.clear();
    }

    /** The key of a sum. */
    private static final class QueueWindow {
        final String queueArn;
        final long windowStart;

        QueueWindow(String queueArn, long windowStart) {
            this.queueArn = queueArn;
            this.windowStart = windowStart;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof QueueWindow)) return false;
            QueueWindow that = (QueueWindow) o;
            return windowStart == that.windowStart && Objects.equals(queueArn, that.queueArn);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(queueArn) + Long.hashCode(windowStart);
        }
    }
}
