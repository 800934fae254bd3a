package dev.agentanalytics.endofinput;

import dev.agentanalytics.event.AgentEvent;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Step 1 of the end of input (see the package): chained to each source subtask, it passes the agent events on
 * unchanged and tracks the largest {@code EventTimestamp} of its input. When that input ends (a bounded input, or
 * a live job stopped with {@code --drain}) it sends its {@link EndOfInputReport} on {@link #REPORTS}, then makes
 * sure event time ends too: a Kinesis subtask without shards ends without a final watermark, and without one the
 * engine would wait for it forever. An unbounded input never ends, so a live job never reports.
 */
public class InputEndTracker extends AbstractStreamOperator<AgentEvent>
        implements OneInputStreamOperator<AgentEvent, AgentEvent>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** The reports, one per source subtask; broadcast to every engine subtask. */
    public static final OutputTag<EndOfInputReport> REPORTS = new OutputTag<>("end-of-input-reports") {};

    /**
     * The largest event time seen, one entry per subtask. Spread over the subtasks on a restore, whatever the
     * parallelism: the engine takes the largest of all reports, so each value counts wherever it lands. (A union
     * list would stop checkpoints once some subtasks of a bounded input have finished and others not.)
     */
    public static final ListStateDescriptor<Long> MAX_EVENT_TIME =
            new ListStateDescriptor<>("input-max-event-time", Types.LONG);

    public InputEndTracker() {
        // Chained to the source like the router: events never cross the network before the keyBy.
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    private transient ListState<Long> checkpointedMax;
    private transient long maxEventTime;
    private transient boolean reported;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointedMax = context.getOperatorStateStore().getListState(MAX_EVENT_TIME);
        maxEventTime = Long.MIN_VALUE;
        for (Long restored : checkpointedMax.get()) {
            maxEventTime = Math.max(maxEventTime, restored);
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
        output.collect(element);
    }

    /**
     * A finished source sends its final watermark before its chained operators see {@link #endInput()}. The report
     * goes out ahead of that watermark, so an engine whose watermark is final has every report of a source that
     * was not idle.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) report();
        super.processWatermark(mark);
    }

    @Override
    public void endInput() throws Exception {
        if (!reported) processWatermark(Watermark.MAX_WATERMARK);
    }

    private void report() {
        if (reported) return;
        reported = true;
        EndOfInputReport report = new EndOfInputReport(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks(), maxEventTime);
        output.collect(REPORTS, new StreamRecord<>(report));
    }
}
