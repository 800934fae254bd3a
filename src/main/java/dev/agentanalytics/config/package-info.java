/**
 * The job's one configuration: every key with its default and allowed values ({@link ConfigKey}), read from
 * command-line flags, then a property-group JSON file (Managed Flink's format), then defaults, and validated at
 * start into a typed {@link JobConfig}.
 */
package dev.agentanalytics.config;
