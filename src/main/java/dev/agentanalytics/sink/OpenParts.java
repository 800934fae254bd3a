package dev.agentanalytics.sink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The part files one sink subtask has open, so that when the file sink closes them (all at once: at every
 * checkpoint, and at the end of a bounded run) their bytes reach the disk together instead of one file after
 * another.
 *
 * <p>Why: on a local disk Flink syncs each part as it closes it for commit, in the subtask's own thread, and a
 * replay of months has a part open for every hour of every table until its end (1,080 per table and subtask for
 * 45 days): those syncs, one after the other, were the largest part of what such a replay costs beyond a short one
 * (docs/performance.md). Here the first part closed writes out and syncs every other open part with unsynced bytes,
 * from up to {@link #SYNC_THREADS} threads; Flink's own sync of each then finds it clean, which costs little.
 * Nothing is committed any earlier: a sync only makes bytes durable.
 *
 * <p>Only parts on a local disk are listed ({@link JsonLinesWriter#onLocalDisk}): elsewhere nothing waits for a disk,
 * and a stream's {@code sync} may mean more than a sync (on S3 it completes the upload).
 *
 * <p>One instance per sink subtask and task attempt, used by its thread alone. A part that Flink disposes of
 * without finishing it (when the writer closes, on cancellation or failure) stays listed, harmlessly: nothing
 * finishes a part of that attempt after its writer is closed.
 */
final class OpenParts {
    /** Syncs at once: a disk serves several, and they are waits, not work for the two cores. */
    static final int SYNC_THREADS = 16;

    /** Each part from its creation until it is finished (writers have identity equality). */
    private final Set<JsonLinesWriter<?>> open = new LinkedHashSet<>();

    void opened(JsonLinesWriter<?> part) {
        open.add(part);
    }

    /** {@code part} is being finished, before Flink syncs and commits it: the others are synced now, together. */
    void finishing(JsonLinesWriter<?> part) throws IOException {
        open.remove(part);
        List<JsonLinesWriter<?>> unsynced = new ArrayList<>();
        for (JsonLinesWriter<?> other : open) {
            if (other.hasUnsyncedBytes()) unsynced.add(other);
        }
        if (unsynced.size() < 2) return; // one alone gains nothing from another thread: Flink syncs it
        syncTogether(unsynced);
    }

    private static void syncTogether(List<JsonLinesWriter<?>> parts) throws IOException {
        int threads = Math.min(SYNC_THREADS, parts.size());
        List<Callable<Void>> groups = new ArrayList<>(threads);
        for (int g = 0; g < threads; g++) {
            int first = g;
            groups.add(() -> {
                for (int i = first; i < parts.size(); i += threads) parts.get(i).writeOutAndSync();
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "part file sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Future<Void> group : pool.invokeAll(groups)) group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing part files");
        } catch (ExecutionException e) {
            throw new IOException("Syncing the other open part files of this sink subtask failed: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
