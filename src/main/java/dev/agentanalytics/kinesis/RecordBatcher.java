package dev.agentanalytics.kinesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Groups records into PutRecords requests within Kinesis' limits: at most {@value #MAX_RECORDS} records and
 * {@value #MAX_REQUEST_BYTES} bytes (data plus partition keys) per request, at most {@value #MAX_RECORD_BYTES}
 * bytes per record. Records keep their order across batches, and a batch holds at most one record per partition
 * key: PutRecords may fail one record of a request and write the others, so an agent's second record in the same
 * request could land before its retried first one. One per key keeps every agent's events in order on its shard.
 */
public final class RecordBatcher {
    public static final int MAX_RECORDS = 500;
    public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private final int maxRecords;
    private final int maxBytes;
    private List<OutgoingRecord> pending = new ArrayList<>();
    private final Set<String> pendingKeys = new HashSet<>();
    private int pendingBytes;

    public RecordBatcher() {
        this(MAX_RECORDS, MAX_REQUEST_BYTES);
    }

    /** Smaller limits than Kinesis' own, for tests. */
    RecordBatcher(int maxRecords, int maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /**
     * Adds a record. Returns the batch it completes: the pending records when this one does not fit beside them
     * (it then starts the next batch), or the pending records including this one when they reach the record
     * limit; an empty list otherwise.
     *
     * @throws IllegalArgumentException for a record Kinesis would refuse whatever the batch (over 1 MiB)
     */
    public List<OutgoingRecord> add(OutgoingRecord record) {
        int size = record.sizeInBytes();
        if (size > MAX_RECORD_BYTES || size > maxBytes) {
            throw new IllegalArgumentException("A record of " + size + " bytes (data plus partition key "
                    + record.partitionKey + ") is over Kinesis' limit of " + MAX_RECORD_BYTES + " bytes");
        }
        List<OutgoingRecord> complete = List.of();
        if (pendingBytes + size > maxBytes || pendingKeys.contains(record.partitionKey)) complete = drain();
        pending.add(record);
        pendingKeys.add(record.partitionKey);
        pendingBytes += size;
        // Cannot coincide with a drain above: that leaves one record pending, and a limit of one never drains there.
        if (pending.size() == maxRecords) complete = drain();
        return complete;
    }

    /** The pending records as a batch (possibly empty); the batcher starts over. */
    public List<OutgoingRecord> drain() {
        List<OutgoingRecord> batch = pending;
        pending = new ArrayList<>();
        pendingKeys.clear();
        pendingBytes = 0;
        return batch;
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }
}
