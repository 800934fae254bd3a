package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.parse.ParsedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The files of a replay and the order that decides which of two events of one agent with the same timestamp came
 * first (docs/analytics.md §3.6): the inputs in the order given, a folder's files by name (sub-folders included;
 * in a folder, hidden files, starting with {@code .} or {@code _}, such as {@code _SUCCESS}, are skipped; a file
 * named as an input is read whatever its name), then each file line by line. The order is fixed here, when the job
 * is defined, so it does not depend on which reader gets which file.
 */
public final class ReplayFiles {
    private final List<String> inputs;
    private final List<Path> files;
    private final Map<String, Integer> indexes = new HashMap<>();

    private ReplayFiles(List<String> inputs, List<Path> files) {
        this.inputs = inputs;
        this.files = files;
        for (int i = 0; i < files.size(); i++) indexes.put(key(files.get(i)), i);
    }

    /** The files of {@code inputs} (files or folders), listed now, in replay order. */
    public static ReplayFiles of(List<String> inputs) {
        return new ReplayFiles(inputs, inOrder(inputs));
    }

    /** Every file, in replay order: a file's index here is its place in {@link dev.agentanalytics.event.Arrival}. */
    public List<Path> files() {
        return files;
    }

    /** A file source over these files, whose events carry their file's place and line. */
    public FileSource<ParsedRecord> source(RecordSettings settings) {
        Map<String, Integer> fileIndexes = indexes;
        // Exactly the files listed, whatever their names: Flink's own filter would skip "_x.jsonl" named as an input.
        FileEnumerator.Provider exactlyThese = () -> new NonSplittingRecursiveEnumerator(
                path -> fileIndexes.containsKey(key(path)));
        // Nothing to read (empty folders): hand the folders over, the source then ends at once.
        Path[] paths = files.isEmpty()
                ? inputs.stream().map(Path::new).toArray(Path[]::new)
                : files.toArray(new Path[0]);
        return FileSource.forBulkFileFormat(new NumberedJsonLines(fileIndexes, settings), paths)
                .setFileEnumerator(exactlyThese)
                .setSplitAssigner(FilesInReplayOrder.provider(fileIndexes)).build();
    }

    /**
     * Every file to replay, in replay order, as fully qualified paths; a file named twice (or also through its folder)
     * once, at its first place: its records are in the input once.
     */
    static List<Path> inOrder(List<String> inputs) {
        List<Path> files = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        try {
            for (String input : inputs) {
                Path path = new Path(input);
                FileSystem fs = path.getFileSystem();
                addFiles(fs, fs.getFileStatus(path), files, listed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the replay's input files " + inputs, e);
        }
        return files;
    }

    private static void addFiles(FileSystem fs, FileStatus status, List<Path> files, Set<String> listed)
            throws IOException {
        if (!status.isDir()) {
            Path file = status.getPath().makeQualified(fs);
            if (listed.add(key(file))) files.add(file);
            return;
        }
        List<FileStatus> children = new ArrayList<>();
        for (FileStatus child : fs.listStatus(status.getPath())) {
            String name = child.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) children.add(child); // a folder's hidden files
        }
        children.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        for (FileStatus child : children) addFiles(fs, child, files, listed);
    }

    /** The place of a split's file in the replay's order. */
    static int indexOf(Map<String, Integer> fileIndexes, FileSourceSplit split) {
        Integer index = fileIndexes.get(key(split.path()));
        if (index == null) {
            throw new IllegalStateException("File " + split.path() + " is not one of the replay's inputs");
        }
        return index;
    }

    /** Paths as the job names them and as the source's splits name them differ in form, never in this key. */
    private static String key(Path path) {
        String authority = path.toUri().getAuthority();
        return (authority == null ? "" : authority) + path.toUri().getPath();
    }

    /** {@link JsonLinesFormat} for each file, told its place in the replay's file order. */
    static final class NumberedJsonLines implements BulkFormat<ParsedRecord, FileSourceSplit> {
        private static final long serialVersionUID = 1L;

        private final Map<String, Integer> fileIndexes;
        private final RecordSettings settings;

        NumberedJsonLines(Map<String, Integer> fileIndexes, RecordSettings settings) {
            this.fileIndexes = fileIndexes;
            this.settings = settings;
        }

        @Override
        public Reader<ParsedRecord> createReader(Configuration config, FileSourceSplit split) throws IOException {
            return formatOf(split).createReader(config, split);
        }

        @Override
        public Reader<ParsedRecord> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
            return formatOf(split).restoreReader(config, split);
        }

        private StreamFormatAdapter<ParsedRecord> formatOf(FileSourceSplit split) {
            return new StreamFormatAdapter<>(new JsonLinesFormat(indexOf(fileIndexes, split), split.path().toString(),
                    settings));
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<ParsedRecord> getProducedType() {
            return TypeInformation.of(ParsedRecord.class);
        }
    }
}
