package dev.agentanalytics.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.output.TableRow;
import dev.agentanalytics.testing.EveryFieldSet;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every table's rows come out of the encoder as exactly the bytes Jackson writes for them, whether the row is plain
 * (written directly) or not (left to Jackson), for every kind of text.
 */
class PlainRowWriterTest {
    /** Text JSON writes as it is, and text it escapes or encodes (which sends the row to Jackson). */
    private static final List<String> TEXTS = List.of("", "arn:aws:connect:us-east-1:1:instance/i/agent/a", " ~",
            "2024-05-06T08:00:00.000Z", "a/b", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "\u0000",
            "\u001f", "\u007f", "Zoë", "山田", "\uD83D\uDE00", "\uD83D", "€");

    @Test
    void everyTablesRowsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(13);
        for (OutputTable table : OutputTable.values()) {
            EveryFieldSet filler = new EveryFieldSet();
            BytesFile file = new BytesFile();
            JsonLinesWriter<TableRow> writer = new JsonLinesWriter<>(file, new JsonLineEncoder<>());
            for (int i = 0; i < 400; i++) {
                TableRow row = filler.fill(table.rowType(), i % 2 == 1);
                setSomeTexts(row, random);
                assertSameAsJackson(writer, file, row);
            }
        }
    }

    @Test
    void plainRowsTakeTheDirectPathAndOthersJackson() throws Exception {
        for (OutputTable table : OutputTable.values()) {
            PlainRowWriter writer = PlainRowWriter.of(table.rowType(), RowJson.mapper());
            if (table.rowType() == QueueMetricsRow.class) {
                assertNull(writer, "a row with a fraction is Jackson's");
                continue;
            }
            assertNotNull(writer, table.tableName());
            TableRow row = new EveryFieldSet().fill(table.rowType(), false);
            setEveryText(row, "plain-text");
            assertTrue(writer.write(row), table.tableName());
            setEveryText(row, "Zoë");
            assertEquals(false, writer.write(row), table.tableName());
        }
    }

    private static void assertSameAsJackson(JsonLinesWriter<TableRow> writer, BytesFile file, TableRow row)
            throws Exception {
        file.bytes.reset();
        writer.addElement(row);
        writer.flush();
        ByteArrayOutputStream out = file.bytes;
        byte[] jackson = RowJson.mapper().writeValueAsBytes(row);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(jackson);
        expected.write('\n');
        assertArrayEquals(expected.toByteArray(), out.toByteArray(), () -> expected + " / " + out);
    }

    /** Most rows plain, some with one text JSON escapes, some with nulls. */
    private static void setSomeTexts(Object row, Random random) throws Exception {
        for (Field field : row.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) continue;
            int dice = random.nextInt(20);
            if (dice == 0) field.set(row, null);
            else if (dice == 1) field.set(row, TEXTS.get(random.nextInt(TEXTS.size())));
            else field.set(row, TEXTS.get(random.nextInt(4)));
        }
    }

    private static void setEveryText(Object row, String text) throws Exception {
        for (Field field : row.getClass().getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) field.set(row, text);
        }
    }
}
