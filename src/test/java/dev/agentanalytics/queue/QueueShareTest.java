package dev.agentanalytics.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A queue's name in a window is the one of its latest served interval, null too, whatever order shares add up in. */
class QueueShareTest {
    @Test
    void theLatestIntervalsNameWinsEvenWhenItIsNull() {
        QueueShare sum = named("Alpha", 600_000);
        sum.add(named(null, 720_000));
        assertNull(sum.queueName, "the interval ending at 12 min had no name");
        assertEquals(720_000, sum.nameAt);
        sum.add(named("Beta", 660_000));
        assertNull(sum.queueName, "an earlier interval does not bring a name back");
    }

    @Test
    void aShareThatOnlyHandledAContactNamesNothing() {
        QueueShare sum = named(null, 600_000);
        QueueShare handledOnly = new QueueShare("q", 0);
        handledOnly.contactsHandled = 1;
        sum.add(handledOnly);
        assertNull(sum.queueName);
        assertEquals(600_000, sum.nameAt);
    }

    @Test
    void atTheSameInstantANameBeforeNoneAndTheFirstInOrderWhateverTheOrderOfAdding() {
        List<QueueShare> shares = Arrays.asList(named("Sales", 900_000), named(null, 900_000),
                named("Billing", 900_000), named("Archive", 300_000));
        for (int rotation = 0; rotation < shares.size(); rotation++) {
            List<QueueShare> order = new ArrayList<>(shares.subList(rotation, shares.size()));
            order.addAll(shares.subList(0, rotation));
            for (List<QueueShare> sequence : List.of(order, reversed(order))) {
                QueueShare sum = new QueueShare("q", 0);
                for (QueueShare share : sequence) sum.add(share);
                assertEquals("Billing", sum.queueName, "order " + sequence);
            }
        }
    }

    private static List<QueueShare> reversed(List<QueueShare> shares) {
        List<QueueShare> reversed = new ArrayList<>(shares);
        Collections.reverse(reversed);
        return reversed;
    }

    private static QueueShare named(String name, long nameAt) {
        QueueShare share = new QueueShare("q", 0);
        share.queueName = name;
        share.nameAt = nameAt;
        share.availableMs = 1;
        return share;
    }
}
