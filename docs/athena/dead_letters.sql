CREATE EXTERNAL TABLE IF NOT EXISTS dead_letters (
  `received_at`      string COMMENT 'When the record was read, UTC ISO-8601 text; partition time',
  `reason`           string COMMENT 'Why the record was rejected',
  `payload`          string COMMENT 'The record as received: its text, or base64 (see payload_encoding)',
  `payload_encoding` string COMMENT 'utf-8 or base64'
)
COMMENT 'Input records that are not valid agent events, kept whole with the reason. Partitioned by the UTC date and hour of received_at. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
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
