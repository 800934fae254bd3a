package dev.agentanalytics.source.simulator;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A whole simulated run, kept in memory with each record parsed, for the simulator tests. */
final class SimulatorRun {
    final JobConfig.SimulatorSettings settings;
    final long maxDelayMillis;
    final List<SimulatedRecord> records = new ArrayList<>();
    final List<ParsedRecord> parsed = new ArrayList<>();

    private SimulatorRun(JobConfig.SimulatorSettings settings, long maxDelayMillis) {
        this.settings = settings;
        this.maxDelayMillis = maxDelayMillis;
        ContactCenterSimulator simulator = new ContactCenterSimulator(settings, maxDelayMillis);
        AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
        while (simulator.hasNext()) {
            SimulatedRecord record = simulator.next();
            records.add(record);
            parsed.add(parser.parse(record.payload, record.eventTime, null));
        }
    }

    /** Settings from {@code simulator.*} key/value pairs over the defaults. */
    static JobConfig.SimulatorSettings settings(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put("simulator." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return JobConfig.fromMap(values).simulator;
    }

    static SimulatorRun of(long maxDelayMillis, String... keysAndValues) {
        return new SimulatorRun(settings(keysAndValues), maxDelayMillis);
    }

    long endMillis() {
        return settings.start.toEpochMilli() + settings.duration.toMillis();
    }
}
