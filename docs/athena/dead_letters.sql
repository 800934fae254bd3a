CREATE EXTERNAL TABLE IF NOT EXISTS dead_letters (
  `received_at`      string COMMENT 'When the record was read, UTC ISO-8601 text; partition time',
  `reason`           string COMMENT 'Why the record was rejected',
  `origin`           string COMMENT 'Where it came from: the Kinesis shard id, the replayed file, or simulator',
  `position`         string COMMENT 'Its place there: the Kinesis sequence number, or the line number',
  `agent_arn`        string COMMENT 'AgentARN, when the record is a JSON object that has it as text',
  `event_id`         string COMMENT 'EventId, when the record is a JSON object that has it as text',
  `payload_bytes`    bigint COMMENT 'Size of the record as received, in bytes',
  `payload`          string COMMENT 'The record as received (its first KiB when oversized); null with keep-payloads=false',
  `payload_encoding` string COMMENT 'utf-8 or base64; null with the payload'
)
COMMENT 'Input records that are not valid agent events, with the reason, their place and the record. Partitioned by the UTC date and hour of received_at. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/dead_letters/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2024-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'projection.hour.type' = 'integer',
  'projection.hour.range' = '0,23',
  'projection.hour.digits' = '2',
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/dead_letters/dt=${dt}/hour=${hour}'
)
