package dev.agentanalytics.parse;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as Amazon Connect writes them: {@code 2019-05-25T18:43:59.049Z}, the older colon form
 * {@code 2019-05-25T18:43:59:049Z} ({@code :049} is 49 ms), any number of fraction digits (below a millisecond
 * truncated) or none, and {@code Z} or an offset {@code +hh:mm}. No zone, a space for {@code T}, a number or an
 * impossible date or time are not timestamps.
 */
public final class ConnectTimestamps {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:[.:](\\d+))?(Z|[+-]\\d{2}:\\d{2})");

    private ConnectTimestamps() {}

    /** Epoch milliseconds, or null when the text is not a timestamp of the accepted forms. */
    public static Long parse(String text) {
        if (text == null) return null;
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            ZoneOffset offset = "Z".equals(m.group(8)) ? ZoneOffset.UTC : offsetOf(m.group(8));
            return local.toInstant(offset).toEpochMilli() + fractionMillis(m.group(7));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static ZoneOffset offsetOf(String text) {
        int hours = Integer.parseInt(text.substring(1, 3));
        int minutes = Integer.parseInt(text.substring(4, 6));
        if (minutes > 59) throw new DateTimeException("offset minutes out of range: " + text);
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The first three digits of the fraction are milliseconds; the rest is below a millisecond. */
    private static int fractionMillis(String digits) {
        if (digits == null) return 0;
        String millis = digits.length() >= 3 ? digits.substring(0, 3) : (digits + "00").substring(0, 3);
        return Integer.parseInt(millis);
    }
}
