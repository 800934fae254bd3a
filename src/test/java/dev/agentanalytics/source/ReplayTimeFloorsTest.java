package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.EarliestEventTime;
import dev.agentanalytics.parse.ParsedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.local.LocalDataInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A STREAMING replay's watermark never passes a record still to be read, whatever the input's order: the floors are
 * the earliest time from each block of lines to the end of the input, and the watermark after a record is just
 * below its floor.
 */
class ReplayTimeFloorsTest {
    private static final long T0 = Instant.parse("2024-05-06T08:00:00Z").toEpochMilli();
    private static final int BLOCK = ReplayTimeFloors.BLOCK_LINES;

    @TempDir
    Path folder;

    @Test
    void eachBlocksFloorIsTheEarliestTimeFromItToTheEnd() throws IOException {
        // File 0: line n at T0 + n s, but line 1500 an hour before T0; a blank line and a dead letter without time.
        List<String> first = new ArrayList<>();
        for (int line = 1; line <= 2 * BLOCK + 52; line++) {
            if (line == 7) first.add("");
            else if (line == 9) first.add("{\"EventType\":\"LOGIN\"}");
            else first.add(event(line, line == 1500 ? T0 - 3_600_000 : T0 + line * 1000L));
        }
        // File 1: ten lines ten hours later.
        List<String> second = new ArrayList<>();
        for (int line = 1; line <= 10; line++) second.add(event(line, T0 + 36_000_000 + line));
        ReplayTimeFloors floors = scan(List.of(first, second));

        assertEquals(T0 - 3_600_000, floors.at(0, 1));
        assertEquals(T0 - 3_600_000, floors.at(0, BLOCK + 1), "the block that holds line 1500");
        assertEquals(T0 - 3_600_000, floors.at(0, 1500));
        assertEquals(T0 + (2 * BLOCK + 1) * 1000L, floors.at(0, 2 * BLOCK + 1), "the first line of the last block");
        assertEquals(T0 + (2 * BLOCK + 1) * 1000L, floors.at(0, 2 * BLOCK + 52));
        assertEquals(T0 + 36_000_001, floors.at(0, 3 * BLOCK + 1), "past its last block: the next file's");
        assertEquals(T0 + 36_000_001, floors.at(1, 1));
        assertEquals(ReplayTimeFloors.NONE, floors.at(1, BLOCK + 1), "nothing after the input's last line");
        assertEquals(ReplayTimeFloors.NONE, floors.at(2, 1));
    }

    @Test
    void theWatermarkIsBelowEveryRecordNotYetReadWhateverTheOrder() throws IOException {
        Random random = new Random(3);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5 * BLOCK; i++) times.add(T0 + i * 1000L);
        // In order, then two blocks shuffled, then in order again.
        Collections.shuffle(times.subList(BLOCK, 3 * BLOCK), random);
        List<List<String>> files = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] fileOf = new int[times.size()];
        for (int i = 0; i < times.size(); i++) {
            fileOf[i] = i * files.size() / times.size();
            List<String> file = files.get(fileOf[i]);
            file.add(event(file.size() + 1, times.get(i)));
        }
        ReplayTimeFloors floors = scan(files);

        ReplayWatermarks watermarks = new ReplayWatermarks(floors);
        Emitted emitted = new Emitted();
        int[] lineIn = new int[files.size()];
        for (int i = 0; i < times.size(); i++) {
            watermarks.onEvent(record(fileOf[i], ++lineIn[fileOf[i]], times.get(i)), times.get(i), emitted);
            watermarks.onPeriodicEmit(emitted);
            for (int later = i + 1; later < times.size(); later++) {
                assertTrue(emitted.last < times.get(later), "after record " + i + " the watermark " + emitted.last
                        + " is not below record " + later + "'s " + times.get(later));
            }
        }
        // Where the records are in order it follows them a block behind: at the end, below the last block's first.
        int lastBlockStart = times.size() - lineIn[files.size() - 1] + BLOCK;
        assertEquals(times.get(lastBlockStart) - 1, emitted.last);
    }

    /**
     * The scan's lines are the replay reader's: the same numbers (blank lines, CRLF ends, a byte-order mark, lines
     * across the reader's buffer, too long ones, escapes, a last line without its end), and for every valid record
     * the bound is its time.
     */
    @Test
    void theScanNumbersLinesAsTheReplaysReaderDoes() throws IOException {
        JobConfig.RecordSettings settings = JobConfig.fromMap(Map.of("max-record-size", "60000")).records;
        Random random = new Random(5);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int line = 1; line <= 3000; line++) {
            if (random.nextInt(10) == 0) {
                file.writeBytes((random.nextBoolean() ? "" : " \r").getBytes(StandardCharsets.UTF_8));
            } else {
                int padding = random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(40);
                String escape = random.nextInt(20) == 0 ? "\\u00e9" : random.nextInt(20) == 0 ? "\\\\" : "";
                file.writeBytes((event(line, T0 + random.nextInt(1_000_000)).replace("}", ",\"Pad\":\""
                        + escape + "x".repeat(padding) + "\"}")).getBytes(StandardCharsets.UTF_8));
            }
            if (line < 3000) file.writeBytes((random.nextBoolean() ? "\r\n" : "\n").getBytes());
        }
        Path path = folder.resolve("mixed.jsonl");
        Files.write(path, file.toByteArray());

        Map<Long, Long> times = new HashMap<>();
        JsonLinesFormat format = new JsonLinesFormat(0, "mixed.jsonl", settings);
        StreamFormat.Reader<ParsedRecord> reader = format.createReader(
                new Configuration(),
                new LocalDataInputStream(path.toFile()));
        for (ParsedRecord record = reader.read(); record != null; record = reader.read()) {
            if (record.isValid()) times.put(Arrival.lineOf(record.event.arrival), record.event.eventTime);
        }
        reader.close();
        assertTrue(times.size() > 2000, "valid records: " + times.size());

        Map<Long, Long> bounds = new HashMap<>();
        EarliestEventTime earliest = new EarliestEventTime(
                new AgentEventParser(settings));
        try (InputStream in = Files.newInputStream(path)) {
            new Lines(in, settings.maxRecordBytes).forEach((number, bytes, from, to, escape) ->
                    bounds.put(number, earliest.of(bytes, from, to, escape)));
        }
        assertEquals(3000, bounds.size(), "every line numbered");
        for (Map.Entry<Long, Long> record : times.entrySet()) {
            assertEquals(record.getValue(), bounds.get(record.getKey()), "line " + record.getKey());
        }
    }

    /**
     * A file that cannot be read to its end (a gzip member cut off): the reader gives the lines before the cut, then
     * a dead letter, and what the rest holds is not known, so no watermark goes out until a reader is past it.
     */
    @Test
    void aFileCutOffHoldsTheWatermarkUntilItIsRead() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(zipped)) {
            Random random = new Random(9);
            for (int line = 1; line <= 3 * BLOCK; line++) {
                out.write((event(line, T0 + line * 1000L) + ",\"Pad\":\"" + random.nextLong() + random.nextLong()
                        + "\"}\n").replace("},", ",").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = zipped.toByteArray();
        Path cut = folder.resolve("part-0.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path next = folder.resolve("part-1.jsonl");
        Files.write(next, List.of(event(1, T0 + 36_000_000)));
        ReplayTimeFloors floors = ReplayTimeFloors.scan(List.of(new org.apache.flink.core.fs.Path(cut.toUri()),
                new org.apache.flink.core.fs.Path(next.toUri())), JobConfig.RecordSettings.defaults());

        assertEquals(ReplayTimeFloors.UNKNOWN, floors.at(0, 1));
        assertEquals(ReplayTimeFloors.UNKNOWN, floors.at(0, 3 * BLOCK), "past the lines read: not known either");
        assertEquals(T0 + 36_000_000, floors.at(1, 1), "the next file is known");
        ReplayWatermarks watermarks = new ReplayWatermarks(floors);
        Emitted emitted = new Emitted();
        watermarks.onEvent(record(0, 1, T0 + 1000), T0 + 1000, emitted);
        watermarks.onPeriodicEmit(emitted);
        assertEquals(Long.MIN_VALUE, emitted.last, "nothing goes out before the cut-off file is read");
        watermarks.onEvent(record(1, 1, T0 + 36_000_000), T0 + 36_000_000, emitted);
        watermarks.onPeriodicEmit(emitted);
        assertEquals(T0 + 36_000_000 - 1, emitted.last);
    }

    /** A file named .gz that is not gzip at all: its records are not known either, so it holds the watermark. */
    @Test
    void aFileThatIsNotWhatItsNameSaysHoldsTheWatermark() throws IOException {
        Path notGzip = folder.resolve("part-0.jsonl.gz");
        Files.write(notGzip, List.of(event(1, T0)));
        ReplayTimeFloors floors = ReplayTimeFloors.scan(List.of(new org.apache.flink.core.fs.Path(notGzip.toUri())),
                JobConfig.RecordSettings.defaults());
        assertEquals(ReplayTimeFloors.UNKNOWN, floors.at(0, 1));
    }

    private ReplayTimeFloors scan(List<List<String>> files) throws IOException {
        List<org.apache.flink.core.fs.Path> paths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = folder.resolve("part-" + i + ".jsonl");
            Files.write(file, files.get(i));
            paths.add(new org.apache.flink.core.fs.Path(file.toUri()));
        }
        return ReplayTimeFloors.scan(paths, JobConfig.RecordSettings.defaults());
    }

    private static String event(int id, long time) {
        return "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":\"" + Instant.ofEpochMilli(time)
                + "\",\"EventId\":\"" + id + "\"}";
    }

    private static ParsedRecord record(int file, long line, long time) {
        ParsedRecord record = ParsedRecord.valid(new AgentEvent());
        record.event.eventTime = time;
        record.event.arrival = Arrival.ofLine(file, line);
        return record;
    }

    private static final class Emitted implements WatermarkOutput {
        long last = Long.MIN_VALUE;

        @Override
        public void emitWatermark(Watermark watermark) {
            assertTrue(watermark.getTimestamp() > last, "watermarks only rise");
            last = watermark.getTimestamp();
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
