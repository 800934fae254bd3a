/**
 * Parsing: one record (bytes, as received) becomes either a compact {@link dev.agentanalytics.event.AgentEvent}
 * or a dead letter with a specific reason. Each record is parsed exactly once, at the source.
 */
package dev.agentanalytics.parse;
