package dev.agentanalytics.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentanalytics.output.AlertRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.junit.jupiter.api.Test;

/**
 * The file sink closes every open part at once (a checkpoint, the end of input) and syncs each as it commits it: on
 * a local disk, the first part finished syncs the other open parts together, each after writing out its buffer, so
 * that Flink's own syncs find them clean (docs/performance.md). Elsewhere a part is never synced by the writer.
 */
class OpenPartsTest {
    @Test
    void theFirstPartFinishedSyncsTheOtherOpenPartsWithTheirRowsFromOtherThreads() throws Exception {
        BulkWriter.Factory<AlertRow> factory = new JsonLinesWriter.Factory<>(true);
        List<BytesFile> files = new ArrayList<>();
        List<BulkWriter<AlertRow>> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BytesFile file = new BytesFile();
            files.add(file);
            parts.add(factory.create(file));
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
        assertEquals(expectedLines("agent-8", "late row"), files.get(8).bytes.toString());
    }

    @Test
    void notOnALocalDiskNoPartIsSyncedByTheWriter() throws Exception {
        BulkWriter.Factory<AlertRow> factory = new JsonLinesWriter.Factory<>(false);
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
        assertEquals(expectedLines("agent-3"), files.get(3).bytes.toString());
    }

    @Test
    void aFailedSyncFailsTheFinishSoThatNothingIsCommitted() throws Exception {
        BulkWriter.Factory<AlertRow> factory = new JsonLinesWriter.Factory<>(true);
        BulkWriter<AlertRow> first = factory.create(new BytesFile());
        BytesFile broken = new BytesFile() {
            @Override
            public void sync() throws IOException {
                throw new IOException("disk full");
            }
        };
        factory.create(broken).addElement(alert("a"));
        BytesFile fine = new BytesFile();
        factory.create(fine).addElement(alert("b"));
        first.addElement(alert("c"));

        IOException failure = assertThrows(IOException.class, first::finish);
        assertEquals("disk full", failure.getMessage());
        assertEquals(1, fine.syncs, "the other parts are synced all the same");
    }

    private static String expectedLines(String... agents) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String agent : agents) lines.append(RowJson.mapper().writeValueAsString(alert(agent))).append('\n');
        return lines.toString();
    }

    private static AlertRow alert(String agentArn) {
        AlertRow row = new AlertRow();
        row.agentArn = agentArn;
        row.alertType = "AGENT_STALE";
        row.detectedAt = "2024-05-06T08:00:00.000Z";
        return row;
    }
}
