package dev.agentanalytics.output;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code dead_letters}: a record that is not a valid agent event, with the reason, where it was, and the record
 * itself (docs/analytics.md §4.7).
 */
public class DeadLetterRow implements TableRow {
    public static final String UTF_8 = "utf-8";
    public static final String BASE64 = "base64";
    /** What the dead letter of an oversized record keeps of it. */
    public static final int KEPT_OF_OVERSIZED = 1024;

    public String receivedAt;
    public String reason;
    /** Where the record came from: the Kinesis shard, the replayed file, or "simulator". */
    public String origin;
    /** Its place there: the sequence number, or the line number. */
    public String position;
    /** {@code AgentARN} and {@code EventId} when the record is a JSON object that has them as text. */
    public String agentArn;
    public String eventId;
    /** The record's size as received. */
    public long payloadBytes;
    /**
     * The record as received: its text, or base64 when it is not valid UTF-8 ({@code payload_encoding}); only its
     * first {@link #KEPT_OF_OVERSIZED} bytes when it is larger than the size limit; null when payloads are not kept.
     */
    public String payload;
    public String payloadEncoding;

    public DeadLetterRow() {}

    /**
     * A dead letter keeping {@code kept} of a record of {@code size} bytes: the whole record, or the start of an
     * oversized one.
     */
    public static DeadLetterRow of(long receivedAt, String reason, byte[] kept, long size, boolean keepPayload) {
        DeadLetterRow row = new DeadLetterRow();
        row.receivedAt = UtcTimes.iso(receivedAt);
        row.reason = reason;
        row.payloadBytes = size;
        if (keepPayload) {
            String text = utf8(kept);
            row.payload = text != null ? text : Base64.getEncoder().encodeToString(kept);
            row.payloadEncoding = text != null ? UTF_8 : BASE64;
        }
        return row;
    }

    /** Sets where the record was. */
    public DeadLetterRow at(String origin, String position) {
        this.origin = origin;
        this.position = position;
        return this;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String partitionTimestamp() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "dead letter (" + reason + ") at " + origin + ":" + position + ": " + payload;
    }
}
