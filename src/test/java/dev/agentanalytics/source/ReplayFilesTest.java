package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's files: in the order given, a folder's by name without its hidden files, each file once. */
class ReplayFilesTest {
    @TempDir
    Path work;

    @Test
    void aFileNamedTwiceIsReadOnceAtItsFirstPlace() throws IOException {
        Path folder = Files.createDirectories(work.resolve("in"));
        Path b = Files.writeString(folder.resolve("b.jsonl"), "");
        Files.writeString(folder.resolve("a.jsonl"), "");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Path hidden = Files.writeString(folder.resolve("_late.jsonl"), "");
        List<String> names = ReplayFiles.of(List.of(b.toString(), folder.toString(), b.toString(), hidden.toString()))
                .files().stream().map(file -> file.getName()).collect(Collectors.toList());
        assertEquals(List.of("b.jsonl", "a.jsonl", "_late.jsonl"), names);
    }
}
