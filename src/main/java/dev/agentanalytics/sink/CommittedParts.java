package dev.agentanalytics.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed part files of one table in a local output folder, as the report, an embedded run's summary and the
 * tests read them: the visible {@code .jsonl} files below {@code <output>/<table>/}, whatever the partitions. The
 * file sink keeps a part hidden (its name starts with a dot) until its checkpoint completes, then renames it, and
 * may remove a hidden one at any time; so a folder a running job writes to can lose an entry while it is listed, and
 * such an entry is skipped, not an error (a committed part is never removed).
 */
public final class CommittedParts {
    /** The name every part file ends with. */
    public static final String SUFFIX = ".jsonl";

    private CommittedParts() {}

    /** The committed parts under {@code tableFolder} in path order; none when it does not exist (yet). */
    public static List<Path> under(Path tableFolder) {
        return under(tableFolder, new Lister());
    }

    /** {@link #under(Path)} with a lister of the caller's (a test's, which renames parts while they are listed). */
    static List<Path> under(Path tableFolder, Lister lister) {
        if (!Files.isDirectory(tableFolder)) return lister.parts;
        try {
            Files.walkFileTree(tableFolder, lister);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tableFolder, e);
        }
        lister.parts.sort(null);
        return lister.parts;
    }

    /**
     * Collects the visible part files of a walk and passes over entries gone before they were read (not final: a
     * test renames parts while they are listed). A part is a regular file, never a link: the sink writes files.
     */
    static class Lister extends SimpleFileVisitor<Path> {
        final List<Path> parts = new ArrayList<>();

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = file.getFileName().toString();
            if (attributes.isRegularFile() && !name.startsWith(".") && name.endsWith(SUFFIX)) parts.add(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE; // renamed or removed by the sink
            throw e;
        }
    }
}
