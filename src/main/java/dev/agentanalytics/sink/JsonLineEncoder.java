package dev.agentanalytics.sink;

import java.util.Arrays;
import org.apache.flink.formats.json.JsonSerializationSchema;

/**
 * One row as one line of JSON ({@link RowJson}), newline included: a plain row written directly
 * ({@link PlainRowWriter}), any other through Jackson; the bytes are the same either way. One per sink subtask,
 * shared by all its part files' writers (they run in the subtask's one thread): a mapper and a row class's field
 * list are built once, not for every part.
 */
final class JsonLineEncoder<T> {
    private static final byte[] NEWLINE = {'\n'};

    private final JsonSerializationSchema<T> schema = RowJson.schema();
    private boolean opened;
    /** The rows' class, and its plain writer (null when its rows always go through Jackson). */
    private Class<?> rowClass;
    private PlainRowWriter plain;
    private byte[] line = new byte[1024];
    private int length;

    /** Encodes {@code row} into {@link #bytes()}, {@link #length()} of them. */
    void encode(T row) {
        if (!opened) {
            schema.open(null); // only builds the mapper
            opened = true;
        }
        if (row.getClass() != rowClass) {
            rowClass = row.getClass();
            plain = PlainRowWriter.of(rowClass, RowJson.mapper());
        }
        length = 0;
        if (plain != null && writtenPlain(row)) {
            append(plain.bytes(), plain.length());
        } else {
            byte[] json = schema.serialize(row);
            append(json, json.length);
        }
        append(NEWLINE, 1);
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    private void append(byte[] bytes, int count) {
        if (length + count > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        System.arraycopy(bytes, 0, line, length, count);
        length += count;
    }

    private boolean writtenPlain(T row) {
        try {
            return plain.write(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public field of " + rowClass + " not readable", e);
        }
    }
}
