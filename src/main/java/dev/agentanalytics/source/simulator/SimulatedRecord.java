package dev.agentanalytics.source.simulator;

/** One record as the simulated contact center sends it, before any parsing. */
public class SimulatedRecord {
    /** The record's bytes as they would arrive from the stream (normally a JSON agent event). */
    public byte[] payload;
    /** Epoch ms of the event's EventTimestamp; for a malformed record, the moment it is sent. */
    public long eventTime;
    /** The AgentARN (the stream's partition key); for a malformed record, the agent it pretends to be from. */
    public String partitionKey;

    public SimulatedRecord() {}

    public SimulatedRecord(byte[] payload, long eventTime, String partitionKey) {
        this.payload = payload;
        this.eventTime = eventTime;
        this.partitionKey = partitionKey;
    }
}
