package dev.agentanalytics.sink;

import dev.agentanalytics.output.TableRow;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Hive-style partitions by the row's own event time, {@code dt=YYYY-MM-DD/hour=HH} (UTC), so Athena's partition
 * projection finds every row and a replay of old data lands where it belongs, not under today's date.
 */
public class EventHourBuckets<T extends TableRow> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T row, Context context) {
        String time = row.partitionTimestamp(); // 2024-05-06T11:45:00.000Z
        return "dt=" + time.substring(0, 10) + "/hour=" + time.substring(11, 13);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
