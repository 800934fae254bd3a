package dev.agentanalytics.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.sink.CommittedParts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The committed rows of one output table under a job's output folder (a local run, or an S3 prefix synced to a
 * folder), read from its committed parts ({@link CommittedParts}), also while a job still writes to it.
 */
final class TableFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableFiles() {}

    /** Hands each row of {@code table} to {@code row}, file by file in name order. */
    static void forEachRow(Path output, OutputTable table, Consumer<JsonNode> row) {
        Path folder = output.resolve(table.tableName());
        for (Path file : CommittedParts.under(folder)) {
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
}
