package dev.agentanalytics.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands a replay's files to the readers in the replay's order ({@link ReplayFiles}), a file returned by a failed
 * reader first again. Flink's own assigners hand them out in no useful order (the simple one, last file first): in
 * STREAMING mode a reader that moved on to a later file and then got an earlier one would find most of that file
 * behind its watermark, late. In order, the readers move through the input's time together and the watermark,
 * the slowest reader's, is never ahead of a file still to be read.
 */
final class FilesInReplayOrder implements FileSplitAssigner {
    private final PriorityQueue<FileSourceSplit> unassigned;

    private FilesInReplayOrder(Collection<FileSourceSplit> splits, Map<String, Integer> fileIndexes) {
        unassigned = new PriorityQueue<>(Comparator
                .comparingInt((FileSourceSplit split) -> ReplayFiles.indexOf(fileIndexes, split))
                .thenComparingLong(FileSourceSplit::offset));
        unassigned.addAll(splits);
    }

    /** The assigner of a replay whose files have these places in its order. */
    static Provider provider(Map<String, Integer> fileIndexes) {
        return splits -> new FilesInReplayOrder(splits, fileIndexes);
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(unassigned.poll());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        unassigned.addAll(splits);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        List<FileSourceSplit> remaining = new ArrayList<>(unassigned);
        remaining.sort(unassigned.comparator());
        return remaining;
    }
}
