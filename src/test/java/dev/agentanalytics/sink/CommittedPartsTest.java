package dev.agentanalytics.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report, an embedded run's summary and the tests read a table's committed parts while a job may still write
 * to the folder: hidden in-progress parts are left out, and one the sink renames or removes during the listing is
 * passed over instead of failing the reader (as a walk with {@code Files.walk} did).
 */
class CommittedPartsTest {
    @TempDir
    Path output;

    @Test
    void theVisiblePartsOfEveryPartitionInNameOrder() throws IOException {
        Path table = output.resolve("agent_status");
        Path eight = Files.createDirectories(table.resolve("dt=2024-05-06/hour=08"));
        Path nine = Files.createDirectories(table.resolve("dt=2024-05-06/hour=09"));
        Path later = Files.createFile(nine.resolve("agent_status-a-0.jsonl"));
        Path earlier = Files.createFile(eight.resolve("agent_status-b-0.jsonl"));
        Files.createFile(eight.resolve(".agent_status-c-0.jsonl.inprogress.1d2e"));
        Files.createFile(eight.resolve("notes.txt"));
        Files.createDirectories(nine.resolve("dt=empty.jsonl"));

        assertEquals(List.of(earlier, later), CommittedParts.under(table));
        assertEquals(List.of(), CommittedParts.under(output.resolve("contacts")), "no folder yet: no parts");
    }

    @Test
    void aHiddenPartRenamedDuringTheListingIsPassedOver() throws IOException {
        Path hour = Files.createDirectories(output.resolve("alerts/dt=2024-05-06/hour=08"));
        List<Path> visible = new ArrayList<>();
        for (int i = 0; i < 3; i++) visible.add(Files.createFile(hour.resolve("alerts-" + i + "-0.jsonl")));
        for (int i = 0; i < 20; i++) Files.createFile(hour.resolve(".alerts-" + i + "-1.jsonl.inprogress.9f"));

        // As the sink does while a checkpoint completes: at the first entry listed, the hidden parts are renamed
        // away. The directory's names have been read in one batch already, so the walk still comes to them.
        RenamingWhileListed lister = new RenamingWhileListed(hour);

        assertEquals(visible, CommittedParts.under(output.resolve("alerts"), lister));
        assertTrue(lister.gone > 0, "some entries were gone when the walk came to them");
    }

    @Test
    void anEntryGoneIsPassedOverAndAnyOtherErrorIsNot() throws IOException {
        CommittedParts.Lister lister = new CommittedParts.Lister();
        Path part = output.resolve(".part.inprogress");
        assertSame(FileVisitResult.CONTINUE, lister.visitFileFailed(part, new NoSuchFileException(part.toString())));
        assertThrows(AccessDeniedException.class,
                () -> lister.visitFileFailed(part, new AccessDeniedException(part.toString())));
    }

    /** A listing during which the hidden parts of one folder are renamed, as the sink commits them. */
    private static final class RenamingWhileListed extends CommittedParts.Lister {
        private final Path folder;
        private boolean renamed;
        int gone;

        RenamingWhileListed(Path folder) {
            this.folder = folder;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (!renamed) {
                renamed = true;
                try (Stream<Path> entries = Files.list(folder)) {
                    for (Path hidden : entries.filter(p -> p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.equals(file)).collect(Collectors.toList())) {
                        Files.move(hidden, committedPlace(hidden));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.visitFile(file, attributes);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            gone++;
            return super.visitFileFailed(file, e);
        }

        /** Where the sink's commit moves a part: out of the listed folder, so that the walk cannot meet it twice. */
        private Path committedPlace(Path hidden) throws IOException {
            Path committed = Files.createDirectories(folder.getParent().getParent().resolveSibling("committed"));
            return committed.resolve(hidden.getFileName().toString().substring(1));
        }
    }
}
