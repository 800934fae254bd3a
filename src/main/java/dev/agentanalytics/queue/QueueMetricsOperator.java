package dev.agentanalytics.queue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.output.QueueMetricsRow;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * {@link QueueMetricsFunction} with one more duty in a streaming job whose input ends (a drained live job, a
 * bounded simulation): the windows still open at the end of time are written when the operator finishes, once
 * every agent's last shares are in (step 4 of the end of input, package {@code endofinput}). Agents finish when the
 * last source has reported the end of the input, which may come after the final watermark has already passed this
 * operator, so the final watermark alone cannot close them. In BATCH mode the function writes them itself, at the
 * end of each queue's input.
 */
public class QueueMetricsOperator extends KeyedProcessOperator<String, QueueShare, QueueMetricsRow> {
    private static final long serialVersionUID = 1L;

    private final long windowMs;
    private final boolean batch;

    public QueueMetricsOperator(EngineSettings settings, boolean batch) {
        super(new QueueMetricsFunction(settings, batch));
        this.windowMs = settings.windowMs;
        this.batch = batch;
    }

    /**
     * Writes the windows left and removes them, as a timer does: the final checkpoint is taken after this, and a job
     * that fails after it restarts from it and finishes again, with these rows already committed.
     */
    @Override
    public void finish() throws Exception {
        super.finish();
        if (batch) return;
        ValueState<Long> writtenThrough = getPartitionedState(QueueMetricsFunction.WRITTEN_THROUGH);
        getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                QueueMetricsFunction.WINDOWS, (queue, windows) -> {
                    long last = Long.MIN_VALUE;
                    for (Map.Entry<Long, QueueShare> window : windows.entries()) {
                        last = Math.max(last, window.getKey());
                        if (window.getValue().staffedMs() > 0) {
                            output.collect(new StreamRecord<>(QueueMetricsFunction.toRow(window.getValue(),
                                    windowMs)));
                        }
                    }
                    if (last == Long.MIN_VALUE) return;
                    windows.clear();
                    Long written = writtenThrough.value();
                    writtenThrough.update(written == null ? last : Math.max(written, last));
                });
    }
}
