package dev.agentanalytics.engine;

import dev.agentanalytics.event.AgentEvent;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key the agent engine's input is partitioned by: the agent's ARN, except in BATCH mode, where Flink sorts
 * every event by key first. Its sorter compares the first bytes of two keys cheaply and the rest byte by byte, and
 * the ARNs of one Connect instance share their first ninety characters, so a BATCH key starts with eight hex
 * digits of the ARN's hash, then the ARN itself: two agents almost always differ within those first bytes, and a
 * key still names exactly one agent. A BATCH run keeps no snapshot, so the two forms never meet in state.
 */
public final class AgentKey {
    private static final int PREFIX = 8;

    private AgentKey() {}

    public static KeySelector<AgentEvent, String> selector(boolean batch) {
        return batch ? event -> sortable(event.agentArn) : event -> event.agentArn;
    }

    /** The agent ARN of a key of the engine. */
    public static String arn(String key, boolean batch) {
        return batch ? key.substring(PREFIX) : key;
    }

    static String sortable(String arn) {
        String hash = Integer.toHexString(arn.hashCode());
        StringBuilder key = new StringBuilder(PREFIX + arn.length());
        for (int i = hash.length(); i < PREFIX; i++) key.append('0');
        return key.append(hash).append(arn).toString();
    }
}
