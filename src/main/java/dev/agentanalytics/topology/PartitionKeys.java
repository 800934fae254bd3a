package dev.agentanalytics.topology;

import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.queue.QueueShare;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The keys the two keyed operators' inputs are partitioned by: the agent's ARN for the agent engine, the queue's
 * ARN for the queue metrics, in a live job.
 *
 * <p>In BATCH mode Flink first sorts each keyed input by key (then time), and its sorter reads two keys to their
 * end, one byte at a time, whenever their first bytes are equal: for two records of one agent or one queue that is
 * always, and an ARN is some 130 bytes whose first 90 are the same for every agent and queue of an instance. So a
 * BATCH key is a 128-bit digest of the ARN (SHA-256, cut; 22 characters of base64), distinct for distinct ARNs as
 * surely as UUIDs are, and six times shorter. A digest does not give the ARN back: the operators keep it where they
 * need it (the engine in the agent's state, the queue metrics in each share). A BATCH run keeps no snapshot, so the
 * two forms never meet in state.
 */
public final class PartitionKeys {
    /**
     * The ARNs digested lately in this thread, and their keys, in a table indexed by the ARN's hash: a center has
     * some thousands of agents and queues, each of which comes again and again. A slot holds the last ARN that fell
     * in it (8,192 slots: at most some megabytes of ARNs per thread). Measured on the bench data set, one thread:
     * 0.18 µs per event's key against 0.50-0.58 µs with a digest for every event (docs/performance.md).
     */
    private static final ThreadLocal<KeyCache> KEYS = ThreadLocal.withInitial(KeyCache::new);

    /** The engine's input carries its key, computed once at the source ({@link #agentKey}). */
    public static final KeySelector<EncodedEvent, String> AGENTS = event -> event.key;

    private PartitionKeys() {}

    /** The key of an agent's events: its ARN, or in BATCH the ARN's digest. */
    public static String agentKey(String arn, boolean batch) {
        return batch ? KEYS.get().key(arn) : arn;
    }

    public static KeySelector<QueueShare, String> queues(boolean batch) {
        return batch ? share -> KEYS.get().key(share.queueArn) : share -> share.queueArn;
    }

    private static final class KeyCache {
        private static final int SLOTS = 1 << 13;
        private final String[] arns = new String[SLOTS];
        private final String[] keys = new String[SLOTS];
        private final MessageDigest sha256;

        KeyCache() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
        }

        String key(String arn) {
            int hash = arn.hashCode();
            int slot = (hash ^ hash >>> 13) & (SLOTS - 1);
            if (!arn.equals(arns[slot])) {
                arns[slot] = arn;
                keys[slot] = digest(arn);
            }
            return keys[slot];
        }

        private String digest(String arn) {
            byte[] hash = sha256.digest(arn.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        }
    }
}
