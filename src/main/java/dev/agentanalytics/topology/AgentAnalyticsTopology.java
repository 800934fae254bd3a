package dev.agentanalytics.topology;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.config.StateCompatibility;
import dev.agentanalytics.endofinput.EndOfInput;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.endofinput.InputEndTracker;
import dev.agentanalytics.engine.AgentEngineFunction;
import dev.agentanalytics.engine.AgentEngineOperator;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.event.WireType;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.parse.RecordRouter;
import dev.agentanalytics.queue.QueueMetricsFunction;
import dev.agentanalytics.queue.QueueMetricsOperator;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.queue.QueueShareCombiner;
import java.util.List;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The whole dataflow, from parsed records (with event-time watermarks) to the output tables. No I/O here: the
 * caller injects the source stream and the sinks, so tests run exactly this graph on their own inputs.
 *
 * <pre>
 * records ─ route ─┬─ dead letters ─────────────────────────────────────────────────► dead_letters
 *                  └─ end-of-input tracker ─┬─ reports (max EventTimestamp) ─ broadcast ─┐
 *                                           └─ encoded ─ keyBy AgentARN ────────► agent engine ─► agent_status,
 *                                                                                      │  agent_activity, contacts,
 *                                                                                      │  alerts, late_events
 *                                                                                      └─ queue shares
 *                                   summed per engine subtask ─ keyBy queue ─► queue metrics ─► queue_metrics
 * </pre>
 */
public final class AgentAnalyticsTopology {
    /** The state of the job's own operators (sources and sinks keep theirs), for {@link KryoFreeTypes}. */
    public static final List<StateDescriptor<?, ?>> STATE = List.of(
            AgentEngineFunction.AGENT_STATE, AgentEngineFunction.OVERFLOW, EndOfInput.REPORTS,
            InputEndTracker.MAX_EVENT_TIME, QueueMetricsFunction.WINDOWS, QueueMetricsFunction.WRITTEN_THROUGH,
            StateCompatibility.SAVED_SETTINGS);

    private AgentAnalyticsTopology() {}

    /** The dataflow of {@code config}: its engine settings, its runtime mode, what records keep. */
    public static void build(DataStream<ParsedRecord> records, TableSinks sinks, JobConfig config) {
        EngineSettings settings = config.engine;
        boolean batch = config.isBatch();
        // Chained to the source (same parallelism, forward): one agent's events keep their order up to the keyBy.
        SingleOutputStreamOperator<AgentEvent> routed = records
                .process(new RecordRouter(), WireType.AGENT_EVENTS)
                .setParallelism(records.getParallelism())
                .uid(OperatorIds.RECORD_ROUTER).name("parse results: valid or dead letter");
        sinks.write(OutputTable.DEAD_LETTERS, routed.getSideOutput(RecordRouter.DEAD_LETTERS));

        SingleOutputStreamOperator<AgentEvent> events = routed
                .transform("end of input", WireType.AGENT_EVENTS, new InputEndTracker())
                .setParallelism(records.getParallelism())
                .uid(OperatorIds.END_OF_INPUT);
        DataStream<EndOfInputReport> endOfInput = events.getSideOutput(InputEndTracker.REPORTS);

        // Chained too: each event encoded once, with its key, and decoded once, in the engine.
        SingleOutputStreamOperator<EncodedEvent> encoded = events
                .map(event -> EncodedEvent.of(PartitionKeys.agentKey(event.agentArn, batch), event),
                        WireType.ENCODED_EVENTS)
                .setParallelism(records.getParallelism())
                .uid(OperatorIds.EVENT_ENCODER).name("encoded for the engine");

        KeyedStream<EncodedEvent, String> byAgent = encoded.keyBy(PartitionKeys.AGENTS, Types.STRING);
        AgentEngineFunction engine = new AgentEngineFunction(settings, batch);
        TypeInformation<QueueShare> shares = TypeInformation.of(QueueShare.class);
        SingleOutputStreamOperator<QueueShare> agents = batch
                // Flink's batch operator: the reports first, then each agent's events sorted by timestamp.
                ? byAgent.connect(endOfInput.broadcast(EndOfInput.REPORTS)).process(engine, shares)
                // Live, the engine's own operator: on RocksDB it keeps the agents' states on the heap between
                // checkpoints. The same keyed and broadcast state as Flink's operator, so snapshots restore in either.
                : byAgent.connect(endOfInput.broadcast())
                        .transform("agent engine", shares, new AgentEngineOperator(engine));
        agents.uid(OperatorIds.AGENT_ENGINE).name("agent engine");
        sinks.write(OutputTable.AGENT_STATUS, agents.getSideOutput(AgentEngineFunction.AGENT_STATUS));
        sinks.write(OutputTable.AGENT_ACTIVITY, agents.getSideOutput(AgentEngineFunction.AGENT_ACTIVITY));
        sinks.write(OutputTable.CONTACTS, agents.getSideOutput(AgentEngineFunction.CONTACTS));
        sinks.write(OutputTable.ALERTS, agents.getSideOutput(AgentEngineFunction.ALERTS));
        sinks.write(OutputTable.LATE_EVENTS, agents.getSideOutput(AgentEngineFunction.LATE_EVENTS));

        // Chained to the engine (forward): each subtask's shares summed per queue and window before the exchange.
        DataStream<QueueMetricsRow> queues = agents
                .transform("queue shares summed", TypeInformation.of(QueueShare.class),
                        new QueueShareCombiner(settings.windowMs))
                .uid(OperatorIds.QUEUE_SHARE_COMBINER)
                .keyBy(PartitionKeys.queues(batch), Types.STRING)
                .transform("queue metrics", TypeInformation.of(QueueMetricsRow.class),
                        new QueueMetricsOperator(settings, batch))
                .uid(OperatorIds.QUEUE_METRICS);
        sinks.write(OutputTable.QUEUE_METRICS, queues);
    }
}
