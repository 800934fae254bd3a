CREATE EXTERNAL TABLE IF NOT EXISTS late_events (
  `agent_arn`       string COMMENT 'Agent ARN',
  `event_id`        string COMMENT 'EventId; null when absent',
  `event_type`      string COMMENT 'EventType',
  `event_timestamp` string COMMENT 'EventTimestamp, UTC ISO-8601 text; partition time',
  `watermark`       string COMMENT 'Watermark when the event arrived, UTC ISO-8601 text',
  `late_by_ms`      bigint COMMENT 'watermark minus event_timestamp in ms',
  `payload`         string COMMENT 'The record as received, UTF-8 JSON text'
)
COMMENT 'Valid events that arrived behind the watermark in a live run; they changed no state. Partitioned by the UTC date and hour of event_timestamp. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/late_events/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/late_events/dt=${dt}/hour=${hour}'
)
