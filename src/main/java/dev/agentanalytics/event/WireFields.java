package dev.agentanalytics.event;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The pieces the job's own serializers are written with ({@link AgentEventSerializer} for events,
 * {@link EncodedEventSerializer} for them on their way to the engine, {@code engine.AgentStateSerializerV5} for the
 * agent's state): text, counts and byte arrays, each with null.
 */
public final class WireFields {
    private static final int NULL = 0;
    private static final int ASCII = 1;
    private static final int OTHER_TEXT = 2;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = '?' * ONES;
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[2048]});

    private WireFields() {}

    /** Text: null, ASCII bytes in one piece, or (any other character) Flink's own char-by-char encoding. */
    public static void writeText(String text, DataOutputView out) throws IOException {
        if (text == null) {
            out.writeByte(NULL);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (isAscii(bytes)) {
            out.writeByte(ASCII);
            writeCount(bytes.length, out);
            out.write(bytes);
        } else {
            out.writeByte(OTHER_TEXT);
            StringValue.writeString(text, out);
        }
    }

    public static String readText(DataInputView in) throws IOException {
        int kind = in.readByte();
        if (kind == NULL) return null;
        if (kind == OTHER_TEXT) return StringValue.readString(in);
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * ISO-8859-1 turns any other character into '?', itself ASCII: only true ASCII text has no '?' it did not have.
     * Eight bytes at a time: a byte with its high bit set, or a zero byte after xor with '?' (exact for "any").
     */
    static boolean isAscii(byte[] latin1) {
        int i = 0;
        int n = latin1.length;
        while (i + 8 <= n) {
            long word = (long) WORDS.get(latin1, i);
            long question = word ^ QUESTION_MARKS;
            if (((word | ((question - ONES) & ~question)) & HIGH_BITS) != 0) return false;
            i += 8;
        }
        for (; i < n; i++) {
            byte b = latin1[i];
            if (b < 0 || b == '?') return false;
        }
        return true;
    }

    /** Moves a text as {@link #writeText} wrote it, without making it a String. */
    public static void copyText(DataInputView in, DataOutputView out) throws IOException {
        int kind = in.readByte();
        out.writeByte(kind);
        if (kind == OTHER_TEXT) {
            StringValue.copyString(in, out);
        } else if (kind == ASCII) {
            int n = readCount(in);
            writeCount(n, out);
            copy(n, in, out);
        }
    }

    /** Moves a byte array as {@link #writeBytes} wrote it. */
    public static void copyBytes(DataInputView in, DataOutputView out) throws IOException {
        int count = readCount(in);
        writeCount(count, out);
        if (count > 1) copy(count - 1, in, out);
    }

    /** Through an array of the thread's: a DataOutputSerializer does not grow for write(DataInputView, int). */
    private static void copy(int n, DataInputView in, DataOutputView out) throws IOException {
        byte[][] scratch = SCRATCH.get();
        if (scratch[0].length < n) scratch[0] = new byte[Math.max(n, scratch[0].length * 2)];
        in.readFully(scratch[0], 0, n);
        out.write(scratch[0], 0, n);
    }

    public static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        if (bytes == null) {
            writeCount(0, out);
            return;
        }
        writeCount(bytes.length + 1, out);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputView in) throws IOException {
        int n = readCount(in) - 1;
        if (n < 0) return null;
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** A non-negative int in 1 to 5 bytes, 7 bits each. */
    public static void writeCount(int n, DataOutputView out) throws IOException {
        int rest = n;
        while (rest >= 0x80) {
            out.writeByte((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    public static int readCount(DataInputView in) throws IOException {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7F) << shift;
            if (b < 0x80) return n;
        }
    }

    /**
     * A long in 1 to 10 bytes, 7 bits each, its sign folded into the lowest bit: durations and counts, which are
     * small, take one to four bytes instead of eight.
     */
    public static void writeVarLong(long value, DataOutputView out) throws IOException {
        long rest = (value << 1) ^ (value >> 63);
        while ((rest & ~0x7FL) != 0) {
            out.writeByte((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    public static long readVarLong(DataInputView in) throws IOException {
        long folded = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            folded |= (long) (b & 0x7F) << shift;
            if (b < 0x80) return (folded >>> 1) ^ -(folded & 1);
        }
    }

    /** A nullable array's length, as a count one higher (0: null). */
    public static void writeLength(Object[] array, DataOutputView out) throws IOException {
        writeCount(array == null ? 0 : array.length + 1, out);
    }

    /** The length {@link #writeLength} wrote, or -1 for null. */
    public static int readLength(DataInputView in) throws IOException {
        return readCount(in) - 1;
    }

    public static void writeLongs(long[] values, DataOutputView out) throws IOException {
        writeCount(values == null ? 0 : values.length + 1, out);
        if (values == null) return;
        for (long value : values) out.writeLong(value);
    }

    public static long[] readLongs(DataInputView in) throws IOException {
        int n = readCount(in) - 1;
        if (n < 0) return null;
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = in.readLong();
        return values;
    }

    public static void writeNullableLong(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeLong(value);
    }

    public static Long readNullableLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** Routing profile and hierarchy names; a null grouping stays null. */
    public static void writeGrouping(Grouping g, DataOutputView out) throws IOException {
        out.writeBoolean(g != null);
        if (g == null) return;
        writeText(g.routingProfileName, out);
        writeText(g.hierarchyLevel1, out);
        writeText(g.hierarchyLevel2, out);
        writeText(g.hierarchyLevel3, out);
        writeText(g.hierarchyLevel4, out);
        writeText(g.hierarchyLevel5, out);
    }

    public static Grouping readGrouping(DataInputView in) throws IOException {
        if (!in.readBoolean()) return null;
        Grouping g = new Grouping();
        g.routingProfileName = readText(in);
        g.hierarchyLevel1 = readText(in);
        g.hierarchyLevel2 = readText(in);
        g.hierarchyLevel3 = readText(in);
        g.hierarchyLevel4 = readText(in);
        g.hierarchyLevel5 = readText(in);
        return g;
    }
}
