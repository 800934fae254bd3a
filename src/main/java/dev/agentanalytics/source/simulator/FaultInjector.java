package dev.agentanalytics.source.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Turns the simulated events (in event-time order) into what a real stream delivers: some records sent twice,
 * some late, some broken. A delayed record (late, or a duplicate) is held until the stream's newest event time
 * would pass its release time, which is at most {@code maxDelayMillis} after its own event time: so no record is
 * ever emitted more than {@code maxDelayMillis} behind the newest event time already emitted.
 *
 * <p>Fractions are per simulated event: each one is, independently, delayed with probability {@code outOfOrder},
 * followed by a copy with probability {@code duplicates} and followed by a malformed record with probability
 * {@code malformed}. With {@code maxDelayMillis} 0 nothing can be late, and duplicates follow right away.
 */
final class FaultInjector {
    /** Duplicates arrive "shortly after": within a second of event time, or less when the bound is smaller. */
    private static final long DUPLICATE_DELAY_MS = 1000;
    private static final String[] NOT_JSON = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>", "agent event stream test record",
        "EventType=HEART_BEAT;AgentARN=unknown", "\u0000\u0001\u0002 binary"};
    private static final String BAD_TIMESTAMP = "2019-13-45T25:61:99.000Z";

    /** A record held back until the newest event time passes its release time. */
    private static final class Held {
        final SimulatedRecord record;
        final long releaseAt;
        final long order;

        Held(SimulatedRecord record, long releaseAt, long order) {
            this.record = record;
            this.releaseAt = releaseAt;
            this.order = order;
        }
    }

    private final double duplicates;
    private final double outOfOrder;
    private final double malformed;
    private final long maxDelayMillis;
    private final SplittableRandom random;
    private final ArrayDeque<SimulatedRecord> ready = new ArrayDeque<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.releaseAt != b.releaseAt
            ? Long.compare(a.releaseAt, b.releaseAt) : Long.compare(a.order, b.order));
    private long heldCount;

    FaultInjector(double duplicates, double outOfOrder, double malformed, long maxDelayMillis,
            SplittableRandom random) {
        this.duplicates = duplicates;
        this.outOfOrder = outOfOrder;
        this.malformed = malformed;
        this.maxDelayMillis = Math.max(0, maxDelayMillis);
        this.random = random;
    }

    /** Takes the next simulated event; its event time is not before any event taken earlier. */
    void accept(SimulatedRecord event) {
        while (!held.isEmpty() && held.peek().releaseAt < event.eventTime) {
            ready.add(held.poll().record);
        }
        if (maxDelayMillis > 0 && random.nextDouble() < outOfOrder) {
            hold(event, 1 + random.nextLong(maxDelayMillis));
        } else {
            ready.add(event);
        }
        if (random.nextDouble() < duplicates) {
            SimulatedRecord copy = new SimulatedRecord(event.payload.clone(), event.eventTime, event.partitionKey);
            hold(copy, random.nextLong(Math.min(maxDelayMillis, DUPLICATE_DELAY_MS) + 1));
        }
        if (random.nextDouble() < malformed) {
            ready.add(new SimulatedRecord(malform(event.payload), event.eventTime, event.partitionKey));
        }
    }

    /** No more events: everything held back goes out. */
    void flush() {
        while (!held.isEmpty()) {
            ready.add(held.poll().record);
        }
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    SimulatedRecord nextReady() {
        return ready.poll();
    }

    private void hold(SimulatedRecord record, long delay) {
        held.add(new Held(record, record.eventTime + delay, heldCount++));
    }

    /** One of the ways records really break: cut short, not JSON, wrapped in an array, a bad or missing field. */
    private byte[] malform(byte[] event) {
        // ISO-8859-1 maps bytes to chars one to one, so editing the text keeps every other byte as it was.
        String text = new String(event, StandardCharsets.ISO_8859_1);
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(event, 1 + random.nextInt(event.length - 1));
            case 1:
                return NOT_JSON[random.nextInt(NOT_JSON.length)].getBytes(StandardCharsets.UTF_8);
            case 2:
                return ("[" + text + "]").getBytes(StandardCharsets.ISO_8859_1);
            case 3:
                return withoutField(text, "\"AgentARN\":").getBytes(StandardCharsets.ISO_8859_1);
            case 4:
                return withValue(text, "\"EventTimestamp\":\"", BAD_TIMESTAMP).getBytes(StandardCharsets.ISO_8859_1);
            default: {
                byte[] broken = event.clone();
                int at = text.indexOf("\"Username\":\"") + "\"Username\":\"".length();
                broken[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
                return broken;
            }
        }
    }

    /** Removes a top-level string field and its comma; the writer puts AgentARN second, never last. */
    private static String withoutField(String text, String key) {
        int start = text.indexOf(key);
        int valueEnd = text.indexOf('"', start + key.length() + 1);
        return text.substring(0, start) + text.substring(valueEnd + 2);
    }

    private static String withValue(String text, String keyAndQuote, String value) {
        int start = text.indexOf(keyAndQuote) + keyAndQuote.length();
        int end = text.indexOf('"', start);
        return text.substring(0, start) + value + text.substring(end);
    }
}
