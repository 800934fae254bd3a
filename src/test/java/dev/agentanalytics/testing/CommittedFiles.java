package dev.agentanalytics.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The committed part files of a table folder, listed safely while a job may still write to it. */
public final class CommittedFiles {
    private CommittedFiles() {}

    /**
     * The visible (committed) files under {@code folder}, sorted; none if it does not exist yet. The file sink
     * renames or removes its hidden in-progress files at any time, so one that vanishes during the walk is skipped,
     * not an error (a committed file is never removed).
     */
    public static List<Path> under(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) return files;
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        files.sort(null);
        return files;
    }
}
