package dev.agentanalytics.topology;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The topology hands each table's rows here; production writes files, tests collect. */
public interface TableSinks {
    <T extends TableRow> void write(OutputTable table, DataStream<T> rows);
}
