package dev.agentanalytics.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.Replays;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bound a STREAMING replay's watermark rests on: never later than a valid record's {@code EventTimestamp}, however
 * the line is written; exactly that time for the events Connect writes.
 */
class EarliestEventTimeTest {
    private static final String HEAD = "{\"AgentARN\":\"arn:a\",\"EventType\":\"HEART_BEAT\",";
    private final AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
    private final EarliestEventTime earliest = new EarliestEventTime(parser);

    @Test
    void aRecordsOwnTimeInEveryFormTheParserTakes() {
        for (String time : new String[] {"2024-05-06T08:00:00.049Z", "2024-05-06T08:00:00:049Z",
                "2024-05-06T10:00:00.0491234+02:00", "2024-05-06T08:00:00Z"}) {
            String line = HEAD + "\"EventTimestamp\":\"" + time + "\"}";
            assertEquals(timeOf(line), bound(line), line);
        }
        assertEquals(millis("2024-05-06T08:00:00Z"), bound(HEAD + "\"EventTimestamp\" :\t\"2024-05-06T08:00:00Z\"}"));
    }

    @Test
    void otherPlacesTheNameIsWrittenCanOnlyMakeTheBoundEarlier() {
        String nestedEarlier = HEAD + "\"X\":{\"EventTimestamp\":\"2024-05-06T07:00:00Z\"},"
                + "\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}";
        assertEquals(millis("2024-05-06T07:00:00Z"), bound(nestedEarlier));
        String nestedLater = HEAD + "\"X\":{\"EventTimestamp\":\"2024-05-06T09:00:00Z\"},"
                + "\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}";
        assertEquals(millis("2024-05-06T08:00:00Z"), bound(nestedLater));
        String inAString = HEAD + "\"Note\":\"\\\"EventTimestamp\\\":\\\"2024-05-06T09:00:00Z\","
                + "\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}";
        assertEquals(millis("2024-05-06T08:00:00Z"), bound(inAString));
    }

    @Test
    void aNameOrTimeWrittenWithEscapesIsParsed() {
        String escapedName = HEAD + "\"X\":{\"EventTimestamp\":\"2024-05-06T09:00:00Z\"},"
                + "\"Event\\u0054imestamp\":\"2024-05-06T08:00:00Z\"}";
        assertEquals(millis("2024-05-06T08:00:00Z"), timeOf(escapedName), "the parser reads the escaped name");
        assertEquals(millis("2024-05-06T08:00:00Z"), bound(escapedName));
        String escapedTime = HEAD + "\"EventTimestamp\":\"2024-05-06T08:00:00\\u005a\"}";
        assertEquals(timeOf(escapedTime), bound(escapedTime));
    }

    @Test
    void aLineInUtf16IsNotJsonAndHasNone() {
        byte[] utf16 = (HEAD + "\"EventTimestamp\":\"2024-05-06T08:00:00Z\"}").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(null, timeOf(utf16), "a record is UTF-8: Jackson must not guess UTF-16");
        assertEquals(EarliestEventTime.NONE, earliest.of(utf16, 0, utf16.length));
    }

    @Test
    void aLineWithoutATimeHasNone() {
        assertEquals(EarliestEventTime.NONE, bound(HEAD + "\"EventTimestamp\":\"yesterday\"}"));
        assertEquals(EarliestEventTime.NONE, bound(HEAD + "\"EventTimestamp\":1714982400000}"));
        assertEquals(EarliestEventTime.NONE, bound("not json"));
        assertEquals(EarliestEventTime.NONE, bound(""));
    }

    @Test
    void exactlyTheTimeOfEverySimulatedRecordMalformedOnesIncluded() {
        int valid = 0;
        for (SimulatedRecord record : Replays.simulate(Map.of("simulator.agents", "20", "simulator.duration", "1h",
                "simulator.malformed", "0.05", "simulator.seed", "3"))) {
            String line = new String(record.payload, StandardCharsets.UTF_8);
            Long time = timeOf(line);
            if (time == null) continue;
            valid++;
            assertEquals(time, bound(line), line);
        }
        assertTrue(valid > 1000, "valid records: " + valid);
    }

    private long bound(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return earliest.of(bytes, 0, bytes.length);
    }

    private Long timeOf(String line) {
        return timeOf(line.getBytes(StandardCharsets.UTF_8));
    }

    private Long timeOf(byte[] bytes) {
        ParsedRecord record = parser.parse(bytes, 0, bytes.length, bytes.length, 0L, new byte[0]);
        return record.isValid() ? record.event.eventTime : null;
    }

    private static long millis(String time) {
        return Instant.parse(time).toEpochMilli();
    }
}
