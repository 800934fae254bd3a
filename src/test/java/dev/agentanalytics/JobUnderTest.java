package dev.agentanalytics;

import dev.agentanalytics.config.JobConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's own definition ({@link AgentAnalyticsJob#define}) for tests in other packages: the end-to-end tests
 * must run exactly what {@code main} runs, sources and sinks included.
 */
public final class JobUnderTest {
    private JobUnderTest() {}

    public static Configuration flinkConfiguration(JobConfig config) {
        return AgentAnalyticsJob.flinkConfiguration(config);
    }

    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        AgentAnalyticsJob.define(env, config);
    }

    public static String jobName(JobConfig config) {
        return AgentAnalyticsJob.jobName(config);
    }
}
