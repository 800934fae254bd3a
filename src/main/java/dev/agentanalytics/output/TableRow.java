package dev.agentanalytics.output;

/** A row of one output table. */
public interface TableRow {
    /** The row's event time (UTC ISO-8601) that picks its {@code dt=}/{@code hour=} partition. */
    String partitionTimestamp();
}
