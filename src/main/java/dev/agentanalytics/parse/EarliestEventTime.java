package dev.agentanalytics.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A lower bound of the {@code EventTimestamp} of the record on one line, found without parsing it: the earliest
 * timestamp that follows any {@code "EventTimestamp":} in the line. The record's own field is one of them, since
 * without an escape its name can only be written as those bytes; so the bound is never later than the record's time
 * when the record is valid. A line with a {@code \}{@code u} escape, which could spell the name or the time another
 * way, is parsed instead, and so is a line where none is found.
 * Used before a STREAMING replay, to hold its watermark below every record still to come.
 */
public final class EarliestEventTime {
    /** No timestamp on the line: its record cannot be valid. */
    public static final long NONE = Long.MAX_VALUE;
    private static final byte[] NAME = "EventTimestamp\"".getBytes(StandardCharsets.US_ASCII);
    private static final int[] SHIFT = shifts();

    private final AgentEventParser parser;

    public EarliestEventTime(AgentEventParser parser) {
        this.parser = parser;
    }

    /** The bound for the line {@code bytes[from, to)} (no line end), or {@link #NONE}. */
    public long of(byte[] bytes, int from, int to) {
        return of(bytes, from, to, hasUnicodeEscape(bytes, from, to));
    }

    /** The same, told whether the line has a {@code \}{@code u} (or may have: a line read in parts). */
    public long of(byte[] bytes, int from, int to, boolean unicodeEscape) {
        if (unicodeEscape) return parsed(bytes, from, to);
        long earliest = NONE;
        for (int at = indexOfName(bytes, from, to); at >= 0; at = indexOfName(bytes, at + NAME.length, to)) {
            if (at == from || bytes[at - 1] != '"') continue;
            int value = skipSpace(bytes, at + NAME.length, to);
            if (value == to || bytes[value] != ':') continue;
            value = skipSpace(bytes, value + 1, to);
            if (value == to || bytes[value] != '"') continue;
            int end = value + 1;
            while (end < to && bytes[end] != '"') end++;
            Long time = ConnectTimestamps.parse(new String(bytes, value + 1, end - value - 1,
                    StandardCharsets.ISO_8859_1));
            if (time != null) earliest = Math.min(earliest, time);
        }
        // None found: almost always a dead letter; parsed, so that no way of writing a valid record is missed.
        return earliest == NONE ? parsed(bytes, from, to) : earliest;
    }

    /**
     * The record's time when the parser takes it as valid, else {@link #NONE}. (Its arrival time, 0, matters only to
     * {@code max-event-ahead}, which file replays, the only callers, do not check.)
     */
    private long parsed(byte[] bytes, int from, int to) {
        ParsedRecord record = parser.parse(bytes, from, to - from, to - from, 0L, new byte[0]);
        return record.isValid() ? record.event.eventTime : NONE;
    }

    static boolean hasUnicodeEscape(byte[] bytes, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (bytes[i] == '\\' && bytes[i + 1] == 'u') return true;
        }
        return false;
    }

    /** The next {@link #NAME} in {@code bytes[from, to)}, or -1 (Horspool: the byte under its end says how far). */
    private static int indexOfName(byte[] bytes, int from, int to) {
        int last = NAME.length - 1;
        int i = from;
        while (i + last < to) {
            byte b = bytes[i + last];
            if (b == '"' && matches(bytes, i)) return i;
            i += SHIFT[b & 0xFF];
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at) {
        for (int k = 0; k < NAME.length; k++) {
            if (bytes[at + k] != NAME[k]) return false;
        }
        return true;
    }

    private static int[] shifts() {
        int[] shift = new int[256];
        Arrays.fill(shift, NAME.length);
        for (int k = 0; k < NAME.length - 1; k++) shift[NAME[k] & 0xFF] = NAME.length - 1 - k;
        return shift;
    }

    private static int skipSpace(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
        return i;
    }
}
