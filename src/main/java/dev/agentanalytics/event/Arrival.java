package dev.agentanalytics.event;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Where a record stands in its input, so that events of one agent with the same {@code EventTimestamp} are applied
 * in the order they arrived, in every runtime mode and at every parallelism (docs/analytics.md §3.6): a Kinesis
 * record's sequence number in its shard, a replayed line's file (in input order) and line number, or the
 * simulator's record number.
 *
 * <p>An arrival is an unsigned big-endian number without leading zero bytes, compared by magnitude: a Kinesis
 * sequence number has up to 128 decimal digits, more than a {@code long} holds. Only ties compare arrivals, so the
 * cost is a few bytes per event on the wire and in the buffer of events waiting for the watermark.
 */
public final class Arrival {
    private static final byte[] UNKNOWN = new byte[0];

    private Arrival() {}

    /** Line {@code line} (from 1) of the input file at {@code fileIndex} (from 0) in the replay's file order. */
    public static byte[] ofLine(int fileIndex, long line) {
        byte[] bytes = new byte[12];
        for (int i = 0; i < 4; i++) bytes[i] = (byte) (fileIndex >>> (24 - 8 * i));
        for (int i = 0; i < 8; i++) bytes[4 + i] = (byte) (line >>> (56 - 8 * i));
        return withoutLeadingZeros(bytes);
    }

    /** The file index of an arrival made by {@link #ofLine}. */
    public static int fileOf(byte[] arrival) {
        long file = 0;
        for (int i = 0; i < arrival.length - Long.BYTES; i++) file = (file << 8) | (arrival[i] & 0xFF);
        return (int) file;
    }

    /** The line number of an arrival made by {@link #ofLine}. */
    public static long lineOf(byte[] arrival) {
        long line = 0;
        for (int i = Math.max(0, arrival.length - Long.BYTES); i < arrival.length; i++) {
            line = (line << 8) | (arrival[i] & 0xFF);
        }
        return line;
    }

    /** The {@code ordinal}-th record (from 0) of a single ordered input, such as the simulator. */
    public static byte[] ofOrdinal(long ordinal) {
        return ofLine(0, ordinal);
    }

    /** A Kinesis sequence number (decimal text); an absent or malformed one arrives before every other. */
    public static byte[] ofSequenceNumber(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty()) return UNKNOWN;
        try {
            BigInteger value = new BigInteger(sequenceNumber);
            return value.signum() < 0 ? UNKNOWN : withoutLeadingZeros(value.toByteArray());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** Negative when {@code a} arrived before {@code b}; null counts as the earliest. */
    public static int compare(byte[] a, byte[] b) {
        byte[] x = a == null ? UNKNOWN : a;
        byte[] y = b == null ? UNKNOWN : b;
        if (x.length != y.length) return Integer.compare(x.length, y.length);
        return Arrays.compareUnsigned(x, y);
    }

    private static byte[] withoutLeadingZeros(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && bytes[start] == 0) start++;
        return start == 0 ? bytes : Arrays.copyOfRange(bytes, start, bytes.length);
    }
}
