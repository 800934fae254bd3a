package dev.agentanalytics.kinesis;

import java.nio.charset.StandardCharsets;

/** One record on its way to a Kinesis stream: the bytes as the job will read them, and the shard-picking key. */
public final class OutgoingRecord {
    /** The AgentARN, so that one agent's events land on one shard, in order. */
    public final String partitionKey;
    public final byte[] data;

    public OutgoingRecord(String partitionKey, byte[] data) {
        this.partitionKey = partitionKey;
        this.data = data;
    }

    /** What the record counts against the PutRecords limits: Kinesis counts the partition key too. */
    public int sizeInBytes() {
        return data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}
