/**
 * The per-agent state engine. {@link dev.agentanalytics.engine.AgentTimeline} is a plain, Flink-free function
 * that applies one agent's events in event-time order and moves time forward (sessions, time in status and
 * activity per window, contact legs, alerts); {@link dev.agentanalytics.engine.AgentEngineFunction} is the Flink
 * operator around it: de-duplication, lateness, ordering buffers and timers. The same timeline code serves a live
 * stream (time = watermark) and a bounded replay (time stops at the input's last event).
 */
package dev.agentanalytics.engine;
