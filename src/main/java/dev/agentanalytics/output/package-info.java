/**
 * The rows of the output tables, one class per table, fields in the order and meaning of the metric contract
 * (docs/analytics.md §4). Written as JSON lines with snake_case names; times are UTC ISO-8601 strings with
 * milliseconds, durations whole milliseconds.
 */
package dev.agentanalytics.output;
