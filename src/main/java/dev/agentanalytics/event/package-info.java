/**
 * The compact internal event: what the metrics and output rows need of one agent event, and nothing else.
 * Arrays rather than lists keep Flink on its own serializers (no Kryo).
 */
package dev.agentanalytics.event;
