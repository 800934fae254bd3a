package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.AgentEventSerializer;

/**
 * One of the agent's events waiting for the watermark, kept in the agent's state ({@link AgentState#waiting}):
 * its timestamp, and its fields as {@link AgentEventSerializer} encodes them, without the record's payload. It is
 * decoded when it is applied, or when a tie or a duplicate needs its arrival, and the decoded event stays with it,
 * but in the states a live engine keeps on the heap on RocksDB ({@link AgentStates}): kept there for seconds,
 * decoded events were old-generation garbage (the collector's samples of a (d) profile went from 143 to 1,233 of
 * 9,477; docs/performance.md). One array of bytes is nothing to the collector.
 *
 * <p>An entry without fields stands for an instant whose events wait in the engine's overflow map state instead
 * ({@code AgentEngineFunction.OVERFLOW}, state layout v4): all of that instant's events, in the order they apply.
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

    /** The entry for an instant whose events wait in the overflow map state. */
    static WaitingEvent inOverflowAt(long eventTime) {
        return new WaitingEvent(eventTime, null);
    }

    boolean inOverflow() {
        return fields == null;
    }

    /** The event itself; never asked of an entry {@link #inOverflow()}. */
    AgentEvent event() {
        if (decoded == null) decoded = AgentEventSerializer.decode(fields);
        return decoded;
    }

    /** Drops the decoded event: it is decoded again if needed. */
    void forgetDecoded() {
        decoded = null;
    }
}
