package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.local.LocalDataInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line reader finds every line whatever its length and wherever its end falls (inside a word of the eight-byte
 * scan, across the read buffer's end, after a CR), numbers lines as a text editor does, blank ones included, gives
 * each record it keeps a copy of its line, and decides every line as the parser decides that line alone.
 */
class JsonLinesFormatTest {
    @TempDir
    Path folder;

    @Test
    void everyLineIsFoundAndNumberedWhateverItsLengthAndEnd() throws IOException {
        Random random = new Random(42);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<long[]> expected = new ArrayList<>(); // {line number, id}
        List<String> records = new ArrayList<>();
        long line = 0;
        for (int id = 0; id < 3000; id++) {
            line++;
            if (random.nextInt(10) == 0) { // a blank line: counted, never a record
                file.writeBytes(random.nextBoolean() ? "\n".getBytes(StandardCharsets.US_ASCII)
                        : " \r\n".getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            int padding = random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(40);
            String record = "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":"
                    + "\"2024-05-06T08:00:00Z\",\"EventId\":\"" + id + "\",\"Pad\":\"" + "é".repeat(padding / 2)
                    + "x".repeat(padding % 2) + "\"}";
            file.writeBytes(record.getBytes(StandardCharsets.UTF_8));
            file.writeBytes((random.nextBoolean() ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII));
            expected.add(new long[] {line, id});
            records.add(record);
        }
        Path path = folder.resolve("events.jsonl");
        Files.write(path, file.toByteArray());

        JsonLinesFormat format = new JsonLinesFormat(3, "events.jsonl", JobConfig.RecordSettings.defaults());
        StreamFormat.Reader<ParsedRecord> reader = format.createReader(new Configuration(),
                new LocalDataInputStream(path.toFile()));
        List<ParsedRecord> read = new ArrayList<>();
        for (long[] next : expected) {
            ParsedRecord record = reader.read();
            assertTrue(record.isValid(), () -> "line " + next[0] + ": " + record.deadLetter.reason);
            assertEquals(Long.toString(next[1]), record.event.eventId);
            assertArrayEquals(Arrival.ofLine(3, next[0]), record.event.arrival, "line " + next[0]);
            read.add(record);
        }
        assertNull(reader.read());
        reader.close();
        // Lines are parsed where they lie in the reader's buffer; a live run's event keeps its own copy of its line
        // (a late event's row shows it), whole and without its end, however the buffer was reused since.
        for (int i = 0; i < read.size(); i++) {
            assertEquals(records.get(i), new String(read.get(i).event.raw, StandardCharsets.UTF_8), "record " + i);
        }
    }

    @Test
    void aLastLineWithoutItsEndIsReadWhateverItsLastByte() throws IOException {
        String cut = "{\"AgentARN\":\"arn:a\",\"Name\":\"Zoë"; // ends inside a string, on a byte of 0x80 or more
        List<ParsedRecord> read = readAll(("\n" + cut).getBytes(StandardCharsets.UTF_8),
                JobConfig.RecordSettings.defaults());
        assertEquals(1, read.size(), "the cut line is a dead letter, not lost");
        assertEquals(cut, read.get(0).deadLetter.payload);
        assertEquals("2", read.get(0).deadLetter.position);
    }

    @Test
    void aFirstLineWithAByteOrderMarkMayBeAsLongAsTheLimit() throws IOException {
        JobConfig.RecordSettings settings = JobConfig.fromMap(Map.of("max-record-size", "1024")).records;
        String head = "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":"
                + "\"2024-05-06T08:00:00Z\",\"Pad\":\"";
        String record = head + "x".repeat(1024 - head.length() - 2) + "\"}";
        assertEquals(1024, record.length());
        for (String end : new String[] {"\n", "\r\n"}) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            file.writeBytes((record + end + record + "x").getBytes(StandardCharsets.UTF_8));
            List<ParsedRecord> read = readAll(file.toByteArray(), settings);
            assertTrue(read.get(0).isValid(), () -> "at the limit: " + read.get(0).deadLetter.reason);
            assertTrue(read.get(1).deadLetter.reason.startsWith("record of 1025 bytes is larger than max-record-size"),
                    read.get(1).deadLetter.reason);
        }
    }

    /**
     * An ordinary record is parsed as its line's end is found, in one pass; every other line is found first and then
     * parsed. Whichever way a line goes, the file reader decides it exactly as the parser decides that line alone:
     * lines of every kind, hostile ones among them, at random places against the reader's buffer.
     */
    @Test
    void everyLineIsDecidedAsTheParserDecidesItAlone() throws IOException {
        JobConfig.RecordSettings settings = JobConfig.fromMap(Map.of("max-record-size", "20000")).records;
        String[] kinds = {
            "%s", "%s  \t", "%s\r", "%s \r \r", "%s x", "%s%s", "%s,", "[%s]", "%s\n", "{\n" + "\"A\":1}",
            "{\"AgentARN\":\r\"arn:b\",\t\"EventType\" : \"LOGIN\",\"EventTimestamp\":\"2024-05-06T09:00:00Z\"}",
            "{\"AgentARN\":\"arn:a\",\"AgentARN\":\"arn:b\",\"EventType\":\"LOGIN\"}",
            "{\"AgentARN\":\"arn:a\",\"EventTimestamp\":\"2024-05-06T09:00:00Z\"}",
            "{\"AgentARN\":\"arn:\\u0061\",\"EventType\":\"LOGIN\",\"EventTimestamp\":\"2024-05-06T09:00:00Z\"}",
            "{\"AgentARN\":\"arn:\n\"}", "hello", "[1,2]", "", "   ", "{}", "{", "{\"AgentARN\"", "\"{}\"", "{\"Zoë\":1}",
        };
        Random random = new Random(7);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 1500; i++) {
            int padding = random.nextInt(5) == 0 ? 19_000 + random.nextInt(2_000) : random.nextInt(9_000);
            String record = "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":"
                    + "\"2024-05-06T08:00:00Z\",\"EventId\":\"" + i + "\",\"Pad\":\""
                    + (random.nextBoolean() ? "é" : "x").repeat(padding / 2) + "\"}";
            String kind = kinds[random.nextInt(kinds.length)];
            file.writeBytes(String.format(kind, record, record).getBytes(StandardCharsets.UTF_8));
            file.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = file.toByteArray();
        assertTrue(bytes.length > 8 * 256 * 1024, "lines straddle many of the reader's reads: " + bytes.length);

        List<ParsedRecord> expected = new ArrayList<>();
        AgentEventParser alone = new AgentEventParser(settings);
        int lineNumber = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (bytes[end] != '\n') end++;
            lineNumber++;
            int length = end > start && bytes[end - 1] == '\r' ? end - start - 1 : end - start;
            boolean blank = true;
            for (int i = start; i < start + length; i++) blank &= bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r';
            if (!blank) {
                expected.add(alone.parse(bytes, start, Math.min(length, settings.maxRecordBytes + 5), length, 0L,
                        Arrival.ofLine(0, lineNumber)).at("f.jsonl", Long.toString(lineNumber)));
            }
            start = end + 1;
        }
        List<ParsedRecord> read = readAll(bytes, settings);
        assertEquals(expected.size(), read.size());
        int valid = 0;
        for (int i = 0; i < expected.size(); i++) {
            ParsedRecord want = expected.get(i);
            ParsedRecord got = read.get(i);
            assertEquals(want.isValid(), got.isValid(), "record " + i);
            if (want.isValid()) {
                valid++;
                assertEquals(want.event, got.event, "record " + i);
            } else {
                DeadLetterRow a = want.deadLetter;
                DeadLetterRow b = got.deadLetter;
                assertEquals(List.of(a.reason, a.position, String.valueOf(a.agentArn), String.valueOf(a.eventId),
                        a.payloadBytes, a.payload, a.payloadEncoding), List.of(b.reason, b.position,
                        String.valueOf(b.agentArn), String.valueOf(b.eventId), b.payloadBytes, b.payload,
                        b.payloadEncoding), "record " + i);
            }
        }
        assertTrue(valid > 100 && valid < expected.size() - 100, "both kinds, many of each: " + valid);
    }

    private List<ParsedRecord> readAll(byte[] bytes, JobConfig.RecordSettings settings) throws IOException {
        Path path = folder.resolve("file-" + System.nanoTime() + ".jsonl");
        Files.write(path, bytes);
        StreamFormat.Reader<ParsedRecord> reader = new JsonLinesFormat(0, "f.jsonl", settings)
                .createReader(new Configuration(), new LocalDataInputStream(path.toFile()));
        List<ParsedRecord> records = new ArrayList<>();
        for (ParsedRecord record = reader.read(); record != null; record = reader.read()) records.add(record);
        reader.close();
        return records;
    }
}
