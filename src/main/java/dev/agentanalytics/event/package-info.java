/**
 * The compact internal event: what the metrics and output rows need of one agent event, and nothing else.
 * Between operators an event travels in its own compact form ({@link dev.agentanalytics.event.AgentEventSerializer});
 * in state it is a Flink POJO, whose arrays rather than lists keep Flink on its own serializers (no Kryo).
 */
package dev.agentanalytics.event;
