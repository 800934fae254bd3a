package dev.agentanalytics;

import dev.agentanalytics.config.JobConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Lets tests run the job's own definition on the environment of the test's MiniCluster. */
public final class AgentAnalyticsJobAccess {
    private AgentAnalyticsJobAccess() {}

    public static void runOnCurrentEnvironment(JobConfig config) throws Exception {
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        // Every type on the wire and in state must be a Flink POJO or basic type: Kryo would fail the job here.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config);
        env.execute(AgentAnalyticsJob.jobName(config));
    }
}
