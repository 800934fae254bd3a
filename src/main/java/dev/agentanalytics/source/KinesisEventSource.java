package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.InitialPosition;
import dev.agentanalytics.config.JobConfig.KinesisReader;
import dev.agentanalytics.config.JobConfig.KinesisSettings;
import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;

/**
 * The agent event stream through the Kinesis connector's {@link FlinkKinesisConsumer}: shard positions are in
 * Flink's checkpoints, so a restart from a savepoint resumes exactly where it stopped. Each record is parsed once,
 * in the deserializer, with its approximate arrival time as the time received, its shard as its origin and its
 * sequence number as its arrival (the order of one agent's events with the same timestamp).
 */
public final class KinesisEventSource {
    private KinesisEventSource() {}

    /** The consumer; watermarks come right after it, per shard ({@link LiveWatermarks}). */
    public static FlinkKinesisConsumer<ParsedRecord> create(JobConfig config) {
        return new ShardAwareKinesisConsumer(config.kinesis.stream, new ParsingDeserializer(config.records),
                consumerProperties(config.kinesis));
    }

    static Properties consumerProperties(KinesisSettings settings) {
        Properties properties = settings.clientProperties();
        properties.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, settings.initialPosition.name());
        if (settings.initialPosition == InitialPosition.AT_TIMESTAMP) {
            properties.setProperty(ConsumerConfigConstants.STREAM_TIMESTAMP_DATE_FORMAT,
                    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
            properties.setProperty(ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP,
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC)
                            .format(settings.initialTimestamp));
        }
        properties.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, settings.reader.name());
        if (settings.reader == KinesisReader.EFO) {
            properties.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, settings.efoConsumer);
        }
        properties.setProperty(ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS,
                Long.toString(settings.pollInterval.toMillis()));
        properties.setProperty(ConsumerConfigConstants.SHARD_GETRECORDS_MAX, Integer.toString(settings.maxRecords));
        properties.setProperty(ConsumerConfigConstants.SHARD_DISCOVERY_INTERVAL_MILLIS,
                Long.toString(settings.shardDiscoveryInterval.toMillis()));
        return properties;
    }

    /** Parses each Kinesis record into a valid event or a dead letter; never throws for bad input. */
    static final class ParsingDeserializer implements KinesisDeserializationSchema<ParsedRecord> {
        private static final long serialVersionUID = 1L;
        private final AgentEventParser parser;

        ParsingDeserializer(RecordSettings settings) {
            parser = new AgentEventParser(settings);
        }

        @Override
        public ParsedRecord deserialize(byte[] recordValue, String partitionKey, String seqNum,
                                        long approxArrivalTimestamp, String stream, String shardId) {
            ParsedRecord record = parser.parse(recordValue, approxArrivalTimestamp, Arrival.ofSequenceNumber(seqNum))
                    .at(shardId, seqNum);
            record.origin = shardId;
            return record;
        }

        @Override
        public TypeInformation<ParsedRecord> getProducedType() {
            return TypeInformation.of(ParsedRecord.class);
        }
    }
}
