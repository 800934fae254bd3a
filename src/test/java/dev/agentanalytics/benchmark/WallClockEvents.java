package dev.agentanalytics.benchmark;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.functions.source.SourceFunction.SourceContext;

/** The live benchmarks' events: an Available agent's record stamped with the wall clock as it is sent. */
final class WallClockEvents {
    private final AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());

    void send(SourceContext<ParsedRecord> ctx, String agent, String type, String eventId) {
        long now = System.currentTimeMillis();
        String json = "{\"AgentARN\":\"arn:aws:connect:us-east-1:1:instance/i/agent/" + agent + "\","
                + "\"EventType\":\"" + type + "\",\"EventId\":\"" + eventId + "\",\"EventTimestamp\":\""
                + UtcTimes.iso(now) + "\",\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"Available\","
                + "\"Type\":\"ROUTABLE\"},\"Configuration\":{\"Username\":\"" + agent + "\"}}}";
        synchronized (ctx.getCheckpointLock()) {
            ctx.collect(parser.parse(json.getBytes(StandardCharsets.UTF_8), now, null));
        }
    }
}
