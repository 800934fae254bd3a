package dev.agentanalytics.topology;

import dev.agentanalytics.event.AgentEvent;
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
     * The last ARN each selector digested in this thread, and its key: after the sort a key's records come one after
     * another. One of each, as the engine's thread keys both its input (agents) and its output (queues).
     */
    private static final ThreadLocal<String[]> LAST_AGENT = ThreadLocal.withInitial(() -> new String[2]);
    private static final ThreadLocal<String[]> LAST_QUEUE = ThreadLocal.withInitial(() -> new String[2]);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PartitionKeys::sha256);

    private PartitionKeys() {}

    public static KeySelector<AgentEvent, String> agents(boolean batch) {
        return batch ? event -> digest(event.agentArn, LAST_AGENT.get()) : event -> event.agentArn;
    }

    public static KeySelector<QueueShare, String> queues(boolean batch) {
        return batch ? share -> digest(share.queueArn, LAST_QUEUE.get()) : share -> share.queueArn;
    }

    /** The key of {@code arn}; {@code last} is the calling selector's cache of one. */
    private static String digest(String arn, String[] last) {
        if (arn.equals(last[0])) return last[1];
        byte[] hash = SHA_256.get().digest(arn.getBytes(StandardCharsets.UTF_8));
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        last[0] = arn;
        last[1] = key;
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
