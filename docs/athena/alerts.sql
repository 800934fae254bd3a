CREATE EXTERNAL TABLE IF NOT EXISTS alerts (
  `alert_id`      string COMMENT 'Deterministic id shared by the opening and the resolving row',
  `alert_type`    string COMMENT 'AGENT_STALE, AGENT_RECOVERED, or a contact alert type with or without the _RESOLVED suffix',
  `agent_arn`     string COMMENT 'Agent ARN',
  `username`      string COMMENT 'Agent user name',
  `contact_id`    string COMMENT 'Contact of a contact alert; null for AGENT_STALE and AGENT_RECOVERED',
  `detected_at`   string COMMENT 'When the row happened, UTC ISO-8601 text; partition time',
  `last_event_at` string COMMENT 'Time of the last applied event of the agent, UTC ISO-8601 text',
  `silence_ms`    bigint COMMENT 'Stale alerts: milliseconds without any event. Contact alerts: milliseconds in the state',
  `status_name`   string COMMENT 'Agent status name',
  `open_contacts` int    COMMENT 'Number of contacts listed in the agent snapshot, any state',
  `routing_profile_name` string COMMENT 'RoutingProfile.Name in force when the row happened (during the silence for a stale alert)',
  `hierarchy_level_1` string COMMENT 'AgentHierarchyGroups.Level1.Name (same snapshot), e.g. a region',
  `hierarchy_level_2` string COMMENT 'AgentHierarchyGroups.Level2.Name (same snapshot), e.g. a site',
  `hierarchy_level_3` string COMMENT 'AgentHierarchyGroups.Level3.Name (same snapshot), e.g. a team',
  `hierarchy_level_4` string COMMENT 'AgentHierarchyGroups.Level4.Name (same snapshot)',
  `hierarchy_level_5` string COMMENT 'AgentHierarchyGroups.Level5.Name (same snapshot)'
)
COMMENT 'Alert opening and resolving rows; both rows of one alert share alert_id. Partitioned by the UTC date and hour of detected_at. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/alerts/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/alerts/dt=${dt}/hour=${hour}'
)
