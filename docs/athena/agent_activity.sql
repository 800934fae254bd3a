CREATE EXTERNAL TABLE IF NOT EXISTS agent_activity (
  `window_start` string COMMENT 'Window start (inclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `window_end`   string COMMENT 'Window end (exclusive), UTC ISO-8601 text; use from_iso8601_timestamp',
  `agent_arn`    string COMMENT 'Agent ARN',
  `username`     string COMMENT 'Agent user name',
  `activity`     string COMMENT 'ERROR, MISSED, REJECTED, ON_CONTACT, AFTER_CONTACT_WORK, INCOMING, NON_PRODUCTIVE, OFFLINE or AVAILABLE',
  `status_name`  string COMMENT 'Status name (reason) on NON_PRODUCTIVE rows; null on other rows',
  `routing_profile_name` string COMMENT 'RoutingProfile.Name in force (part of the row key)',
  `hierarchy_level_1` string COMMENT 'AgentHierarchyGroups.Level1.Name in force, e.g. a region',
  `hierarchy_level_2` string COMMENT 'AgentHierarchyGroups.Level2.Name in force, e.g. a site',
  `hierarchy_level_3` string COMMENT 'AgentHierarchyGroups.Level3.Name in force, e.g. a team',
  `hierarchy_level_4` string COMMENT 'AgentHierarchyGroups.Level4.Name in force',
  `hierarchy_level_5` string COMMENT 'AgentHierarchyGroups.Level5.Name in force',
  `duration_ms`  bigint COMMENT 'Milliseconds in this activity inside the window'
)
COMMENT 'Time per (window, agent, activity, non-productive reason, routing profile and hierarchy) in ms. Partitioned by the UTC date and hour of window_start. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/agent_activity/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/agent_activity/dt=${dt}/hour=${hour}'
)
