package dev.agentanalytics;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.sink.JobSinks;
import dev.agentanalytics.source.EventTimeWatermarks;
import dev.agentanalytics.source.KinesisEventSource;
import dev.agentanalytics.source.ReplayFiles;
import dev.agentanalytics.source.ReplayTimeFloors;
import dev.agentanalytics.source.simulator.SimulatorSource;
import dev.agentanalytics.topology.AgentAnalyticsTopology;
import dev.agentanalytics.topology.KryoFreeTypes;
import dev.agentanalytics.topology.OperatorIds;
import dev.agentanalytics.topology.TableSinks;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
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
        // No Kryo anywhere, but in the Kinesis consumer's own shard state (KryoFreeTypes checks the job's types).
        if (config.source != JobConfig.SourceKind.KINESIS) flink.set(PipelineOptions.GENERIC_TYPES, false);
        // Chained operators hand records on without a defensive copy: every operator makes a new object for each
        // record it emits and keeps none it was given (keyed state holds only what came over the network).
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        return flink;
    }

    public static String jobName(JobConfig config) {
        return "Amazon Connect agent analytics (" + config.source.name().toLowerCase() + ")";
    }

    /**
     * Sources, topology and sinks on {@code env}, as the configuration says. Parallelism and checkpointing are the
     * environment's (the cluster's configuration, or Managed Flink's application settings, which autoscaling
     * changes) unless the configuration names them: the job never overrides what the platform owns.
     */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        define(env, config, new JobSinks(config));
    }

    /** {@link #define(StreamExecutionEnvironment, JobConfig)} with other sinks (tests that inject faults). */
    public static void define(StreamExecutionEnvironment env, JobConfig config, TableSinks sinks) {
        if (config.parallelism > 0) env.setParallelism(config.parallelism);
        if (env.getParallelism() > config.maxParallelism) {
            // Only the environment knows its parallelism when the configuration leaves it open.
            throw new ConfigException("Invalid value '" + config.maxParallelism + "' for configuration key"
                    + " 'max-parallelism': expected at least the parallelism (" + env.getParallelism()
                    + ", the environment's).");
        }
        env.setMaxParallelism(config.maxParallelism);
        if (!config.isBatch() && config.checkpointInterval != null) {
            env.enableCheckpointing(config.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
        if (config.source == JobConfig.SourceKind.KINESIS && !config.isBatch() && !config.managedFlink
                && !env.getCheckpointConfig().isCheckpointingEnabled()) {
            // A live job commits its output files on checkpoints: without them no row would ever be visible.
            throw new ConfigException("Missing value for configuration key 'checkpoint-interval': a live job"
                    + " commits its output on checkpoints, and the environment has none"
                    + " (execution.checkpointing.interval). Set one, e.g. --checkpoint-interval 60s.");
        }
        AgentAnalyticsTopology.build(source(env, config), sinks, config);
        KryoFreeTypes.check(env.getTransformations(), AgentAnalyticsTopology.STATE);
    }

    static DataStream<ParsedRecord> source(StreamExecutionEnvironment env, JobConfig config) {
        switch (config.source) {
            case FILES:
                ReplayFiles replay = ReplayFiles.of(config.input);
                WatermarkStrategy<ParsedRecord> time = config.isBatch()
                        ? WatermarkStrategy.<ParsedRecord>noWatermarks()
                                .withTimestampAssigner((record, previous) -> record.timestamp())
                        : EventTimeWatermarks.replay(ReplayTimeFloors.scan(replay.files(), config.records));
                return env.fromSource(replay.source(config.records), time, "agent event files")
                        .uid(OperatorIds.FILE_SOURCE);
            case KINESIS:
                return env.addSource(KinesisEventSource.create(config), "Kinesis " + config.kinesis.stream,
                                TypeInformation.of(ParsedRecord.class))
                        .uid(OperatorIds.KINESIS_SOURCE)
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.live(config))
                        .uid(OperatorIds.EVENT_TIMESTAMPS).name("event time per shard");
            default:
                // One simulated contact center: a single, deterministic sequence of events.
                return env.addSource(new SimulatorSource(config.simulator, config.records,
                                config.outOfOrderness.toMillis()),
                                "contact-center simulator", TypeInformation.of(ParsedRecord.class))
                        .setParallelism(1).uid(OperatorIds.SIMULATOR_SOURCE)
                        .assignTimestampsAndWatermarks(EventTimeWatermarks.eventTimeOnly(config))
                        .setParallelism(1).uid(OperatorIds.EVENT_TIMESTAMPS).name("event time");
        }
    }
}
