package dev.agentanalytics.output;

/** {@code dead_letters}: a record that is not a valid agent event, kept whole with the reason. */
public class DeadLetterRow implements TableRow {
    public static final String UTF_8 = "utf-8";
    public static final String BASE64 = "base64";

    public String receivedAt;
    public String reason;
    /** The record as received: its text, or base64 when it is not valid UTF-8 ({@code payload_encoding}). */
    public String payload;
    public String payloadEncoding;

    public DeadLetterRow() {}

    public DeadLetterRow(long receivedAt, String reason, String payload, String payloadEncoding) {
        this.receivedAt = UtcTimes.iso(receivedAt);
        this.reason = reason;
        this.payload = payload;
        this.payloadEncoding = payloadEncoding;
    }

    @Override
    public String partitionTimestamp() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "dead letter (" + reason + "): " + payload;
    }
}
