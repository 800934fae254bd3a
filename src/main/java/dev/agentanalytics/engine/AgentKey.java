package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key the agent engine's input is partitioned by: the agent's ARN in a live job. In BATCH mode Flink first
 * sorts every event by key, then time, and its sorter reads two keys to their end whenever their first 16 bytes are
 * equal, which for two events of the same agent is always: an ARN is some 130 bytes, its first 90 the same for every
 * agent of an instance. So a BATCH key is a 128-bit digest of the ARN (SHA-256, cut; 22 characters of base64),
 * distinct for distinct ARNs as surely as UUIDs are, and six times shorter. A digest does not give the ARN back:
 * in BATCH mode the engine keeps it in the agent's state ({@link AgentState#agentArn}). A BATCH run keeps no
 * snapshot, so the two forms never meet in state.
 */
public final class AgentKey {
    /** The last ARN digested by this thread, and its key: after the sort an agent's events come one after another. */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(AgentKey::sha256);

    private AgentKey() {}

    public static KeySelector<AgentEvent, String> selector(boolean batch) {
        return batch ? event -> digest(event.agentArn) : event -> event.agentArn;
    }

    /** The ARN of the agent of {@code key}: the key itself live; in BATCH, the one kept in its state (or null). */
    public static String arn(String key, AgentState state, boolean batch) {
        if (!batch) return key;
        return state == null ? null : state.agentArn;
    }

    static String digest(String arn) {
        String[] last = LAST.get();
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
