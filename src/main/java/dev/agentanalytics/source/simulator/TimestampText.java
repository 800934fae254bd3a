package dev.agentanalytics.source.simulator;

import java.time.LocalDate;

/**
 * Formats epoch milliseconds the way Connect writes them ({@code 2024-05-06T11:52:17.431Z}). Hand-rolled because
 * it runs several times per event and {@code DateTimeFormatter} would dominate the simulator's profile; the date
 * part is cached because a simulated shift stays on one or two days.
 */
final class TimestampText {
    private static final long DAY_MS = 86_400_000L;

    private long cachedDay = Long.MIN_VALUE;
    private final char[] text = "0000-00-00T00:00:00.000Z".toCharArray();

    String format(long epochMillis) {
        long day = Math.floorDiv(epochMillis, DAY_MS);
        if (day != cachedDay) {
            String date = LocalDate.ofEpochDay(day).toString();
            if (date.length() != 10) {
                throw new IllegalArgumentException("Simulated time outside years 0000-9999: " + epochMillis);
            }
            date.getChars(0, 10, text, 0);
            cachedDay = day;
        }
        int ms = (int) (epochMillis - day * DAY_MS);
        twoDigits(ms / 3_600_000, 11);
        twoDigits(ms / 60_000 % 60, 14);
        twoDigits(ms / 1000 % 60, 17);
        int millis = ms % 1000;
        text[20] = (char) ('0' + millis / 100);
        text[21] = (char) ('0' + millis / 10 % 10);
        text[22] = (char) ('0' + millis % 10);
        return new String(text);
    }

    private void twoDigits(int value, int at) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
