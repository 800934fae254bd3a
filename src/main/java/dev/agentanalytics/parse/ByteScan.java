package dev.agentanalytics.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of a record's bytes eight at a time: a record is some kilobytes of almost only ASCII, and one test of a
 * 64-bit word passes eight bytes. Used to find line ends in a file, to pass ASCII runs when checking UTF-8 and to
 * find the end of a JSON string.
 */
public final class ByteScan {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    private ByteScan() {}

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or {@code to}. */
    public static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long word = (long) WORDS.get(bytes, i) ^ NEWLINES;
            long zeroBytes = (word - ONES) & ~word & HIGH_BITS; // exact for the first zero byte
            if (zeroBytes != 0) return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            i += 8;
        }
        while (i < to && bytes[i] != '\n') i++;
        return i;
    }

    /** The index of the first {@code '\n'} or {@code '\\'} in {@code bytes[from, to)}, or {@code to}. */
    public static int indexOfNewlineOrBackslash(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long word = (long) WORDS.get(bytes, i);
            long newline = word ^ NEWLINES;
            long backslash = word ^ BACKSLASHES;
            long stops = (((newline - ONES) & ~newline) | ((backslash - ONES) & ~backslash)) & HIGH_BITS;
            if (stops != 0) return i + (Long.numberOfTrailingZeros(stops) >>> 3);
            i += 8;
        }
        while (i < to && bytes[i] != '\n' && bytes[i] != '\\') i++;
        return i;
    }

    /** The index after the whole words of ASCII starting at {@code from} in {@code bytes[from, to)}. */
    static int skipAsciiWords(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to && ((long) WORDS.get(bytes, i) & HIGH_BITS) == 0) i += 8;
        return i;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that ends or interrupts a run of plain ASCII text in a
     * JSON string: a quote, a backslash, a control character (below 0x20) or a byte that is not ASCII (the start
     * of a UTF-8 sequence, which the caller checks); {@code to} when there is none.
     */
    static int indexOfStringStop(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long word = (long) WORDS.get(bytes, i);
            long quote = word ^ QUOTES;
            long backslash = word ^ BACKSLASHES;
            // The first three terms mark quotes, backslashes and bytes below 0x20 among the ASCII bytes, the last
            // the bytes that are not ASCII; the lowest mark of each is exact, so the lowest of all is.
            long stops = ((((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | (word - SPACES)) & ~word
                    | word) & HIGH_BITS;
            if (stops != 0) return i + (Long.numberOfTrailingZeros(stops) >>> 3);
            i += 8;
        }
        while (i < to) {
            byte b = bytes[i];
            if (b == '"' || b == '\\' || b < ' ') return i; // b < ' ': a control character or not ASCII
            i++;
        }
        return to;
    }
}
