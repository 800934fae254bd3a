CREATE EXTERNAL TABLE IF NOT EXISTS agent_status (
  `window_start` string COMMENT 'Window start (inclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `window_end`   string COMMENT 'Window end (exclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `agent_arn`    string COMMENT 'Agent ARN',
  `username`     string COMMENT 'Agent user name',
  `status_name`  string COMMENT 'AgentStatus.Name',
  `status_type`  string COMMENT 'ROUTABLE, CUSTOM or OFFLINE; null when the event carried no Type',
  `duration_ms`  bigint COMMENT 'Milliseconds in this status inside the window'
)
COMMENT 'Time per (window, agent, status name) in ms. Partitioned by the UTC date and hour of window_start. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/agent_status/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/agent_status/dt=${dt}/hour=${hour}'
)
