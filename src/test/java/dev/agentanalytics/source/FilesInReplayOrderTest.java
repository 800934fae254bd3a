package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

/** A replay's files reach the readers in the replay's order, whatever order Flink lists them in. */
class FilesInReplayOrderTest {
    private static final int FILES = 12;

    @Test
    void filesAreHandedOutInReplayOrderAndAReturnedFileComesFirstAgain() {
        Map<String, Integer> indexes = new HashMap<>();
        List<FileSourceSplit> splits = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path path = new Path("file:///replay/part-" + i + ".jsonl");
            indexes.put(path.toUri().getPath(), i);
            splits.add(new FileSourceSplit("split-" + i, path, 0, 100));
        }
        Collections.shuffle(splits, new Random(3));
        FileSplitAssigner assigner = FilesInReplayOrder.provider(indexes).create(splits);

        assertEquals(List.of("split-0", "split-1"), List.of(next(assigner), next(assigner)));
        assertEquals(10, assigner.remainingSplits().size());
        assertEquals("split-2", assigner.remainingSplits().iterator().next().splitId());
        // A reader failed while reading part-1: it is read again before anything after it.
        assigner.addSplits(List.of(splits.stream().filter(s -> s.splitId().equals("split-1")).findFirst().get()));
        List<String> rest = new ArrayList<>();
        for (Optional<FileSourceSplit> split = assigner.getNext(null); split.isPresent();
                split = assigner.getNext(null)) {
            rest.add(split.get().splitId());
        }
        List<String> expected = new ArrayList<>(List.of("split-1"));
        for (int i = 2; i < FILES; i++) expected.add("split-" + i);
        assertEquals(expected, rest);
    }

    private static String next(FileSplitAssigner assigner) {
        return assigner.getNext("localhost").orElseThrow().splitId();
    }
}
