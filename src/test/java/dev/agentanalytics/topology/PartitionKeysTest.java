package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A BATCH key is the ARN's digest, whatever the ARNs asked before it (the look-up table only saves work). */
class PartitionKeysTest {
    @Test
    void everyBatchKeyIsItsArnsDigestThoughManyArnsShareATableSlot() throws Exception {
        int arns = 20_000; // more than the table's slots: they must collide and evict each other
        Set<String> keys = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < arns; i++) {
                int n = round == 1 ? arns - 1 - i : (i * 7919) % arns; // other orders, other evictions
                String arn = "arn:aws:connect:us-east-1:123456789012:instance/i/agent/" + n;
                String key = PartitionKeys.agentKey(arn, true);
                assertEquals(digest(arn), key, arn);
                keys.add(key);
            }
        }
        assertEquals(arns, keys.size());
        assertEquals("arn:x", PartitionKeys.agentKey("arn:x", false), "a live key is the ARN itself");
    }

    private static String digest(String arn) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }
}
