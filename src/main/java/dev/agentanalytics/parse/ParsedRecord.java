package dev.agentanalytics.parse;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;

/** What a source hands on for one record: exactly one of a valid event or a dead letter. */
public class ParsedRecord {
    public AgentEvent event;
    public DeadLetterRow deadLetter;
    /** Where in the source it came from (a Kinesis shard id): live watermarks are tracked per origin. */
    public String origin;

    public ParsedRecord() {}

    public static ParsedRecord valid(AgentEvent event) {
        ParsedRecord record = new ParsedRecord();
        record.event = event;
        return record;
    }

    public static ParsedRecord invalid(DeadLetterRow deadLetter) {
        ParsedRecord record = new ParsedRecord();
        record.deadLetter = deadLetter;
        return record;
    }

    /** Says where an invalid record was (its dead letter shows it); a valid one needs no more than its arrival. */
    public ParsedRecord at(String origin, String position) {
        if (deadLetter != null) deadLetter.at(origin, position);
        return this;
    }

    public boolean isValid() {
        return event != null;
    }

    /** Event time for watermarks; invalid records carry none and never move the watermark. */
    public long timestamp() {
        return event != null ? event.eventTime : Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        return isValid() ? event.toString() : deadLetter.toString();
    }
}
