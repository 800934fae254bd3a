package dev.agentanalytics.parse;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Chained right after a source: valid events go on, invalid records go to the dead-letter output with their
 * reason, both counted (docs/analytics.md §3.7, §4.7). It also drops each event's raw payload unless the event is
 * already behind this subtask's watermark: only such an event can be late at the engine (whose watermark is never
 * ahead of this one), and only a late event needs its payload, so full records never cross the network otherwise.
 * (The parser keeps none where no event can use it: without {@code keep-payloads}, or in BATCH mode.)
 */
public class RecordRouter extends ProcessFunction<ParsedRecord, AgentEvent> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetterRow> DEAD_LETTERS = new OutputTag<>("dead_letters") {};

    private transient Counter in;
    private transient Counter valid;
    private transient Counter invalid;

    @Override
    public void open(OpenContext openContext) {
        // recordsIn = recordsValid + recordsInvalid; the engine splits the valid ones into applied, duplicate, late.
        in = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsIn");
        valid = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsValid");
        invalid = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsInvalid");
    }

    @Override
    public void processElement(ParsedRecord record, Context ctx, Collector<AgentEvent> out) {
        if (record.isMark()) return; // only the watermarks before this needed it: no record of the input
        in.inc();
        if (!record.isValid()) {
            invalid.inc();
            ctx.output(DEAD_LETTERS, record.deadLetter);
            return;
        }
        valid.inc();
        AgentEvent event = record.event;
        if (event.eventTime > ctx.timerService().currentWatermark()) {
            event.raw = null;
        }
        out.collect(event);
    }
}
