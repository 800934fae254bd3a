package dev.agentanalytics.parse;

import dev.agentanalytics.event.AgentEvent;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;

/**
 * Runs {@link RecordRouter}, and makes sure that when this subtask's input ends, event time ends too. A Kinesis
 * consumer subtask without shards ends without a final watermark when the job is drained; without one, the
 * engine would wait for that subtask forever and never reach the end of time.
 */
public class RecordRouterOperator extends ProcessOperator<ParsedRecord, AgentEvent> implements BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private transient boolean endOfTimeSeen;

    public RecordRouterOperator() {
        super(new RecordRouter());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) endOfTimeSeen = true;
        super.processWatermark(mark);
    }

    @Override
    public void endInput() throws Exception {
        if (!endOfTimeSeen) processWatermark(Watermark.MAX_WATERMARK);
    }
}
