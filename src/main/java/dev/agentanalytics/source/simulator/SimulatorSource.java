package dev.agentanalytics.source.simulator;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;

/** Placeholder until the simulator lands. */
public class SimulatorSource extends RichSourceFunction<ParsedRecord> {
    public SimulatorSource(JobConfig.SimulatorSettings settings, long maxDelayMillis) {}

    @Override
    public void run(SourceContext<ParsedRecord> ctx) {}

    @Override
    public void cancel() {}
}
