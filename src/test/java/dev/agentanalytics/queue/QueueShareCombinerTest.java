package dev.agentanalytics.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class QueueShareCombinerTest {
    private static final long WINDOW = 900_000L;

    private static OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness() throws Exception {
        OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness =
                new OneInputStreamOperatorTestHarness<>(new QueueShareCombiner(WINDOW));
        harness.open();
        return harness;
    }

    private static QueueShare share(String queue, long window, long availableMs, long handled, String name,
            long nameAt) {
        QueueShare share = new QueueShare(queue, window);
        share.availableMs = availableMs;
        share.onContactMs = 2 * availableMs;
        share.contactsHandled = handled;
        share.handleMsSum = 1000 * handled;
        share.queueName = name;
        share.nameAt = nameAt;
        return share;
    }

    private static List<String> sent(OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness) {
        List<String> sent = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof Watermark) {
                sent.add("watermark " + ((Watermark) element).getTimestamp());
            } else {
                @SuppressWarnings("unchecked")
                StreamRecord<QueueShare> record = (StreamRecord<QueueShare>) element;
                QueueShare s = record.getValue();
                sent.add(s.queueArn + "@" + s.windowStart + " name=" + s.queueName + " available=" + s.availableMs
                        + " onContact=" + s.onContactMs + " handled=" + s.contactsHandled + " handleMs="
                        + s.handleMsSum + " ts=" + record.getTimestamp());
            }
        }
        harness.getOutput().clear();
        return sent;
    }

    @Test
    void sumsEachQueueAndWindowAndSendsTheSumsBeforeTheWatermark() throws Exception {
        OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness = harness();
        QueueShare reused = share("q1", 0, 100, 1, "Sales", 50);
        harness.processElement(reused, 0);
        // With object reuse the engine may hand the same object on again, changed: the first values must stay.
        reused.availableMs = 10;
        reused.onContactMs = 20;
        reused.contactsHandled = 0;
        reused.handleMsSum = 0;
        reused.queueName = null;
        harness.processElement(reused, 0);
        harness.processElement(share("q2", 0, 7, 0, "Support", 10), 0);
        harness.processElement(share("q1", WINDOW, 5, 2, "Sales EU", 60), 0);
        harness.processElement(share("q1", 0, 1, 0, "Sales (old)", 40), 0);
        assertEquals(List.of(), sent(harness), "nothing goes before a watermark");

        harness.processWatermark(new Watermark(WINDOW - 1));
        assertEquals(List.of(
                "q1@0 name=Sales available=111 onContact=222 handled=1 handleMs=1000 ts=899999",
                "q2@0 name=Support available=7 onContact=14 handled=0 handleMs=0 ts=899999",
                "q1@900000 name=Sales EU available=5 onContact=10 handled=2 handleMs=2000 ts=1799999",
                "watermark 899999"), sent(harness));
        harness.close();
    }

    @Test
    void holdsNothingAcrossACheckpointOrTheEndOfInput() throws Exception {
        OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness = harness();
        harness.processElement(share("q1", 0, 3, 0, null, Long.MIN_VALUE), 0);
        harness.prepareSnapshotPreBarrier(1);
        assertEquals(List.of("q1@0 name=null available=3 onContact=6 handled=0 handleMs=0 ts=899999"), sent(harness));
        harness.processElement(share("q1", 0, 4, 0, null, Long.MIN_VALUE), 0);
        harness.endInput();
        assertEquals(List.of("q1@0 name=null available=4 onContact=8 handled=0 handleMs=0 ts=899999"), sent(harness));
        harness.close();
    }

    @Test
    void theSumsOfOneQueueShareOneCopyOfItsArn() throws Exception {
        // What keeps MAX_HELD sums in some 40 MB: each agent's shares bring a copy of the ARN of their own.
        OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness = harness();
        for (int window = 0; window < 3; window++) {
            harness.processElement(share(new String("q1"), window * WINDOW, 1, 0, null, Long.MIN_VALUE), 0);
        }
        harness.endInput();
        List<Object> sums = new ArrayList<>(harness.getOutput());
        assertEquals(3, sums.size());
        for (Object sum : sums) assertSame(queueArnOf(sums.get(0)), queueArnOf(sum));
        harness.close();
    }

    @SuppressWarnings("unchecked")
    private static String queueArnOf(Object sum) {
        return ((StreamRecord<QueueShare>) sum).getValue().queueArn;
    }

    @Test
    void sendsWhatItHoldsWhenItHoldsTooMany() throws Exception {
        OneInputStreamOperatorTestHarness<QueueShare, QueueShare> harness = harness();
        for (int i = 0; i < QueueShareCombiner.MAX_HELD - 1; i++) {
            harness.processElement(share("q1", i * WINDOW, 1, 0, null, Long.MIN_VALUE), 0);
        }
        assertTrue(harness.getOutput().isEmpty());
        harness.processElement(share("q1", 0, 1, 0, null, Long.MIN_VALUE), 0); // adds to a held sum
        assertTrue(harness.getOutput().isEmpty());
        harness.processElement(share("q2", 0, 1, 0, null, Long.MIN_VALUE), 0);
        List<String> sent = sent(harness);
        assertEquals(QueueShareCombiner.MAX_HELD, sent.size());
        assertEquals("q1@0 name=null available=2 onContact=4 handled=0 handleMs=0 ts=899999", sent.get(0));
        harness.processElement(share("q2", 0, 1, 0, null, Long.MIN_VALUE), 0);
        harness.endInput();
        assertEquals(List.of("q2@0 name=null available=1 onContact=2 handled=0 handleMs=0 ts=899999"), sent(harness));
        harness.close();
    }
}
