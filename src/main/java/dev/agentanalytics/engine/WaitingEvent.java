package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.AgentEventSerializer;

/**
 * One of the agent's events waiting for the watermark, kept in the agent's state ({@link AgentState#waiting}):
 * its timestamp, and its fields as {@link AgentEventSerializer} encodes them, without the record's payload. Under
 * RocksDB the state is read and written as bytes, so an event is decoded only when it is applied, or when a tie or
 * a duplicate needs its arrival; on the heap the decoded event stays with it (a snapshot's copy of the state
 * decodes it again).
 */
public final class WaitingEvent {
    public long eventTime;
    public byte[] fields;
    /** The decoded event, once read: not stored. */
    private transient AgentEvent decoded;

    public WaitingEvent() {}

    public WaitingEvent(long eventTime, byte[] fields) {
        this.eventTime = eventTime;
        this.fields = fields;
    }

    /**
     * {@code event} as it waits, from the {@code fields} it arrived in: encoded again only without its payload, which
     * was only needed had the event been late.
     */
    static WaitingEvent of(AgentEvent event, byte[] fields) {
        if (event.raw != null) {
            event.raw = null;
            fields = AgentEventSerializer.encode(event);
        }
        WaitingEvent waiting = new WaitingEvent(event.eventTime, fields);
        waiting.decoded = event;
        return waiting;
    }

    AgentEvent event() {
        if (decoded == null) decoded = AgentEventSerializer.decode(fields);
        return decoded;
    }
}
