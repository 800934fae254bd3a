-- The job's tables as DuckDB views over a local output folder (a run of scripts/run-local.sh or scripts/replay.sh,
-- or an S3 prefix synced with `aws s3 sync`), with the same columns and types as the Athena tables of docs/athena/,
-- so the example queries of docs/athena/queries/ run here unchanged. See docs/duckdb.md.
--
-- Paths are relative to the folder DuckDB runs in: start it where output/ is, or change 'output/' below. A table
-- without a file yet (late_events after a replay, for one) fails its CREATE VIEW; the others still work.

-- Athena's (Trino's) function for the UTC ISO-8601 text the job writes.
CREATE OR REPLACE MACRO from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ);

CREATE OR REPLACE VIEW agent_status AS SELECT * FROM read_json('output/agent_status/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    window_start: 'VARCHAR', window_end: 'VARCHAR', agent_arn: 'VARCHAR', username: 'VARCHAR',
    status_name: 'VARCHAR', status_type: 'VARCHAR', routing_profile_name: 'VARCHAR', hierarchy_level_1: 'VARCHAR',
    hierarchy_level_2: 'VARCHAR', hierarchy_level_3: 'VARCHAR', hierarchy_level_4: 'VARCHAR',
    hierarchy_level_5: 'VARCHAR', duration_ms: 'BIGINT'});

CREATE OR REPLACE VIEW agent_activity AS SELECT * FROM read_json('output/agent_activity/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    window_start: 'VARCHAR', window_end: 'VARCHAR', agent_arn: 'VARCHAR', username: 'VARCHAR', activity: 'VARCHAR',
    status_name: 'VARCHAR', routing_profile_name: 'VARCHAR', hierarchy_level_1: 'VARCHAR',
    hierarchy_level_2: 'VARCHAR', hierarchy_level_3: 'VARCHAR', hierarchy_level_4: 'VARCHAR',
    hierarchy_level_5: 'VARCHAR', duration_ms: 'BIGINT'});

CREATE OR REPLACE VIEW contacts AS SELECT * FROM read_json('output/contacts/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    contact_id: 'VARCHAR', initial_contact_id: 'VARCHAR', agent_arn: 'VARCHAR', username: 'VARCHAR',
    queue_arn: 'VARCHAR', queue_name: 'VARCHAR', channel: 'VARCHAR', initiation_method: 'VARCHAR',
    outcome: 'VARCHAR', offered_at: 'VARCHAR', connected_at: 'VARCHAR', ended_at: 'VARCHAR',
    completed_at: 'VARCHAR', ring_ms: 'BIGINT', talk_ms: 'BIGINT', hold_ms: 'BIGINT', hold_count: 'INTEGER',
    acw_ms: 'BIGINT', handle_ms: 'BIGINT', routing_profile_name: 'VARCHAR', hierarchy_level_1: 'VARCHAR',
    hierarchy_level_2: 'VARCHAR', hierarchy_level_3: 'VARCHAR', hierarchy_level_4: 'VARCHAR',
    hierarchy_level_5: 'VARCHAR'});

CREATE OR REPLACE VIEW queue_metrics AS SELECT * FROM read_json('output/queue_metrics/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    window_start: 'VARCHAR', window_end: 'VARCHAR', queue_arn: 'VARCHAR', queue_name: 'VARCHAR',
    staffed_ms: 'BIGINT', available_ms: 'BIGINT', on_contact_ms: 'BIGINT', acw_ms: 'BIGINT', incoming_ms: 'BIGINT',
    non_productive_ms: 'BIGINT', error_ms: 'BIGINT', offline_ms: 'BIGINT', avg_agents_staffed: 'DOUBLE',
    occupancy: 'DOUBLE', contacts_handled: 'BIGINT', handle_ms_sum: 'BIGINT', avg_handle_ms: 'BIGINT'});

CREATE OR REPLACE VIEW alerts AS SELECT * FROM read_json('output/alerts/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    alert_id: 'VARCHAR', alert_type: 'VARCHAR', agent_arn: 'VARCHAR', username: 'VARCHAR', contact_id: 'VARCHAR',
    detected_at: 'VARCHAR', last_event_at: 'VARCHAR', silence_ms: 'BIGINT', status_name: 'VARCHAR',
    open_contacts: 'INTEGER', routing_profile_name: 'VARCHAR', hierarchy_level_1: 'VARCHAR',
    hierarchy_level_2: 'VARCHAR', hierarchy_level_3: 'VARCHAR', hierarchy_level_4: 'VARCHAR',
    hierarchy_level_5: 'VARCHAR'});

CREATE OR REPLACE VIEW late_events AS SELECT * FROM read_json('output/late_events/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    agent_arn: 'VARCHAR', event_id: 'VARCHAR', event_type: 'VARCHAR', event_timestamp: 'VARCHAR',
    watermark: 'VARCHAR', late_by_ms: 'BIGINT', payload: 'VARCHAR'});

CREATE OR REPLACE VIEW dead_letters AS SELECT * FROM read_json('output/dead_letters/*/*/*.jsonl',
    format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {
    received_at: 'VARCHAR', reason: 'VARCHAR', origin: 'VARCHAR', position: 'VARCHAR', agent_arn: 'VARCHAR',
    event_id: 'VARCHAR', payload_bytes: 'BIGINT', payload: 'VARCHAR', payload_encoding: 'VARCHAR'});
