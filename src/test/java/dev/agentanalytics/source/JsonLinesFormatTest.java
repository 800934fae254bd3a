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
import org.apache.flink.core.fs.FSDataInputStream;
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
        assertSameRecords(expected, readAll(bytes, settings));
        // Read a few KB at a time, as from a gzip stream: the same records.
        assertSameRecords(expected, readAll(new ShortReads(bytes, 11, Long.MAX_VALUE), settings));
    }

    private static void assertSameRecords(List<ParsedRecord> expected, List<ParsedRecord> read) {
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

    /** A record whose JSON ends with the reader's buffer: its line's end is in the next fill. */
    @Test
    void aRecordThatEndsWithTheBufferIsFoundAsALine() throws IOException {
        for (String after : new String[] {"", " \r"}) {
            String head = "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":"
                    + "\"2024-05-06T08:00:00Z\",\"EventId\":\"";
            String first = head + "1\"}";
            int second = JsonLinesFormat.BUFFER_BYTES - first.length() - 1; // its length, up to the buffer's end
            String pad = "x".repeat(second - head.length() - "2\",\"Pad\":\"\"}".length() - after.length());
            String record = head + "2\",\"Pad\":\"" + pad + "\"}" + after;
            assertEquals(second, record.length());
            String third = head + "3\"}";
            List<ParsedRecord> read = readAll((first + "\n" + record + "\n" + third).getBytes(StandardCharsets.UTF_8),
                    JobConfig.RecordSettings.defaults());
            assertEquals(3, read.size());
            for (int i = 0; i < 3; i++) {
                assertTrue(read.get(i).isValid(), read.get(i).toString());
                assertEquals(Integer.toString(i + 1), read.get(i).event.eventId);
            }
            assertEquals(record.substring(0, record.length() - after.length()) + (after.isEmpty() ? "" : " "),
                    new String(read.get(1).event.raw, StandardCharsets.UTF_8), "the line without its CR");
        }
    }

    /** A read error ends the file with one dead letter, after every line read whole before it. */
    @Test
    void aReadErrorEndsTheFileAfterEveryWholeLineBeforeIt() throws IOException {
        StringBuilder file = new StringBuilder();
        List<Integer> lineEnds = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            file.append("{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":"
                    + "\"2024-05-06T08:00:00Z\",\"EventId\":\"").append(id).append("\",\"Pad\":\"")
                    .append("x".repeat(id * 7 % 3000)).append("\"}\n");
            lineEnds.add(file.length() - 1);
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        for (long cutAt : new long[] {JsonLinesFormat.BUFFER_BYTES + 1000, lineEnds.get(99) + 1L, 5}) {
            int whole = (int) lineEnds.stream().filter(end -> end < cutAt).count();
            List<ParsedRecord> read = readAll(new ShortReads(bytes, cutAt, cutAt), JobConfig.RecordSettings.defaults());
            assertEquals(whole + 1, read.size(), "cut at " + cutAt);
            for (int i = 0; i < whole; i++) assertEquals(Integer.toString(i + 1), read.get(i).event.eventId);
            ParsedRecord end = read.get(whole);
            assertTrue(end.deadLetter.reason.startsWith("the rest of the file could not be read"), end.toString());
            assertEquals(Integer.toString(whole + 1), end.deadLetter.position);
        }
    }

    /** A file's bytes as a stream that gives at most 4 KB a read (as a gzip stream does) and fails at a byte. */
    private static final class ShortReads extends FSDataInputStream {
        private final byte[] bytes;
        private final Random random;
        private final long failAt;
        private int position;

        ShortReads(byte[] bytes, long seed, long failAt) {
            this.bytes = bytes;
            this.random = new Random(seed);
            this.failAt = failAt;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (position >= failAt) throw new IOException("cut at byte " + failAt);
            if (position == bytes.length) return -1;
            int n = (int) Math.min(Math.min(length, 1 + random.nextInt(4096)), Math.min(bytes.length, failAt) - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public void seek(long desired) {
            position = (int) desired;
        }

        @Override
        public long getPos() {
            return position;
        }
    }

    private List<ParsedRecord> readAll(byte[] bytes, JobConfig.RecordSettings settings) throws IOException {
        Path path = folder.resolve("file-" + System.nanoTime() + ".jsonl");
        Files.write(path, bytes);
        return readAll(new LocalDataInputStream(path.toFile()), settings);
    }

    private static List<ParsedRecord> readAll(FSDataInputStream stream, JobConfig.RecordSettings settings)
            throws IOException {
        StreamFormat.Reader<ParsedRecord> reader = new JsonLinesFormat(0, "f.jsonl", settings)
                .createReader(new Configuration(), stream);
        List<ParsedRecord> records = new ArrayList<>();
        for (ParsedRecord record = reader.read(); record != null; record = reader.read()) records.add(record);
        reader.close();
        return records;
    }
}
