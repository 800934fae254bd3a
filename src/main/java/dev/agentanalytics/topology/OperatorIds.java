package dev.agentanalytics.topology;

/**
 * Every operator's uid, in one place. Savepoints map state to operators by these ids: never change one of a
 * stateful operator without a migration (docs/deployment.md, "Upgrades").
 */
public final class OperatorIds {
    public static final String KINESIS_SOURCE = "kinesis-source";
    public static final String FILE_SOURCE = "file-source";
    public static final String SIMULATOR_SOURCE = "simulator-source";
    public static final String EVENT_TIMESTAMPS = "event-timestamps";
    public static final String RECORD_ROUTER = "record-router";
    public static final String END_OF_INPUT = "end-of-input";
    public static final String EVENT_ENCODER = "event-encoder";
    public static final String AGENT_ENGINE = "agent-engine";
    public static final String QUEUE_SHARE_COMBINER = "queue-share-combiner";
    public static final String QUEUE_METRICS = "queue-metrics";
    public static final String ALERT_STREAM_SINK = "alert-stream-sink";

    private OperatorIds() {}

    public static String fileSink(String table) {
        return "file-sink-" + table;
    }

    public static String consoleFormat(String table) {
        return "console-format-" + table;
    }

    public static String consoleSink(String table) {
        return "console-sink-" + table;
    }
}
