package dev.agentanalytics.sink;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import dev.agentanalytics.topology.OperatorIds;
import dev.agentanalytics.topology.TableSinks;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The production sinks: every table as partitioned JSON lines (committed exactly once, on checkpoints or at the
 * end of a bounded run), the console when asked, and alerts to Kinesis when {@code alert.stream} is set.
 */
public class JobSinks implements TableSinks {
    private final JobConfig config;

    public JobSinks(JobConfig config) {
        this.config = config;
    }

    @Override
    public <T extends TableRow> void write(OutputTable table, DataStream<T> rows) {
        String name = table.tableName();
        rows.sinkTo(files(table, config.output)).uid(OperatorIds.fileSink(name)).name(name + " files");
        if (config.console) {
            rows.map(new ConsoleLine<T>(name), Types.STRING)
                    .uid(OperatorIds.consoleFormat(name)).name(name + " as text")
                    .sinkTo(new PrintSink<>()).uid(OperatorIds.consoleSink(name)).name(name + " console");
        }
        if (table == OutputTable.ALERTS && !config.kinesis.alertStream.isEmpty()) {
            @SuppressWarnings("unchecked")
            DataStream<AlertRow> alerts = (DataStream<AlertRow>) rows;
            alerts.sinkTo(alertStream(config.kinesis)).uid(OperatorIds.ALERT_STREAM_SINK).name("alerts to Kinesis");
        }
    }

    /**
     * One table as partitioned JSON-lines files under {@code output}, committed exactly once: files are rolled on
     * every checkpoint and become visible when it completes (or at the end of a bounded run).
     */
    public static <T extends TableRow> FileSink<T> files(OutputTable table, String output) {
        String name = table.tableName();
        return FileSink
                .forBulkFormat(new Path(output, name), new JsonLinesWriter.Factory<T>())
                .withBucketAssigner(new EventHourBuckets<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(name).withPartSuffix(CommittedParts.SUFFIX).build())
                .build();
    }

    /**
     * Alerts as JSON on a Kinesis stream, partitioned by agent so one agent's alerts stay in order, and sent before
     * every checkpoint barrier, so a restart from a savepoint repeats none ({@link FlushedAtEveryCheckpoint}).
     */
    public static Sink<AlertRow> alertStream(JobConfig.KinesisSettings kinesis) {
        return new FlushedAtEveryCheckpoint<>(KinesisStreamsSink.<AlertRow>builder()
                .setKinesisClientProperties(kinesis.clientProperties())
                .setSerializationSchema(RowJson.schema())
                .setPartitionKeyGenerator(alert -> alert.agentArn)
                .setStreamName(kinesis.alertStream)
                .setMaxTimeInBufferMS(500) // operators want alerts now, not after the default 5 s
                .build());
    }
}
