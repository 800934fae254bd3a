package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole graph of the production job, state included, needs no Kryo: proven for every source when the job is
 * defined (the Kinesis consumer's own shard state is the one Kryo type, and the reason generic types stay enabled
 * with that source), and at run time by every MiniCluster replay, which runs with generic types disabled.
 */
class KryoFreeTypesTest {
    @TempDir
    Path output;

    private StreamExecutionEnvironment define(Map<String, String> keys) {
        JobConfig config = JobConfig.fromMap(keys);
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config); // runs KryoFreeTypes.check
        return env;
    }

    @Test
    void theKinesisJobsOwnTypesNeedNoKryo() {
        StreamExecutionEnvironment env = define(Map.of("source", "kinesis", "kinesis.stream", "agent-events",
                "kinesis.endpoint", "http://127.0.0.1:1", "kinesis.access-key", "x", "kinesis.secret-key", "x",
                "alert.stream", "agent-alerts", "checkpoint-interval", "60s", "output", output.toString()));
        assertFalse(env.getConfig().hasGenericTypesDisabled(), "the connector's shard state is a Kryo type");
        assertTrue(env.getTransformations().size() > 10);
    }

    @Test
    void everyOtherSourceRunsWithGenericTypesDisabled() {
        for (String source : List.of("simulator", "files")) {
            Map<String, String> keys = source.equals("files")
                    ? Map.of("source", source, "input", output.toString(), "output", output.toString())
                    : Map.of("source", source, "output", output.toString());
            JobConfig config = JobConfig.fromMap(keys);
            assertEquals(Boolean.FALSE, AgentAnalyticsJob.flinkConfiguration(config).get(PipelineOptions.GENERIC_TYPES),
                    source);
            define(keys);
        }
    }

    @Test
    void aKryoTypeInTheGraphOrInStateIsNamed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(UUID.randomUUID()).returns(TypeInformation.of(UUID.class)).name("ids").print().name("print");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KryoFreeTypes.check(
                env.getTransformations(), List.of(new ValueStateDescriptor<>("last-id", UUID.class))));
        assertTrue(e.getMessage().contains("records of 'ids'"), e.getMessage());
        assertTrue(e.getMessage().contains("state 'last-id'"), e.getMessage());
    }
}
