package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Tracks the largest {@code EventTimestamp} this subtask has seen and emits it once, when its input ends. The
 * engine takes the maximum over all subtasks as the instant time stops for a bounded input (spec section 8). An
 * unbounded input never ends, so it never emits; a live job stopped with {@code --drain} ends like a bounded one.
 */
public class EndOfInputOperator extends AbstractStreamOperator<Long>
        implements OneInputStreamOperator<AgentEvent, Long>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private transient ListState<Long> checkpointedMax;
    private transient long maxEventTime;
    private transient boolean ended;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointedMax = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("max-event-time", Types.LONG));
        maxEventTime = Long.MIN_VALUE;
        for (Long restored : checkpointedMax.get()) {
            maxEventTime = Math.max(maxEventTime, restored); // the maximum is all any subtask needs
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        checkpointedMax.update(java.util.List.of(maxEventTime));
    }

    @Override
    public void processElement(StreamRecord<AgentEvent> element) {
        maxEventTime = Math.max(maxEventTime, element.getValue().eventTime);
    }

    /**
     * A finished source sends its final watermark before its chained operators see {@link #endInput()}: the end
     * must be emitted ahead of that watermark, or the engine would reach the end of time without knowing it.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) emitEnd();
        super.processWatermark(mark);
    }

    @Override
    public void endInput() {
        emitEnd();
    }

    private void emitEnd() {
        if (!ended && maxEventTime != Long.MIN_VALUE) {
            output.collect(new StreamRecord<>(maxEventTime));
        }
        ended = true;
    }
}
