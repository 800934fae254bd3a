package dev.agentanalytics.output;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one text form of an instant in every output row: {@code 2024-05-06T11:45:00.000Z}. */
public final class UtcTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long DAY_MS = 86_400_000L;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long EPOCH_FROM_MARCH_0000 = 719_468L;
    private static final int DAYS_PER_400_YEARS = 146_097;

    private UtcTimes() {}

    /**
     * The instant's text, as {@link #FORMAT} writes it. Written by hand for years 0 to 9999: every row has a few
     * times, and the formatter's general machinery was a tenth of the engine's work in a replay (docs/performance.md).
     * Other years keep the formatter (it adds a sign to them).
     */
    public static String iso(long epochMillis) {
        long days = Math.floorDiv(epochMillis, DAY_MS);
        int millisOfDay = (int) Math.floorMod(epochMillis, DAY_MS);
        // The civil date of a day count, from a year that starts in March so that a leap day is the year's last.
        long fromMarch = days + EPOCH_FROM_MARCH_0000;
        long era = Math.floorDiv(fromMarch, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (fromMarch - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) return FORMAT.format(Instant.ofEpochMilli(epochMillis));
        byte[] text = new byte[24];
        digits(text, 0, (int) year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, millisOfDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, millisOfDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, millisOfDay / 1000 % 60, 2);
        text[19] = '.';
        digits(text, 20, millisOfDay % 1000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} in {@code count} decimal digits, leading zeros included. */
    private static void digits(byte[] text, int at, int value, int count) {
        int rest = value;
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    /** Null stays null: an optional time that never happened. */
    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    public static long parse(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
