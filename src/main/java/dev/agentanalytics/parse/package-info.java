/**
 * Parsing: one record (bytes, as received) becomes either a compact {@link dev.agentanalytics.event.AgentEvent}
 * or a dead letter with a specific reason. Each record is parsed once, at the source: an ordinary record by a byte
 * scanner ({@code ByteTokens}), one the scanner cannot prove valid by Jackson, whose words a reason then quotes.
 */
package dev.agentanalytics.parse;
