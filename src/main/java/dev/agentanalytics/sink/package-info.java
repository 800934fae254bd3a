/**
 * Where rows go: each table as JSON lines under {@code <output>/<table>/dt=YYYY-MM-DD/hour=HH/} through Flink's
 * exactly-once FileSink, optionally the console, and alerts also to a Kinesis stream.
 */
package dev.agentanalytics.sink;
