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
     * The last queue ARN digested in this thread, and its key: after the sort a queue's shares come one after
     * another.
     */
    private static final ThreadLocal<String[]> LAST_QUEUE = ThreadLocal.withInitial(() -> new String[2]);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PartitionKeys::sha256);

    /** The engine's input carries its key, computed once at the source ({@link #agentKey}). */
    public static final KeySelector<EncodedEvent, String> AGENTS = event -> event.key;

    private PartitionKeys() {}

    /** The key of an agent's events: its ARN, or in BATCH the ARN's digest. */
    public static String agentKey(String arn, boolean batch) {
        return batch ? digest(arn) : arn;
    }

    public static KeySelector<QueueShare, String> queues(boolean batch) {
        return batch ? share -> queueKey(share.queueArn) : share -> share.queueArn;
    }

    private static String queueKey(String arn) {
        String[] last = LAST_QUEUE.get();
        if (!arn.equals(last[0])) {
            last[0] = arn;
            last[1] = digest(arn);
        }
        return last[1];
    }

    private static String digest(String arn) {
        byte[] hash = SHA_256.get().digest(arn.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
