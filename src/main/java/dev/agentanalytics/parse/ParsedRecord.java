package dev.agentanalytics.parse;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;

/**
 * What a source hands on for one record: exactly one of a valid event or a dead letter; or, from the Kinesis
 * source only, a mark that a shard (an origin) starts or ends being read, for the watermarks.
 */
public class ParsedRecord {
    /** The Kinesis source's marks around the records of one shard. */
    public enum OriginMark { STARTS, ENDS }

    public AgentEvent event;
    public DeadLetterRow deadLetter;
    /** Where in the source it came from (a Kinesis shard id): live watermarks are tracked per origin. */
    public String origin;
    /** Set on a mark, which is no record of the input. */
    public OriginMark mark;

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

    /** A shard handed to this source subtask: its records come next. */
    public static ParsedRecord startOf(String origin) {
        return marked(origin, OriginMark.STARTS);
    }

    /** A closed shard read to its end: no record comes from it again. */
    public static ParsedRecord endOf(String origin) {
        return marked(origin, OriginMark.ENDS);
    }

    private static ParsedRecord marked(String origin, OriginMark mark) {
        ParsedRecord record = new ParsedRecord();
        record.origin = origin;
        record.mark = mark;
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

    public boolean isMark() {
        return mark != null;
    }

    /** Event time for watermarks; invalid records carry none and never move the watermark. */
    public long timestamp() {
        return event != null ? event.eventTime : Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        return isValid() ? event.toString() : isMark() ? origin + " " + mark : deadLetter.toString();
    }
}
