package dev.agentanalytics.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Text keeps every character through the wire form, whichever of its two encodings it takes. */
class WireFieldsTest {
    @Test
    void theAsciiTestFindsAnyOtherByteAtEveryPositionOfAWord() {
        for (int length = 0; length <= 40; length++) {
            byte[] plain = new byte[length];
            Arrays.fill(plain, (byte) 'a');
            assertEquals(true, WireFields.isAscii(plain), "length " + length);
            for (int at = 0; at < length; at++) {
                for (byte other : new byte[] {'?', (byte) 0x80, (byte) 0xFF, (byte) 0xE9}) {
                    byte[] bytes = plain.clone();
                    bytes[at] = other;
                    assertEquals(false, WireFields.isAscii(bytes), "length " + length + ", byte at " + at);
                }
                byte[] edges = plain.clone();
                edges[at] = (at % 2 == 0) ? (byte) 0x7F : (byte) 0x3E; // next to the high bit and to '?'
                assertEquals(true, WireFields.isAscii(edges), "length " + length + ", edge at " + at);
            }
        }
    }

    @Test
    void everyTextComesBackAsItWas() throws Exception {
        String[] texts = {null, "", "arn:aws:connect:us-east-1:123456789012:instance/i/agent/a", "why?", "Zoë",
            "山田", "\uD83D\uDE00", "\uD83D", "x".repeat(300) + "é", "?".repeat(17)};
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String text : texts) WireFields.writeText(text, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (String text : texts) assertEquals(text, WireFields.readText(in));
        assertEquals(0, in.available());
    }

    @Test
    void everyLongComesBackAsItWasInAsFewBytesAsItNeeds() throws Exception {
        long[] values = {0, 1, -1, 63, -64, 64, 900_000, 1_714_984_800_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        int[] bytes = {1, 1, 1, 1, 1, 2, 3, 6, 10, 10};
        for (int i = 0; i < values.length; i++) {
            DataOutputSerializer out = new DataOutputSerializer(16);
            WireFields.writeVarLong(values[i], out);
            assertEquals(bytes[i], out.length(), "bytes of " + values[i]);
            DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
            assertEquals(values[i], WireFields.readVarLong(in));
            assertEquals(0, in.available());
        }
    }
}
