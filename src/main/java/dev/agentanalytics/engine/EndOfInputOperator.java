package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import java.util.List;
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
 * Tracks the largest {@code EventTimestamp} this subtask has seen and, when its input ends (a bounded input, or a
 * live job stopped with {@code --drain}), sends the engine one {@link EndOfInputReport}. The engine stops time at
 * the largest report once every subtask has reported (spec section 8). An unbounded input never ends, so a live
 * job never reports.
 */
public class EndOfInputOperator extends AbstractStreamOperator<EndOfInputReport>
        implements OneInputStreamOperator<AgentEvent, EndOfInputReport>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private transient ListState<Long> checkpointedMax;
    private transient long maxEventTime;
    private transient boolean reported;

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
        checkpointedMax.update(List.of(maxEventTime));
    }

    @Override
    public void processElement(StreamRecord<AgentEvent> element) {
        maxEventTime = Math.max(maxEventTime, element.getValue().eventTime);
    }

    /** A finished source sends its final watermark before its chained operators see {@link #endInput()}. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) report();
        super.processWatermark(mark);
    }

    @Override
    public void endInput() {
        report();
    }

    private void report() {
        if (reported) return;
        reported = true;
        output.collect(new StreamRecord<>(new EndOfInputReport(getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks(), maxEventTime)));
    }
}
