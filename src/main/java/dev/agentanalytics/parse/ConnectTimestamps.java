package dev.agentanalytics.parse;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Timestamps as Amazon Connect writes them: {@code 2019-05-25T18:43:59.049Z}, the older colon form
 * {@code 2019-05-25T18:43:59:049Z} ({@code :049} is 49 ms), any number of fraction digits (below a millisecond
 * truncated) or none, and {@code Z} or an offset {@code +hh:mm}. No zone, a space for {@code T}, a number or an
 * impossible date or time are not timestamps.
 *
 * <p>Read by hand rather than with a regular expression or a {@code DateTimeFormatter}: every event carries a
 * dozen of them, and this is on the parser's hot path.
 */
public final class ConnectTimestamps {
    private ConnectTimestamps() {}

    /** Epoch milliseconds, or null when the text is not a timestamp of the accepted forms. */
    public static Long parse(String text) {
        if (text == null || text.length() < 20) return null; // yyyy-MM-ddTHH:mm:ssZ at the least
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':'
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int millis = 0;
        char c = text.charAt(i);
        if (c == '.' || c == ':') {
            int start = ++i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                if (i - start < 3) millis = millis * 10 + (text.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0) return null;
            for (int k = count; k < 3; k++) millis *= 10; // ".5" is 500 ms
        }
        if (i >= text.length()) return null; // no zone
        long offsetMinutes;
        c = text.charAt(i);
        if (c == 'Z' && i == text.length() - 1) {
            offsetMinutes = 0;
        } else if ((c == '+' || c == '-') && i + 6 == text.length() && text.charAt(i + 3) == ':') {
            int offsetHours = digits(text, i + 1, 2);
            int offsetMins = digits(text, i + 4, 2);
            if (offsetHours < 0 || offsetMins < 0 || offsetMins > 59 || offsetHours * 60 + offsetMins > 18 * 60) {
                return null;
            }
            offsetMinutes = (c == '-' ? -1 : 1) * (offsetHours * 60L + offsetMins);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay(); // rejects 2019-02-30 and 2019-13-45
        } catch (DateTimeException e) {
            return null;
        }
        long secondsOfDay = hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        return (epochDay * 86_400L + secondsOfDay) * 1000L + millis;
    }

    /** The non-negative number written with exactly {@code count} digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) return -1;
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
