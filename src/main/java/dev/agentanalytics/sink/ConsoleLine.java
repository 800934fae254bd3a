package dev.agentanalytics.sink;

import dev.agentanalytics.output.TableRow;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.json.JsonSerializationSchema;

/** A row as one console line: the table name, then the row's JSON. */
class ConsoleLine<T extends TableRow> extends RichMapFunction<T, String> {
    private static final long serialVersionUID = 1L;

    private final String table;
    private transient JsonSerializationSchema<T> json;

    ConsoleLine(String table) {
        this.table = table;
    }

    @Override
    public void open(Configuration parameters) {
        json = RowJson.schema();
        json.open(null); // only builds the mapper
    }

    @Override
    public String map(T row) {
        return table + " " + new String(json.serialize(row), StandardCharsets.UTF_8);
    }
}
