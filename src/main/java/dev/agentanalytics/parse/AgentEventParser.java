package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Turns one record as received into a compact {@link AgentEvent}, or into a dead letter naming exactly what is
 * wrong (docs/analytics.md §3.7). Never throws for bad input. One instance per source subtask; not thread-safe only in
 * the sense that it is not shared.
 */
public final class AgentEventParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RecordSettings settings;
    /** The fast path's scanner, reused for every record (made on first use: it is not serialized). */
    private transient ByteTokens tokens;

    public AgentEventParser(RecordSettings settings) {
        this.settings = settings;
    }

    /**
     * {@link #parse(byte[], int, int, long, long, byte[])} of a whole record in an array the caller gives away: the
     * event keeps the array itself as its payload.
     */
    public ParsedRecord parse(byte[] payload, long receivedAt, byte[] arrival) {
        return parse(payload, 0, payload.length, payload.length, receivedAt, arrival, true);
    }

    /**
     * Parses one record of {@code size} bytes, of which {@code bytes[offset, offset + length)} holds all, or (when
     * a source had to cut an oversized record) the first bytes; those bytes may be reused once this returns, and
     * what the result keeps of them is its own. {@code receivedAt} is the time the record was received (dead
     * letters are partitioned by it, live records must not claim to be much later); {@code arrival} is where it
     * stood in its input ({@link dev.agentanalytics.event.Arrival}).
     */
    public ParsedRecord parse(byte[] bytes, int offset, int length, long size, long receivedAt, byte[] arrival) {
        return parse(bytes, offset, length, size, receivedAt, arrival, false);
    }

    /**
     * Parses the record of the line that starts at {@code bytes[offset]}, before its end is known: the ordinary
     * record is read up to the line feed that ends it, so that a file's bytes are scanned once, not once for line
     * ends and again to parse. Returns null, having decided nothing, for any line the fast path cannot prove an
     * ordinary record (a line feed inside the JSON, anything after it on its line, no line feed before
     * {@code limit}, more than max-record-size bytes): the caller then finds the line's end and calls
     * {@link #parse(byte[], int, int, long, long, byte[])}, which decides it as before. Otherwise
     * {@link #lineEnd()} is the index of the line feed; the record is the line without it and without a CR before
     * it, as a line reader gives it.
     */
    public ParsedRecord parseLine(byte[] bytes, int offset, int limit, long receivedAt, byte[] arrival) {
        if (tokens == null) tokens = new ByteTokens();
        AgentEventReader.Read read = AgentEventReader.readFastLine(bytes, offset, limit, tokens);
        if (read == null) return null;
        int lineFeed = tokens.lineEnd();
        int length = lineFeed - offset;
        if (bytes[lineFeed - 1] == '\r') length--; // (the record ended before it: lineFeed > offset)
        if (length > settings.maxRecordBytes) return null;
        return decided(read, bytes, offset, length, length, receivedAt, arrival, false);
    }

    /** The line feed after the record of a {@link #parseLine} that returned one, until the next parse. */
    public int lineEnd() {
        return tokens.lineEnd();
    }

    /** {@code given}: the record is the whole array, and the caller's to give away. */
    private ParsedRecord parse(byte[] bytes, int offset, int length, long size, long receivedAt, byte[] arrival,
                               boolean given) {
        if (size > settings.maxRecordBytes) {
            return invalid(receivedAt, "record of " + size + " bytes is larger than max-record-size ("
                    + settings.maxRecordBytes + " bytes)", Arrays.copyOfRange(bytes, offset, offset + Math.min(length,
                    DeadLetterRow.KEPT_OF_OVERSIZED)), size, null);
        }
        if (tokens == null) tokens = new ByteTokens();
        AgentEventReader.Read read = AgentEventReader.readFast(bytes, offset, length, tokens); // an ordinary record
        if (read == null) {
            // Jackson reads an array of the record's own, which is then what the result keeps of it.
            byte[] payload = own(bytes, offset, length, given);
            bytes = payload;
            offset = 0;
            given = true;
            if (!Utf8.isValid(payload)) return invalid(receivedAt, "not JSON: not valid UTF-8", payload, size, null);
            try {
                read = AgentEventReader.readWithJackson(payload);
            } catch (JsonProcessingException e) {
                return invalid(receivedAt, "not JSON: " + e.getOriginalMessage(), payload, size, null);
            } catch (IOException e) {
                return invalid(receivedAt, "not JSON: " + e.getMessage(), payload, size, null);
            }
        }
        return decided(read, bytes, offset, length, size, receivedAt, arrival, given);
    }

    /** The record read as JSON (by either path), now judged as an agent event. */
    private ParsedRecord decided(AgentEventReader.Read read, byte[] bytes, int offset, int length, long size,
                                 long receivedAt, byte[] arrival, boolean given) {
        String problem = validate(read);
        if (problem != null) return invalid(receivedAt, problem, own(bytes, offset, length, given), size, read);
        AgentEvent event = read.event;
        event.agentArn = read.agentArn.text;
        event.eventType = read.eventType.text;
        event.eventTime = ConnectTimestamps.parse(read.eventTimestamp.text);
        problem = aheadOfArrival(event.eventTime, receivedAt);
        if (problem != null) return invalid(receivedAt, problem, own(bytes, offset, length, given), size, read);
        // A valid event's payload is only ever used by its late_events row (RecordSettings.latePayloads).
        event.raw = settings.latePayloads ? own(bytes, offset, length, given) : null;
        event.arrival = arrival;
        return ParsedRecord.valid(event);
    }

    /** The record's bytes in an array of their own: the array itself when the caller gave it away. */
    private static byte[] own(byte[] bytes, int offset, int length, boolean given) {
        return given ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** Live: an event claiming to be from well after its arrival would drag event time ahead for every agent. */
    private String aheadOfArrival(long eventTimestamp, long receivedAt) {
        long ahead = eventTimestamp - receivedAt;
        if (settings.maxEventAheadMs <= 0 || ahead <= settings.maxEventAheadMs) return null;
        return "EventTimestamp is " + ahead / 1000 + " s after the record's arrival (max-event-ahead "
                + settings.maxEventAheadMs / 1000 + " s)";
    }

    private ParsedRecord invalid(long receivedAt, String reason, byte[] kept, long size, AgentEventReader.Read read) {
        DeadLetterRow row = DeadLetterRow.of(receivedAt, reason, kept, size, settings.keepPayloads);
        if (read != null && read.notAnObject == null) {
            row.agentArn = read.agentArn.text;
            row.eventId = read.event.eventId;
        }
        return ParsedRecord.invalid(row);
    }

    /** The reason the record is not a valid agent event, or null when it is one. */
    private static String validate(AgentEventReader.Read read) {
        if (read.empty) return "not JSON: empty record";
        if (read.notAnObject != null) return "not a JSON object: " + read.notAnObject;
        String problem = requireString(read.agentArn, "AgentARN");
        if (problem == null) problem = requireString(read.eventType, "EventType");
        if (problem == null) problem = requireString(read.eventTimestamp, "EventTimestamp");
        if (problem != null) return problem;
        if (ConnectTimestamps.parse(read.eventTimestamp.text) == null) {
            return "EventTimestamp " + read.eventTimestamp.json() + " is not ISO-8601";
        }
        return null;
    }

    private static String requireString(AgentEventReader.Field value, String field) {
        if (value.otherJson != null) {
            if ("EventTimestamp".equals(field)) return "EventTimestamp " + value.otherJson + " is not ISO-8601";
            return field + " is not a string: " + value.otherJson;
        }
        return value.text == null ? "missing " + field : null;
    }
}
