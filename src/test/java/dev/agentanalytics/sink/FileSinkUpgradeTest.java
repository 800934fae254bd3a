package dev.agentanalytics.sink;

import static dev.agentanalytics.testing.SampleRows.staleAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint of the table files' writer from before they were buffered (Flink's row format, one write per row)
 * restores into the writer of today ({@link JsonLinesWriter}, Flink's bulk format): both roll every part at every
 * checkpoint, so the state holds no part in progress, and both keep their parts in the same recoverable form.
 */
class FileSinkUpgradeTest {
    @TempDir
    Path output;

    @Test
    void aRowFormatSavepointRestoresIntoTheBufferedWriter() throws Exception {
        String table = OutputTable.ALERTS.tableName();
        Sink<TableRow> before = FileSink
                .forRowFormat(new org.apache.flink.core.fs.Path(output.toString(), table),
                        (TableRow row, OutputStream stream) -> {
                            stream.write(RowJson.mapper().writeValueAsBytes(row));
                            stream.write('\n');
                        })
                .withBucketAssigner(new EventHourBuckets<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(table).withPartSuffix(".jsonl").build())
                .build();
        OperatorSubtaskState savepoint;
        try (OneInputStreamOperatorTestHarness<TableRow, ?> writer = harness(before)) {
            writer.open();
            writer.processElement(staleAlert("a-1"), 1L);
            writer.prepareSnapshotPreBarrier(1);
            savepoint = writer.snapshot(1, 2L);
        }
        try (OneInputStreamOperatorTestHarness<TableRow, ?> restored = harness(JobSinks.files(OutputTable.ALERTS,
                output.toString()))) {
            restored.initializeState(savepoint);
            restored.open();
            restored.processElement(staleAlert("a-2"), 3L);
            restored.endInput();
            restored.prepareSnapshotPreBarrier(2);
        }
        // The parts are written, waiting for the committer: one before the savepoint, one after it.
        assertEquals(List.of(line("a-1"), line("a-2")), linesUnder(output));
    }

    private static OneInputStreamOperatorTestHarness<TableRow, ?> harness(Sink<TableRow> sink) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new SinkWriterOperatorFactory<>(sink));
    }


    private static String line(String id) throws Exception {
        return RowJson.mapper().writeValueAsString(staleAlert(id));
    }

    private static List<String> linesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().flatMap(file -> {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().collect(Collectors.toList());
        }
    }
}
