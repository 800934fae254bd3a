package dev.agentanalytics.kinesis;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Sends one batch with PutRecords until every record is in. PutRecords is not all-or-nothing: records that come
 * back with an {@code ErrorCode} (throttled shard, internal failure) are sent again, alone, after an exponential
 * backoff; so are whole requests that fail on throttling or a connection problem. The next batch leaves only once
 * every record of this one is in, and a batch holds one record per agent ({@link RecordBatcher}), so a retry
 * never puts an agent's events out of order.
 */
public final class PutRecordsSender {
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;
    /** About a minute of backoff in all: a stream that takes nothing for that long is not coming back soon. */
    static final int MAX_ATTEMPTS = 16;

    private final KinesisClient client;
    private final String stream;
    private long retriedRecords;

    public PutRecordsSender(KinesisClient client, String stream) {
        this.client = client;
        this.stream = stream;
    }

    /** Records sent again so far (each retry of each record counts once). */
    public long retriedRecords() {
        return retriedRecords;
    }

    public void send(List<OutgoingRecord> batch) throws InterruptedException {
        List<OutgoingRecord> remaining = batch;
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            String failure;
            try {
                PutRecordsResponse response = client.putRecords(request(remaining));
                List<OutgoingRecord> failed = failedRecords(remaining, response);
                if (failed.isEmpty()) return;
                failure = failed.size() + " of " + remaining.size() + " records failed, first with "
                        + firstErrorCode(response);
                remaining = failed;
            } catch (ProvisionedThroughputExceededException | LimitExceededException | KmsThrottlingException e) {
                failure = "throttled: " + e.getMessage();
            } catch (SdkClientException e) {
                failure = "no answer from Kinesis: " + e.getMessage();
            } catch (KinesisException e) {
                if (e.statusCode() < 500) throw e; // a missing stream or a bad request does not heal by waiting
                failure = "Kinesis failed: " + e.getMessage();
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Gave up sending " + remaining.size() + " records to stream '"
                        + stream + "' after " + attempt + " attempts; last: " + failure);
            }
            retriedRecords += remaining.size();
            Thread.sleep(backoff); // backoff before a retry, not synchronization
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    private PutRecordsRequest request(List<OutgoingRecord> records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            entries.add(PutRecordsRequestEntry.builder()
                    .partitionKey(record.partitionKey)
                    .data(SdkBytes.fromByteArrayUnsafe(record.data))
                    .build());
        }
        return PutRecordsRequest.builder().streamName(stream).records(entries).build();
    }

    /** Response entries match request entries by position; a failed one carries an error code. */
    static List<OutgoingRecord> failedRecords(List<OutgoingRecord> sent, PutRecordsResponse response) {
        Integer failedCount = response.failedRecordCount();
        if (failedCount != null && failedCount == 0) return List.of();
        List<PutRecordsResultEntry> results = response.records();
        List<OutgoingRecord> failed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (results.get(i).errorCode() != null) failed.add(sent.get(i));
        }
        return failed;
    }

    private static String firstErrorCode(PutRecordsResponse response) {
        for (PutRecordsResultEntry entry : response.records()) {
            if (entry.errorCode() != null) return entry.errorCode() + " (" + entry.errorMessage() + ")";
        }
        return "no error code";
    }
}
