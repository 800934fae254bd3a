package dev.agentanalytics.source;

import dev.agentanalytics.parse.ByteScan;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a file, numbered as {@link JsonLinesFormat} numbers them: from 1, blank ones included, a last line
 * without a line end too; without the line end, a CR before it, and the byte-order mark that starts a file. A line
 * longer than {@code maxBytes} is passed on empty (its record is a dead letter, whatever it holds). The same pass that
 * finds a line's end tells whether it has a {@code \}{@code u} escape. A read error ends the lines with an
 * {@link IOException} after the whole lines read before it; the part of a line before it is not passed on.
 */
final class Lines {
    /** Takes each line; the bytes are valid only during the call. */
    interface Consumer {
        void line(long number, byte[] bytes, int from, int to, boolean unicodeEscape);
    }

    private final BufferFills fills;
    private final int maxBytes;
    private final byte[] buffer = new byte[JsonLinesFormat.BUFFER_BYTES];
    /** A line that spans two fills of the buffer, as far as it is kept. */
    private byte[] carried = new byte[8192];
    private int carriedLength;
    private boolean tooLong;

    Lines(InputStream in, int maxBytes) {
        this.fills = new BufferFills(in);
        this.maxBytes = maxBytes;
    }

    void forEach(Consumer consumer) throws IOException {
        long number = 0;
        boolean pending = false; // bytes of a line without its end yet
        boolean escape = false;
        int n;
        while ((n = fills.fill(buffer)) > 0) {
            int start = 0;
            int from = 0;
            while (start < n) {
                int end = ByteScan.indexOfNewlineOrBackslash(buffer, from, n);
                if (end < n && buffer[end] == '\\') {
                    // A backslash at the buffer's end may start a \\u escape: count it as one.
                    if (end + 1 == n || buffer[end + 1] == 'u') escape = true;
                    from = end + 1;
                    continue;
                }
                if (end == n) {
                    carry(start, n);
                    pending = true;
                    break;
                }
                number++;
                if (pending) {
                    carry(start, end);
                    give(consumer, number, carried, 0, carriedLength, escape);
                    carriedLength = 0;
                    tooLong = false;
                    pending = false;
                } else {
                    give(consumer, number, buffer, start, end, escape);
                }
                escape = false;
                start = end + 1;
                from = start;
            }
        }
        if (pending) give(consumer, number + 1, carried, 0, carriedLength, escape);
    }

    private void carry(int from, int to) {
        if (tooLong || carriedLength + (to - from) > maxBytes + 5) { // the limit, a CR and a byte-order mark
            tooLong = true;
            return;
        }
        if (carriedLength + (to - from) > carried.length) {
            carried = Arrays.copyOf(carried, Math.max(2 * carried.length, carriedLength + (to - from)));
        }
        System.arraycopy(buffer, from, carried, carriedLength, to - from);
        carriedLength += to - from;
    }

    private void give(Consumer consumer, long number, byte[] bytes, int from, int to, boolean escape) {
        if (tooLong) {
            consumer.line(number, bytes, from, from, false);
            return;
        }
        if (number == 1 && to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
                && (bytes[from + 2] & 0xFF) == 0xBF) {
            from += 3;
        }
        if (to > from && bytes[to - 1] == '\r') to--;
        consumer.line(number, bytes, from, to, escape);
    }
}
