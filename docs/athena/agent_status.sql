CREATE EXTERNAL TABLE IF NOT EXISTS agent_status (
  `window_start` string COMMENT 'Window start (inclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `window_end`   string COMMENT 'Window end (exclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `agent_arn`    string COMMENT 'Agent ARN',
  `username`     string COMMENT 'Agent user name',
  `status_name`  string COMMENT 'AgentStatus.Name',
  `status_type`  string COMMENT 'ROUTABLE, CUSTOM or OFFLINE; null when the event carried no Type',
  `routing_profile_name` string COMMENT 'RoutingProfile.Name in force (part of the row key)',
  `hierarchy_level_1` string COMMENT 'AgentHierarchyGroups.Level1.Name in force, e.g. a region',
  `hierarchy_level_2` string COMMENT 'AgentHierarchyGroups.Level2.Name in force, e.g. a site',
  `hierarchy_level_3` string COMMENT 'AgentHierarchyGroups.Level3.Name in force, e.g. a team',
  `hierarchy_level_4` string COMMENT 'AgentHierarchyGroups.Level4.Name in force',
  `hierarchy_level_5` string COMMENT 'AgentHierarchyGroups.Level5.Name in force',
  `duration_ms`  bigint COMMENT 'Milliseconds in this status inside the window'
)
COMMENT 'Time per (window, agent, status name, routing profile and hierarchy) in ms. Partitioned by the UTC date and hour of window_start. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
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
