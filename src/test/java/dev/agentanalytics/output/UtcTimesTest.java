package dev.agentanalytics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimesTest {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

    @Test
    void writesTheRowsFormat() {
        assertEquals("2024-05-06T11:45:00.000Z", UtcTimes.iso(Instant.parse("2024-05-06T11:45:00Z").toEpochMilli()));
        assertEquals("1970-01-01T00:00:00.000Z", UtcTimes.iso(0));
        assertEquals("1969-12-31T23:59:59.999Z", UtcTimes.iso(-1));
        assertEquals("2000-02-29T23:59:59.999Z", UtcTimes.iso(Instant.parse("2000-03-01T00:00:00Z").toEpochMilli() - 1));
        assertEquals("2100-03-01T00:00:00.007Z", UtcTimes.iso(Instant.parse("2100-03-01T00:00:00.007Z").toEpochMilli()));
        assertEquals("0000-01-01T00:00:00.000Z", UtcTimes.iso(YEAR_0));
        assertEquals("9999-12-31T23:59:59.999Z", UtcTimes.iso(YEAR_10000 - 1));
    }

    @Test
    void yearsOutsideFourDigitsKeepTheFormattersSign() {
        assertEquals("+10000-01-01T00:00:00.000Z", UtcTimes.iso(YEAR_10000));
        assertEquals("-0001-12-31T23:59:59.999Z", UtcTimes.iso(YEAR_0 - 1));
        assertEquals(FORMATTER.format(Instant.ofEpochMilli(Long.MAX_VALUE / 1000)), UtcTimes.iso(Long.MAX_VALUE / 1000));
    }

    /** Every day boundary and leap rule of the Gregorian calendar, through random instants of all four-digit years. */
    @Test
    void agreesWithTheFormatterEverywhere() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            long instant = random.nextLong(YEAR_0 - 86_400_000L * 800, YEAR_10000 + 86_400_000L * 800);
            if (i % 4 == 0) instant -= Math.floorMod(instant, 86_400_000L) - random.nextInt(-1, 2); // near midnight
            assertEquals(FORMATTER.format(Instant.ofEpochMilli(instant)), UtcTimes.iso(instant), "at " + instant);
        }
    }
}
