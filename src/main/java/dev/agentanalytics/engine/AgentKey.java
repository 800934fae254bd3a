package dev.agentanalytics.engine;

/**
 * What the agent engine's key means: the agent's ARN in a live job, a digest of it in BATCH mode
 * ({@code topology.PartitionKeys}), where the engine keeps the ARN in the agent's state ({@link AgentState#agentArn}).
 */
final class AgentKey {
    private AgentKey() {}

    /** The ARN of the agent of {@code key}: the key itself live; in BATCH, the one kept in its state (or null). */
    static String arn(String key, AgentState state, boolean batch) {
        if (!batch) return key;
        return state == null ? null : state.agentArn;
    }
}
