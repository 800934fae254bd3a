package dev.agentanalytics.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Fills a buffer from a file's stream, from the buffer's start, as far as the file goes; 0 at its end. A stream may
 * give much less per read (a gzip stream gives a few KB). A read error after some bytes is held until the next fill,
 * so that the whole lines before it come first: the replay's reader ({@link JsonLinesFormat}) and the scan before a
 * STREAMING replay ({@link Lines}) see the same lines of a file cut off.
 */
final class BufferFills {
    private final InputStream in;
    private IOException readError;

    BufferFills(InputStream in) {
        this.in = in;
    }

    int fill(byte[] buffer) throws IOException {
        if (readError != null) throw readError;
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) break;
                filled += n;
            }
        } catch (IOException e) {
            if (filled == 0) throw e;
            readError = e;
        }
        return filled;
    }
}
