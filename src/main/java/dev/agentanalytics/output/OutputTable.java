package dev.agentanalytics.output;

/** Every table the job writes: the folder name under the output path and the row type. */
public enum OutputTable {
    AGENT_STATUS("agent_status", AgentStatusRow.class),
    AGENT_ACTIVITY("agent_activity", AgentActivityRow.class),
    CONTACTS("contacts", ContactRow.class),
    QUEUE_METRICS("queue_metrics", QueueMetricsRow.class),
    ALERTS("alerts", AlertRow.class),
    LATE_EVENTS("late_events", LateEventRow.class),
    DEAD_LETTERS("dead_letters", DeadLetterRow.class);

    private final String tableName;
    private final Class<? extends TableRow> rowType;

    OutputTable(String tableName, Class<? extends TableRow> rowType) {
        this.tableName = tableName;
        this.rowType = rowType;
    }

    public String tableName() {
        return tableName;
    }

    public Class<? extends TableRow> rowType() {
        return rowType;
    }
}
