/**
 * Where agent events come from: Kinesis, a replay of JSON-lines files, or the built-in simulator. Every source
 * parses each record once, into a {@link dev.agentanalytics.parse.ParsedRecord}, and gets its event-time
 * watermarks from {@code EventTimestamp} right there.
 */
package dev.agentanalytics.source;
