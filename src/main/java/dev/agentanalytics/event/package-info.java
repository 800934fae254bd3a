/**
 * The compact internal event: what the metrics and output rows need of one agent event, and nothing else.
 * Between operators, and in the engine's buffer of events waiting for the watermark, an event is in its own compact
 * form ({@link dev.agentanalytics.event.AgentEventSerializer}); on its way to the engine it travels in that form
 * as bytes, with its key ({@link dev.agentanalytics.event.EncodedEvent}), and is decoded once, by the engine.
 */
package dev.agentanalytics.event;
