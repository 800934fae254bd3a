/**
 * The Amazon Connect agent event stream data model, field for field (version 2019-05-25 and the fields added
 * since: status type, next status, channel concurrency, queue channels, proficiencies).
 *
 * <p>These classes are what one record says. They live only inside the parser: the job carries the compact
 * {@link dev.agentanalytics.event.AgentEvent} between operators, never these full snapshots.
 */
package dev.agentanalytics.connect;
