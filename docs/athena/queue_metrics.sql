CREATE EXTERNAL TABLE IF NOT EXISTS queue_metrics (
  `window_start`       string COMMENT 'Window start (inclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `window_end`         string COMMENT 'Window end (exclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `queue_arn`          string COMMENT 'Queue ARN',
  `queue_name`         string COMMENT 'Queue name in the latest served interval of the window',
  `staffed_ms`         bigint COMMENT 'Agent-milliseconds logged in and serving the queue; sum of the seven activity columns',
  `available_ms`       bigint COMMENT 'Agent-milliseconds AVAILABLE',
  `on_contact_ms`      bigint COMMENT 'Agent-milliseconds ON_CONTACT',
  `acw_ms`             bigint COMMENT 'Agent-milliseconds AFTER_CONTACT_WORK',
  `incoming_ms`        bigint COMMENT 'Agent-milliseconds INCOMING',
  `non_productive_ms`  bigint COMMENT 'Agent-milliseconds NON_PRODUCTIVE',
  `error_ms`           bigint COMMENT 'Agent-milliseconds ERROR, MISSED or REJECTED',
  `offline_ms`         bigint COMMENT 'Agent-milliseconds OFFLINE',
  `avg_agents_staffed` double COMMENT 'staffed_ms divided by the window length in ms',
  `occupancy`          double COMMENT '(on_contact_ms + acw_ms) / (on_contact_ms + acw_ms + available_ms); null when the divisor is 0',
  `contacts_handled`   bigint COMMENT 'HANDLED legs of this queue, not MONITOR, completed in the window',
  `handle_ms_sum`      bigint COMMENT 'Sum of handle_ms of those legs',
  `avg_handle_ms`      bigint COMMENT 'handle_ms_sum / contacts_handled in whole ms rounded half up; null when no leg was handled'
)
COMMENT 'Agent time by activity and handled legs per (window, queue). Partitioned by the UTC date and hour of window_start. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/queue_metrics/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/queue_metrics/dt=${dt}/hour=${hour}'
)
