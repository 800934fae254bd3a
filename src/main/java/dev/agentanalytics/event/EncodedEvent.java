package dev.agentanalytics.event;

/**
 * An agent event on its way from the sources to the agent engine: the key it is partitioned by, and its fields in
 * the form {@link AgentEventSerializer} writes, decoded once, by the engine. A BATCH run reads each record from
 * the exchange, writes it into Flink's sort buffers and reads it back: as bytes, each of those is one copy, where
 * the event's own form makes some thirty pieces of text bytes and then Strings again, every time (docs/performance.md).
 */
public final class EncodedEvent {
    /** What the engine's input is partitioned by: the agent's ARN, or in BATCH its digest. */
    public String key;
    public byte[] fields;

    public EncodedEvent() {}

    public EncodedEvent(String key, byte[] fields) {
        this.key = key;
        this.fields = fields;
    }

    public static EncodedEvent of(String key, AgentEvent event) {
        return new EncodedEvent(key, AgentEventSerializer.encode(event));
    }

    public AgentEvent decode() {
        return AgentEventSerializer.decode(fields);
    }

    @Override
    public String toString() {
        return key + ": " + decode();
    }
}
