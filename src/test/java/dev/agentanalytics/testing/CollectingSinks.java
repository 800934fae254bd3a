package dev.agentanalytics.testing;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import dev.agentanalytics.topology.TableSinks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;

/**
 * Sinks that collect every table's rows in this JVM (MiniCluster tests), each row with the wall-clock time it
 * reached the sink. One instance per test: rows are kept under a per-instance id.
 */
public final class CollectingSinks implements TableSinks {
    /** A row and the wall-clock time it arrived. */
    public static final class Arrival {
        public final TableRow row;
        public final long arrivedAtMillis;

        Arrival(TableRow row, long arrivedAtMillis) {
            this.row = row;
            this.arrivedAtMillis = arrivedAtMillis;
        }
    }

    private static final Map<String, List<Arrival>> ROWS = new ConcurrentHashMap<>();
    private final String id = java.util.UUID.randomUUID().toString();

    @Override
    public <T extends TableRow> void write(OutputTable table, DataStream<T> rows) {
        String key = id + "/" + table.tableName();
        ROWS.put(key, new CopyOnWriteArrayList<>());
        rows.addSink(new Collect<>(key)).uid("collect-" + table.tableName()).name("collect " + table.tableName());
    }

    public List<Arrival> rows(OutputTable table) {
        return ROWS.getOrDefault(id + "/" + table.tableName(), List.of());
    }

    private static final class Collect<T extends TableRow> implements SinkFunction<T> {
        private static final long serialVersionUID = 1L;
        private final String key;

        Collect(String key) {
            this.key = key;
        }

        @Override
        public void invoke(T row, Context context) {
            ROWS.get(key).add(new Arrival(row, System.currentTimeMillis()));
        }
    }
}
