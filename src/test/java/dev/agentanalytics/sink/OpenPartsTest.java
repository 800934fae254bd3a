package dev.agentanalytics.sink;

import static dev.agentanalytics.sink.JsonLinesWriterTest.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.output.AlertRow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalRecoverableFsDataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink closes every open part at once (a checkpoint, the end of input) and syncs each as it commits it: on
 * a local disk, the first part finished syncs the other open parts together, each after writing out its buffer, so
 * that Flink's own syncs find them clean (docs/performance.md). Elsewhere a part is never synced by the writer.
 */
class OpenPartsTest {
    @Test
    void theFirstPartFinishedSyncsTheOtherOpenPartsWithTheirRowsFromOtherThreads() throws Exception {
        OpenParts open = new OpenParts();
        JsonLineEncoder<AlertRow> encoder = new JsonLineEncoder<>();
        List<BytesFile> files = new ArrayList<>();
        List<JsonLinesWriter<AlertRow>> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BytesFile file = new BytesFile();
            files.add(file);
            parts.add(new JsonLinesWriter<>(file, encoder, open));
        }
        // Parts 0-35 get rows (a few, buffered; part 7 many, some of them written); 36-39 get none.
        for (int i = 0; i < 36; i++) parts.get(i).addElement(alert("agent-" + i));
        for (int row = 0; row < 500; row++) parts.get(7).addElement(alert("agent-7-" + row));

        parts.get(0).finish();

        assertEquals(0, files.get(0).syncs, "the part finished is synced by Flink, as it commits it");
        for (int i = 1; i < 36; i++) {
            BytesFile file = files.get(i);
            assertEquals(1, file.syncs, "part " + i);
            assertEquals(file.bytes.size(), file.bytesAtLastSync, "part " + i + ": its rows written before the sync");
            assertNotSame(Thread.currentThread(), file.lastSyncedBy, "part " + i);
        }
        for (int i = 36; i < 40; i++) assertEquals(0, files.get(i).syncs, "part " + i + " has nothing to sync");

        // The rest are finished in turn: nothing left unsynced, so no more syncs (but of a part written again).
        parts.get(8).addElement(alert("late row"));
        for (int i = 1; i < 40; i++) parts.get(i).finish();
        for (int i = 1; i < 36; i++) assertEquals(1, files.get(i).syncs, "part " + i);
        assertEquals(lines("agent-8", "late row"), files.get(8).bytes.toString());
    }

    @Test
    void thePartsAreSyncedAtTheSameTime() throws Exception {
        // Each sync waits until another is under way: one thread after another would never get past the first.
        CyclicBarrier together = new CyclicBarrier(2);
        OpenParts open = new OpenParts();
        JsonLineEncoder<AlertRow> encoder = new JsonLineEncoder<>();
        JsonLinesWriter<AlertRow> first = new JsonLinesWriter<>(new BytesFile(), encoder, open);
        List<BytesFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BytesFile file = new BytesFile() {
                @Override
                public void sync() throws IOException {
                    try {
                        together.await(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IOException("no other sync under way", e);
                    }
                    super.sync();
                }
            };
            files.add(file);
            new JsonLinesWriter<>(file, encoder, open).addElement(alert("agent-" + i));
        }
        first.finish();
        for (BytesFile file : files) assertEquals(1, file.syncs);
    }

    @Test
    void onlyPartsOnALocalDiskAreSyncedTogether(@TempDir Path folder) throws Exception {
        File target = folder.resolve("part.jsonl").toFile();
        File temp = folder.resolve(".part.jsonl.inprogress").toFile();
        try (LocalRecoverableFsDataOutputStream local = new LocalRecoverableFsDataOutputStream(target, temp)) {
            assertTrue(JsonLinesWriter.onLocalDisk(local));
        }
        assertFalse(JsonLinesWriter.onLocalDisk(new BytesFile()), "another file system's stream");

        // The factory lists no part that is not on a local disk: nothing syncs it but Flink.
        BulkWriter.Factory<AlertRow> factory = new JsonLinesWriter.Factory<>();
        List<BytesFile> files = new ArrayList<>();
        List<BulkWriter<AlertRow>> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BytesFile file = new BytesFile();
            files.add(file);
            parts.add(factory.create(file));
            parts.get(i).addElement(alert("agent-" + i));
        }
        for (BulkWriter<AlertRow> part : parts) part.finish();
        for (BytesFile file : files) assertEquals(0, file.syncs);
        assertEquals(lines("agent-3"), files.get(3).bytes.toString());
    }

    @Test
    void aFailedSyncFailsTheFinishSoThatNothingIsCommitted() throws Exception {
        OpenParts open = new OpenParts();
        JsonLineEncoder<AlertRow> encoder = new JsonLineEncoder<>();
        JsonLinesWriter<AlertRow> first = new JsonLinesWriter<>(new BytesFile(), encoder, open);
        BytesFile broken = new BytesFile() {
            @Override
            public void sync() throws IOException {
                throw new IOException("disk full");
            }
        };
        new JsonLinesWriter<>(broken, encoder, open).addElement(alert("a"));
        BytesFile fine = new BytesFile();
        new JsonLinesWriter<>(fine, encoder, open).addElement(alert("b"));
        first.addElement(alert("c"));

        IOException failure = assertThrows(IOException.class, first::finish);
        assertEquals("disk full", failure.getCause().getMessage());
        assertEquals(1, fine.syncs, "the other parts are synced all the same");
    }

    private static String lines(String... agents) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String agent : agents) lines.append(RowJson.mapper().writeValueAsString(alert(agent))).append('\n');
        return lines.toString();
    }
}
