package dev.agentanalytics.kinesis;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Sends records to a stream in PutRecords batches, at a steady rate or as fast as Kinesis takes them, with a
 * progress line every second. At a set rate, a batch leaves as soon as the next record is not due yet, so records
 * reach the stream when they are due rather than when a batch happens to fill.
 */
public final class StreamProducer {
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PutRecordsSender sender;
    private final String stream;
    /** Records per second; 0 for as fast as possible. */
    private final int rate;
    /** Where the progress lines go; null for none (tests). */
    private final PrintStream progress;
    private final RecordBatcher batcher = new RecordBatcher();
    private long sentRecords;

    public StreamProducer(KinesisClient client, String stream, int rate, PrintStream progress) {
        this.sender = new PutRecordsSender(client, stream);
        this.stream = stream;
        this.rate = rate;
        this.progress = progress;
    }

    /** Sends every record; returns once all are in the stream. */
    public long sendAll(Iterator<OutgoingRecord> records) throws InterruptedException {
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_EVERY_NANOS;
        long handedOver = 0;
        while (records.hasNext()) {
            OutgoingRecord record = records.next();
            if (rate > 0) {
                long due = started + handedOver * TimeUnit.SECONDS.toNanos(1) / rate;
                if (System.nanoTime() < due) {
                    send(batcher.drain());
                    waitUntil(due);
                }
            }
            send(batcher.add(record));
            handedOver++;
            if (System.nanoTime() >= nextProgress) {
                printProgress(started);
                nextProgress += PROGRESS_EVERY_NANOS;
            }
        }
        send(batcher.drain());
        printProgress(started);
        return sentRecords;
    }

    private void send(List<OutgoingRecord> batch) throws InterruptedException {
        if (batch.isEmpty()) return;
        sender.send(batch);
        sentRecords += batch.size();
    }

    /** Pacing the records out at the requested rate. */
    private static void waitUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
    }

    private void printProgress(long started) {
        if (progress == null) return;
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.printf("%s: %d records sent in %.0f s, %.0f records/s, %d retries%n", stream, sentRecords,
                seconds, sentRecords / Math.max(seconds, 1e-3), sender.retriedRecords());
    }
}
