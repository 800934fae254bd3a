package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of parsing: a record's tokens read straight from its bytes, for the ordinary record, a root object
 * of plain JSON. It accepts only what is certainly JSON as Jackson reads it (with the duplicate-field check) and
 * gives the same names and texts; anything else, an error or merely something unusual (an escape in a string, a
 * deep nesting, a long number, an object of many fields, a value the reason must quote), throws {@link Undecided}
 * and {@link JacksonTokens} reads the record again and decides. So a reason's words are always Jackson's, and this
 * class needs no error handling of its own.
 *
 * <p>Why not Jackson alone: a record is kilobytes of long strings (ARNs) and few values the job uses; Jackson
 * decodes every string it is asked for through a character buffer and hashes every field name into its symbol
 * table, which was most of the parse. Here a string is passed eight bytes at a time ({@link ByteScan}), a field name
 * becomes a String only when the reader asks for it (from a small cache of the names seen before), and a duplicate
 * field is found by comparing a name's bytes with its siblings'.
 *
 * <p>One instance per parser, reused for every record ({@link #reset}, {@link #resetLine}); not thread-safe.
 */
final class ByteTokens implements RecordTokens {
    /** The fast path cannot decide this record: Jackson reads it. No stack trace: it is not an error. */
    static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Undecided() {
            super("left to Jackson", null, false, false);
        }
    }

    private static final Undecided UNDECIDED = new Undecided();

    /** Deeper records are left to Jackson (which refuses more than 1000 levels); real ones have 6. */
    private static final int MAX_DEPTH = 32;
    /** Objects with more fields are left to Jackson, so the duplicate check here stays a short scan. */
    private static final int MAX_FIELDS = 48;
    /** Longer numbers are left to Jackson (which limits them to 1000 characters). */
    private static final int MAX_NUMBER_LENGTH = 64;
    /** Longer names are left to Jackson (which limits them to 50,000 bytes); real ones have up to 30. */
    private static final int MAX_NAME_LENGTH = 256;
    /** Longer strings are left to Jackson (which limits them to 20 million characters); real ones have 130 bytes. */
    private static final int MAX_STRING_LENGTH = 1 << 20;

    /** What comes next in the innermost container. */
    private static final int FIRST = 0;
    private static final int AFTER_NAME = 1;
    private static final int AFTER_VALUE = 2;

    private byte[] bytes;
    private int position;
    private int end;
    /**
     * The byte that counts as white space besides space, tab and CR: the line feed, except when reading a line
     * whose end is not known yet ({@link #resetLine}), where a line feed ends the record instead (and the space
     * stands in for it, so that the test costs nothing more).
     */
    private byte lineFeedOrSpace;
    /** Reading a line whose end is not known yet: the root object must be followed by its line's end. */
    private boolean untilLineEnd;
    private JsonToken current;
    private boolean ended;
    private int state;
    /** Open containers: 1 is the root object. */
    private int depth;
    private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
    /** The field names of every open object, each object's after its parent's: where each starts. */
    private final int[] namesFrom = new int[MAX_DEPTH + 1];
    private final int[] nameStart = new int[MAX_DEPTH * MAX_FIELDS];
    private final int[] nameLength = new int[MAX_DEPTH * MAX_FIELDS];
    private final int[] nameHash = new int[MAX_DEPTH * MAX_FIELDS];
    private int names;
    /** The current name's or string's bytes, without the quotes. */
    private int tokenStart;
    private int tokenLength;
    /** Whether the current name or string is all ASCII. */
    private boolean tokenAscii;
    /** The current name's hash (of its bytes and length). */
    private int tokenHash;
    private final NameCache nameCache = new NameCache();

    /** Starts on a new record, {@code bytes[offset, offset + length)}. */
    void reset(byte[] bytes, int offset, int length) {
        start(bytes, offset, offset + length, false);
    }

    /**
     * Starts on a record that begins a line at {@code bytes[offset]}, its end not known yet: the line ends at the
     * first line feed before {@code limit}. The record is decided only if it is the whole line (white space but no
     * line feed in it, then white space after it up to the line feed); then {@link #lineEnd()} is the line feed's
     * index. Anything else (a line feed inside it, text after it, no line feed before {@code limit}) is undecided,
     * so the caller reads the line as a line: a line feed always ends a record, as when lines are found first.
     */
    void resetLine(byte[] bytes, int offset, int limit) {
        start(bytes, offset, limit, true);
    }

    /** The index of the line feed that ends the record of {@link #resetLine}, once the record has been read. */
    int lineEnd() {
        return position;
    }

    private void start(byte[] bytes, int offset, int end, boolean untilLineEnd) {
        this.bytes = bytes;
        position = offset;
        this.end = end;
        this.untilLineEnd = untilLineEnd;
        lineFeedOrSpace = untilLineEnd ? (byte) ' ' : (byte) '\n';
        current = null;
        ended = false;
        state = FIRST;
        depth = 0;
        names = 0;
    }

    @Override
    public JsonToken next() {
        if (ended) return current = null;
        byte b = peek();
        if (depth == 0) { // the root: an object, or Jackson decides
            if (b != '{') throw UNDECIDED;
            position++;
            return open(true, JsonToken.START_OBJECT);
        }
        if (state == AFTER_VALUE) {
            if (b != ',') return close(b);
            position++;
            b = peek();
        } else if (state == FIRST && (b == '}' || b == ']')) {
            return close(b);
        }
        if (isObject[depth] && state != AFTER_NAME) return name(b);
        return value(b);
    }

    private JsonToken open(boolean object, JsonToken token) {
        if (depth == MAX_DEPTH) throw UNDECIDED;
        depth++;
        isObject[depth] = object;
        namesFrom[depth] = names;
        state = FIRST;
        return current = token;
    }

    private JsonToken close(byte b) {
        boolean object = isObject[depth];
        if (b != (object ? '}' : ']')) throw UNDECIDED;
        position++;
        names = namesFrom[depth];
        depth--;
        state = AFTER_VALUE;
        if (depth == 0) { // the root value is read: only white space may follow
            skipWhitespace();
            if (untilLineEnd ? position == end || bytes[position] != '\n' : position != end) throw UNDECIDED;
            ended = true;
        }
        return current = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    private JsonToken name(byte b) {
        if (b != '"') throw UNDECIDED;
        int start = position + 1;
        int length = stringEnd(start) - start;
        if (length > MAX_NAME_LENGTH) throw UNDECIDED;
        int hash = length == 0 ? 0 : length * 961 + bytes[start] * 31 + bytes[start + length - 1]
                + (length > 2 ? bytes[start + length / 2] << 16 : 0);
        int from = namesFrom[depth];
        if (names - from == MAX_FIELDS) throw UNDECIDED;
        for (int i = from; i < names; i++) { // a duplicate: Jackson says so
            if (nameHash[i] == hash && nameLength[i] == length && Arrays.equals(bytes, nameStart[i],
                    nameStart[i] + length, bytes, start, start + length)) {
                throw UNDECIDED;
            }
        }
        nameStart[names] = start;
        nameLength[names] = length;
        nameHash[names] = hash;
        names++;
        tokenStart = start;
        tokenLength = length;
        tokenHash = hash;
        position = start + length + 1;
        if (peek() != ':') throw UNDECIDED;
        position++;
        state = AFTER_NAME;
        return current = JsonToken.FIELD_NAME;
    }

    private JsonToken value(byte b) {
        switch (b) {
            case '{':
                position++;
                return open(true, JsonToken.START_OBJECT);
            case '[':
                position++;
                return open(false, JsonToken.START_ARRAY);
            case '"':
                tokenStart = position + 1;
                position = stringEnd(tokenStart);
                tokenLength = position - tokenStart;
                position++;
                return scalar(JsonToken.VALUE_STRING);
            case 't':
                return literal("true", JsonToken.VALUE_TRUE);
            case 'f':
                return literal("false", JsonToken.VALUE_FALSE);
            case 'n':
                return literal("null", JsonToken.VALUE_NULL);
            default:
                return number();
        }
    }

    private JsonToken scalar(JsonToken token) {
        state = AFTER_VALUE;
        return current = token;
    }

    /**
     * The closing quote's index; an escape, a control character, bytes that are not UTF-8 or the end of the input
     * are left to Jackson. Sets {@link #tokenAscii}.
     */
    private int stringEnd(int start) {
        boolean ascii = true;
        int i = start;
        while (true) {
            int stop = ByteScan.indexOfStringStop(bytes, i, end);
            if (stop == end) throw UNDECIDED;
            byte b = bytes[stop];
            if (b == '"') {
                if (stop - start > MAX_STRING_LENGTH) throw UNDECIDED;
                tokenAscii = ascii;
                return stop;
            }
            if (b >= 0) throw UNDECIDED; // a backslash or a control character
            i = Utf8.sequenceEnd(bytes, stop, end);
            if (i < 0) throw UNDECIDED; // not UTF-8: the parser's own check names it
            ascii = false;
        }
    }

    private JsonToken literal(String word, JsonToken token) {
        int length = word.length();
        if (position + length > end) throw UNDECIDED;
        for (int i = 0; i < length; i++) {
            if (bytes[position + i] != word.charAt(i)) throw UNDECIDED;
        }
        position += length; // a letter right after it is no separator: the next token refuses it
        return scalar(token);
    }

    /** JSON's number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, nothing looser. */
    private JsonToken number() {
        int start = position;
        if (byteAt(position) == '-') position++;
        byte first = byteAt(position);
        if (first == '0') {
            position++;
        } else if (first >= '1' && first <= '9') {
            digits();
        } else {
            throw UNDECIDED;
        }
        boolean integer = true;
        if (position < end && bytes[position] == '.') {
            position++;
            requireDigit();
            digits();
            integer = false;
        }
        if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
            position++;
            if (position < end && (bytes[position] == '+' || bytes[position] == '-')) position++;
            requireDigit();
            digits();
            integer = false;
        }
        if (position - start > MAX_NUMBER_LENGTH) throw UNDECIDED;
        return scalar(integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT);
    }

    private void requireDigit() {
        byte b = byteAt(position);
        if (b < '0' || b > '9') throw UNDECIDED;
    }

    private void digits() {
        while (position < end && bytes[position] >= '0' && bytes[position] <= '9') position++;
    }

    /** The next byte that is not white space (records rarely have any). */
    private byte peek() {
        if (position < end) {
            byte b = bytes[position];
            if (b > ' ') return b;
        }
        skipWhitespace();
        return byteAt(position);
    }

    /**
     * JSON's white space: space, tab, line feed (but see {@link #lineFeedOrSpace}), carriage return. Any other byte
     * is for the next token to judge.
     */
    private void skipWhitespace() {
        while (position < end) {
            byte b = bytes[position];
            if (b != ' ' && b != lineFeedOrSpace && b != '\r' && b != '\t') return;
            position++;
        }
    }

    private byte byteAt(int index) {
        if (index >= end) throw UNDECIDED; // the input ends inside the value
        return bytes[index];
    }

    @Override
    public JsonToken current() {
        return current;
    }

    @Override
    public String name() {
        return nameCache.name(bytes, tokenStart, tokenLength, tokenHash, tokenAscii);
    }

    @Override
    public String text() {
        return new String(bytes, tokenStart, tokenLength,
                tokenAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    @Override
    public void skipChildren() {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) return;
        int outside = depth - 1;
        while (depth > outside) next();
    }

    @Override
    public String valueJson() {
        throw UNDECIDED; // a value of the wrong type, for a reason: Jackson writes it
    }

    /**
     * The field names the reader asks for, as Strings made once: a stream has a few dozen distinct names, and a
     * record asks for about a hundred. A name that misses (or collides) is decoded and takes the slot.
     */
    private static final class NameCache {
        private static final int SLOTS = 256;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];

        String name(byte[] bytes, int start, int length, int hash, boolean ascii) {
            int slot = (hash ^ hash >>> 8) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, bytes, start, start + length)) return values[slot];
            String name = new String(bytes, start, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(bytes, start, start + length);
            values[slot] = name;
            return name;
        }
    }
}
