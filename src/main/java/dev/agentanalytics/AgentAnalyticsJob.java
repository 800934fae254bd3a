package dev.agentanalytics;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.sink.JobSinks;
import dev.agentanalytics.source.EventTimeWatermarks;
import dev.agentanalytics.source.JsonLinesFormat;
import dev.agentanalytics.source.KinesisEventSource;
import dev.agentanalytics.source.simulator.SimulatorSource;
import dev.agentanalytics.topology.AgentAnalyticsTopology;
import dev.agentanalytics.topology.OperatorIds;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point on a Flink cluster and on Amazon Managed Service for Apache Flink: reads the
 * configuration, builds the real sources and sinks from it, and runs {@link AgentAnalyticsTopology}.
 * {@link EmbeddedRun} runs the same job in an embedded cluster.
 */
public final class AgentAnalyticsJob {
    private AgentAnalyticsJob() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = loadOrExplain(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        define(env, config);
        env.execute(jobName(config));
    }

    /** Loads the configuration; a bad value stops the job before it starts, naming the key. */
    static JobConfig loadOrExplain(String[] args) {
        try {
            return JobConfig.fromArgs(args);
        } catch (ConfigException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            throw e;
        }
    }

    /** Flink settings that follow from our configuration; the cluster's own settings apply beneath them. */
    public static Configuration flinkConfiguration(JobConfig config) {
        Configuration flink = new Configuration();
        flink.set(ExecutionOptions.RUNTIME_MODE,
                config.isBatch() ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        // Every operator has an explicit uid: a savepoint must never depend on generated ones.
        flink.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        return flink;
    }

    public static String jobName(JobConfig config) {
        return "Amazon Connect agent analytics (" + config.source.name().toLowerCase() + ")";
    }

    /** Sources, topology and sinks on {@code env}, as the configuration says. */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        if (config.parallelism > 0) env.setParallelism(config.parallelism);
        env.setMaxParallelism(config.maxParallelism);
        if (!config.isBatch() && !config.checkpointInterval.isZero()) {
            env.enableCheckpointing(config.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
        AgentAnalyticsTopology.build(source(env, config), new JobSinks(config), config.engine, config.isBatch());
    }

    static DataStream<ParsedRecord> source(StreamExecutionEnvironment env, JobConfig config) {
        switch (config.source) {
            case FILES:
                Path[] paths = config.input.stream().map(Path::new).toArray(Path[]::new);
                FileSource<ParsedRecord> files = FileSource.forRecordStreamFormat(new JsonLinesFormat(), paths).build();
                return env.fromSource(files, EventTimeWatermarks.eventTimeOnly(config), "agent event files")
                        .uid(OperatorIds.FILE_SOURCE);
            case KINESIS:
                return env.addSource(KinesisEventSource.create(config), "Kinesis " + config.kinesis.stream,
                                TypeInformation.of(ParsedRecord.class))
                        .uid(OperatorIds.KINESIS_SOURCE)
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.live(config))
                        .uid(OperatorIds.EVENT_TIMESTAMPS).name("event time per shard");
            default:
                // One simulated contact center: a single, deterministic sequence of events.
                return env.addSource(new SimulatorSource(config.simulator, config.outOfOrderness.toMillis()),
                                "contact-center simulator", TypeInformation.of(ParsedRecord.class))
                        .setParallelism(1).uid(OperatorIds.SIMULATOR_SOURCE)
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.eventTimeOnly(config))
                        .setParallelism(1).uid(OperatorIds.EVENT_TIMESTAMPS).name("event time");
        }
    }
}
