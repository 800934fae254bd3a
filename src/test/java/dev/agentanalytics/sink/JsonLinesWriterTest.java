package dev.agentanalytics.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.output.AlertRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The file sink closes a part with {@code flush()} and {@code finish()} before it commits it (at every checkpoint,
 * at the end of input): every row added before is then in the file, whole and in order, however the rows fell into
 * the buffer.
 */
class JsonLinesWriterTest {
    @Test
    void everyRowAddedIsInTheFileAfterFlushAndFinish() throws Exception {
        BytesFile file = new BytesFile();
        JsonLinesWriter<AlertRow> writer = new JsonLinesWriter<>(file, new JsonLineEncoder<>());
        StringBuilder expected = new StringBuilder();
        int rows = 0;
        // Enough rows to fill the buffer several times, a flush between, and one row longer than the buffer.
        for (int i = 0; i < 3000; i++) {
            AlertRow row = alert(i == 1500 ? "x".repeat(3 * JsonLinesWriter.BUFFER_BYTES) : "agent-" + i);
            writer.addElement(row);
            expected.append(RowJson.mapper().writeValueAsString(row)).append('\n');
            rows++;
            if (i == 1000) {
                writer.flush();
                assertEquals(expected.toString(), file.bytes.toString(StandardCharsets.UTF_8), "after a flush");
            }
        }
        writer.finish();
        assertEquals(expected.toString(), file.bytes.toString(StandardCharsets.UTF_8), "after finish");
        assertTrue(file.writes < rows / 10, "rows are written a buffer at a time, not one by one: " + file.writes);
    }

    @Test
    void partsSharingOneEncoderEachGetTheirOwnRows() throws Exception {
        JsonLineEncoder<AlertRow> encoder = new JsonLineEncoder<>();
        BytesFile first = new BytesFile();
        BytesFile second = new BytesFile();
        JsonLinesWriter<AlertRow> one = new JsonLinesWriter<>(first, encoder);
        JsonLinesWriter<AlertRow> two = new JsonLinesWriter<>(second, encoder);
        StringBuilder expectedFirst = new StringBuilder();
        StringBuilder expectedSecond = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            AlertRow row = alert("agent-" + i);
            (i % 3 == 0 ? two : one).addElement(row);
            (i % 3 == 0 ? expectedSecond : expectedFirst).append(RowJson.mapper().writeValueAsString(row)).append('\n');
        }
        one.finish();
        two.finish();
        assertEquals(expectedFirst.toString(), first.bytes.toString(StandardCharsets.UTF_8));
        assertEquals(expectedSecond.toString(), second.bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFlushWithNothingBufferedWritesNothing() throws Exception {
        BytesFile file = new BytesFile();
        JsonLinesWriter<AlertRow> writer = new JsonLinesWriter<>(file, new JsonLineEncoder<>());
        writer.flush();
        writer.finish();
        assertEquals(0, file.writes);
    }

    /** A small row of the given agent. */
    static AlertRow alert(String agentArn) {
        AlertRow row = new AlertRow();
        row.agentArn = agentArn;
        row.alertType = "AGENT_STALE";
        row.detectedAt = "2024-05-06T08:00:00.000Z";
        return row;
    }
}
