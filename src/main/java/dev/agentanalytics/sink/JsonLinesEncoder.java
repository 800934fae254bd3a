package dev.agentanalytics.sink;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.formats.json.JsonSerializationSchema;

/**
 * One row, one line of JSON ({@link RowJson}): a plain row written directly ({@link PlainRowWriter}), any other
 * through Jackson; the bytes are the same either way.
 */
public class JsonLinesEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    private final JsonSerializationSchema<T> schema = RowJson.schema();
    private transient boolean opened;
    /** The rows' class, and its plain writer (null when its rows always go through Jackson). */
    private transient Class<?> rowClass;
    private transient PlainRowWriter plain;

    @Override
    public void encode(T row, OutputStream stream) throws IOException {
        if (!opened) {
            schema.open(null); // only builds the mapper
            opened = true;
        }
        if (row.getClass() != rowClass) {
            rowClass = row.getClass();
            plain = PlainRowWriter.of(rowClass, RowJson.mapper());
        }
        if (plain != null && writtenPlain(row)) {
            stream.write(plain.bytes(), 0, plain.length());
        } else {
            stream.write(schema.serialize(row));
        }
        stream.write('\n');
    }

    private boolean writtenPlain(T row) {
        try {
            return plain.write(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public field of " + rowClass + " not readable", e);
        }
    }
}
