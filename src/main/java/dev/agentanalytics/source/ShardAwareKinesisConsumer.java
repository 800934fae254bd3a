package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.internals.KinesisDataFetcher;
import org.apache.flink.streaming.connectors.kinesis.internals.ShardConsumer;
import org.apache.flink.streaming.connectors.kinesis.metrics.ShardConsumerMetricsReporter;
import org.apache.flink.streaming.connectors.kinesis.model.SentinelSequenceNumber;
import org.apache.flink.streaming.connectors.kinesis.model.SequenceNumber;
import org.apache.flink.streaming.connectors.kinesis.model.StreamShardHandle;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;

/**
 * {@link FlinkKinesisConsumer} that also says which shards it reads: before a shard's first record it emits
 * {@link ParsedRecord#startOf} the shard, and after the last record of a closed shard (split or merged away)
 * {@link ParsedRecord#endOf} it, under the checkpoint lock like every record. {@link LiveWatermarks} then holds
 * event time back for exactly the shards being read: one handed over but silent so far, not one that has ended.
 * The connector knows both but tells only its own watermark code, which this job does not use (docs/kinesis.md,
 * Watermarks per shard).
 *
 * <p>Only the creation of each shard's reader is changed; its state, and so a savepoint, is the connector's own.
 */
final class ShardAwareKinesisConsumer extends FlinkKinesisConsumer<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    ShardAwareKinesisConsumer(String stream, KinesisDeserializationSchema<ParsedRecord> deserializer,
                               Properties properties) {
        super(stream, deserializer, properties);
    }

    @Override
    protected KinesisDataFetcher<ParsedRecord> createFetcher(
            List<String> streams, SourceFunction.SourceContext<ParsedRecord> sourceContext,
            RuntimeContext runtimeContext, Properties configProps,
            KinesisDeserializationSchema<ParsedRecord> deserializationSchema) {
        return new KinesisDataFetcher<>(streams, sourceContext, runtimeContext, configProps, deserializationSchema,
                getShardAssigner(), getPeriodicWatermarkAssigner(), getWatermarkTracker()) {
            @Override
            protected ShardConsumer<ParsedRecord> createShardConsumer(
                    Integer shardStateIndex, StreamShardHandle shard, SequenceNumber lastSequenceNumber,
                    MetricGroup metricGroup, KinesisDeserializationSchema<ParsedRecord> shardDeserializer)
                    throws InterruptedException {
                KinesisDataFetcher<ParsedRecord> fetcher = this;
                return new ShardConsumer<>(fetcher,
                        createRecordPublisher(lastSequenceNumber, getConsumerConfiguration(), metricGroup, shard),
                        shardStateIndex, shard, lastSequenceNumber, new ShardConsumerMetricsReporter(metricGroup),
                        shardDeserializer) {
                    @Override
                    public void run() {
                        String shardId = shard.getShard().getShardId();
                        synchronized (sourceContext.getCheckpointLock()) {
                            sourceContext.collect(ParsedRecord.startOf(shardId));
                        }
                        super.run(); // returns at the shard's end, when the job stops, or after an error
                        SequenceNumber last = fetcher.getSubscribedShardsState().get(shardStateIndex)
                                .getLastProcessedSequenceNum();
                        if (SentinelSequenceNumber.SENTINEL_SHARD_ENDING_SEQUENCE_NUM.get().equals(last)) {
                            synchronized (sourceContext.getCheckpointLock()) {
                                sourceContext.collect(ParsedRecord.endOf(shardId));
                            }
                        }
                    }
                };
            }
        };
    }
}
