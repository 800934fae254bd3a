package dev.agentanalytics.parse;

/**
 * Strict UTF-8 validation in place, without decoding: the parser reads the bytes themselves, and Jackson does not
 * check the bytes of the strings it skips. Rejects what Java's decoder rejects (a stray or missing continuation
 * byte, an overlong form, an encoded surrogate, a code point above U+10FFFF).
 */
final class Utf8 {
    private Utf8() {}

    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            i = ByteScan.skipAsciiWords(bytes, i, n); // almost the whole of every record
            if (i == n) break;
            if (bytes[i] >= 0) { // ASCII, the whole of almost every record
                i++;
                continue;
            }
            i = sequenceEnd(bytes, i, n);
            if (i < 0) return false;
        }
        return true;
    }

    /**
     * The index after the multi-byte sequence that starts at {@code i} (a byte that is not ASCII) in
     * {@code bytes[.., n)}, or -1 when it is not valid UTF-8.
     */
    static int sequenceEnd(byte[] bytes, int i, int n) {
        int b = bytes[i] & 0xFF;
        if (b < 0xC2) return -1; // a continuation byte first, or an overlong 2-byte form
        if (b < 0xE0) {
            if (i + 1 >= n || !continuation(bytes[i + 1])) return -1;
            return i + 2;
        }
        if (b < 0xF0) {
            if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) return -1;
            int second = bytes[i + 1] & 0xFF;
            if (b == 0xE0 && second < 0xA0) return -1; // overlong
            if (b == 0xED && second >= 0xA0) return -1; // a surrogate
            return i + 3;
        }
        if (b < 0xF5) {
            if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                    || !continuation(bytes[i + 3])) {
                return -1;
            }
            int second = bytes[i + 1] & 0xFF;
            if (b == 0xF0 && second < 0x90) return -1; // overlong
            if (b == 0xF4 && second >= 0x90) return -1; // above U+10FFFF
            return i + 4;
        }
        return -1;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
