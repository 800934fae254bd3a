package dev.agentanalytics.queue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.output.QueueMetricsRow;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;

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

    private final boolean batch;

    public QueueMetricsOperator(EngineSettings settings, boolean batch) {
        super(new QueueMetricsFunction(settings, batch));
        this.batch = batch;
    }

    /**
     * Writes the windows left, as their timers would ({@link QueueMetricsFunction}: each leaves state as it is
     * written): the final checkpoint is taken after this, and a job that fails after it restarts from it and
     * finishes again, with these rows already committed.
     */
    @Override
    public void finish() throws Exception {
        super.finish();
        if (batch) return;
        QueueMetricsFunction function = (QueueMetricsFunction) getUserFunction();
        Collector<QueueMetricsRow> rows = new Collector<>() {
            @Override
            public void collect(QueueMetricsRow row) {
                output.collect(new StreamRecord<>(row));
            }

            @Override
            public void close() {}
        };
        getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                QueueMetricsFunction.WINDOWS, (queue, windows) -> function.writeOpenWindows(rows));
    }
}
