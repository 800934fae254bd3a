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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint of the table files' sink from before they were buffered (Flink's row format, one write per row)
 * restores into the sink of today ({@link JsonLinesWriter}, Flink's bulk format). A savepoint holds two things of a
 * file sink: its writer's buckets, which the new writer must read, and the parts waiting for their commit, which
 * the new committer must commit. Both formats roll every part at every checkpoint, so no part is in progress in it.
 */
class FileSinkUpgradeTest {
    @TempDir
    Path output;

    @Test
    void aRowFormatSavepointRestoresIntoTheBufferedSinkAndItsPartIsCommitted() throws Exception {
        String table = OutputTable.ALERTS.tableName();
        FileSink<TableRow> before = FileSink
                .forRowFormat(new org.apache.flink.core.fs.Path(output.toString(), table),
                        (TableRow row, OutputStream stream) -> {
                            stream.write(RowJson.mapper().writeValueAsBytes(row));
                            stream.write('\n');
                        })
                .withBucketAssigner(new EventHourBuckets<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(table).withPartSuffix(".jsonl").build())
                .build();
        FileSink<TableRow> after = JobSinks.files(OutputTable.ALERTS, output.toString());

        OperatorSubtaskState savepoint;
        List<FileSinkCommittable> waiting = new ArrayList<>();
        try (OneInputStreamOperatorTestHarness<TableRow, CommittableMessage<FileSinkCommittable>> writer =
                harness(before)) {
            writer.open();
            writer.processElement(staleAlert("a-1"), 1L);
            writer.prepareSnapshotPreBarrier(1);
            savepoint = writer.snapshot(1, 2L);
            // The committer's part of the savepoint: the parts the old sink's serializer wrote, read by the new one's.
            for (FileSinkCommittable committable : committables(writer)) {
                byte[] saved = SimpleVersionedSerialization.writeVersionAndSerialize(
                        before.getCommittableSerializer(), committable);
                waiting.add(SimpleVersionedSerialization.readVersionAndDeSerialize(
                        after.getCommittableSerializer(), saved));
            }
        }
        try (OneInputStreamOperatorTestHarness<TableRow, CommittableMessage<FileSinkCommittable>> restored =
                harness(after)) {
            restored.initializeState(savepoint);
            restored.open();
            restored.processElement(staleAlert("a-2"), 3L);
            restored.endInput();
            restored.prepareSnapshotPreBarrier(2);
            waiting.addAll(committables(restored));
        }
        assertEquals(List.of(), committedLines(), "nothing is visible before the commit");
        try (Committer<FileSinkCommittable> committer = after.createCommitter(null)) {
            List<Committer.CommitRequest<FileSinkCommittable>> requests = new ArrayList<>();
            for (FileSinkCommittable committable : waiting) requests.add(new Request(committable));
            committer.commit(requests);
        }
        assertEquals(List.of(line("a-1"), line("a-2")), committedLines());
    }

    private static OneInputStreamOperatorTestHarness<TableRow, CommittableMessage<FileSinkCommittable>> harness(
            FileSink<TableRow> sink) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new SinkWriterOperatorFactory<>(sink));
    }

    private static List<FileSinkCommittable> committables(
            OneInputStreamOperatorTestHarness<TableRow, CommittableMessage<FileSinkCommittable>> writer) {
        return writer.extractOutputValues().stream()
                .filter(message -> message instanceof CommittableWithLineage)
                .map(message -> ((CommittableWithLineage<FileSinkCommittable>) message).getCommittable())
                .collect(Collectors.toList());
    }

    private static String line(String id) throws Exception {
        return RowJson.mapper().writeValueAsString(staleAlert(id));
    }

    /** The lines of the committed part files: the visible ones (a part waiting for its commit is hidden). */
    private List<String> committedLines() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .flatMap(file -> {
                        try {
                            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).sorted().collect(Collectors.toList());
        }
    }

    /** A commit request as the committer operator makes one: committed at the first attempt, or failed. */
    private static final class Request implements Committer.CommitRequest<FileSinkCommittable> {
        private final FileSinkCommittable committable;

        Request(FileSinkCommittable committable) {
            this.committable = committable;
        }

        @Override
        public FileSinkCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            throw new AssertionError("commit failed", t);
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            throw new AssertionError("commit failed", t);
        }

        @Override
        public void retryLater() {
            throw new AssertionError("commit asked for a retry");
        }

        @Override
        public void updateAndRetryLater(FileSinkCommittable committable) {
            throw new AssertionError("commit asked for a retry");
        }

        @Override
        public void signalAlreadyCommitted() {
            throw new AssertionError("already committed");
        }
    }
}
