package dev.agentanalytics.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed rows of one output table under a job's output folder (a local run, or an S3 prefix synced to a
 * folder): every {@code .jsonl} file below {@code <output>/<table>/}, whatever the partitions, skipping the hidden
 * files of output not yet committed.
 */
final class TableFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableFiles() {}

    /** Hands each row of {@code table} to {@code row}, file by file in name order. */
    static void forEachRow(Path output, OutputTable table, Consumer<JsonNode> row) {
        Path folder = output.resolve(table.tableName());
        if (!Files.isDirectory(folder)) return;
        for (Path file : committedFiles(folder)) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) row.accept(JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    private static List<Path> committedFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
