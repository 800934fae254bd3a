package dev.agentanalytics.sink;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.formats.json.JsonSerializationSchema;

/** One row, one line of JSON. */
public class JsonLinesEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    private final JsonSerializationSchema<T> schema = RowJson.schema();
    private transient boolean opened;

    @Override
    public void encode(T row, OutputStream stream) throws IOException {
        if (!opened) {
            schema.open(null); // only builds the mapper
            opened = true;
        }
        stream.write(schema.serialize(row));
        stream.write('\n');
    }
}
