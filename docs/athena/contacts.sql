CREATE EXTERNAL TABLE IF NOT EXISTS contacts (
  `contact_id`         string COMMENT 'ContactId of the leg',
  `initial_contact_id` string COMMENT 'InitialContactId; null when absent',
  `agent_arn`          string COMMENT 'Agent ARN',
  `username`           string COMMENT 'Agent user name',
  `queue_arn`          string COMMENT 'Queue ARN of the contact; null when absent',
  `queue_name`         string COMMENT 'Queue name of the contact; null when absent',
  `channel`            string COMMENT 'VOICE, CHAT, TASK or newer values',
  `initiation_method`  string COMMENT 'INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, MONITOR or newer values',
  `outcome`            string COMMENT 'HANDLED, MISSED, REJECTED, ERROR or INCOMPLETE',
  `offered_at`         string COMMENT 'Leg first seen, UTC ISO-8601 text; use from_iso8601_timestamp',
  `connected_at`       string COMMENT 'First CONNECTED, UTC ISO-8601 text; null if never connected',
  `ended_at`           string COMMENT 'First ENDED, UTC ISO-8601 text; null if never ended',
  `completed_at`       string COMMENT 'Leg end, UTC ISO-8601 text; partition time',
  `ring_ms`            bigint COMMENT 'Milliseconds in INCOMING, PENDING or CONNECTING',
  `talk_ms`            bigint COMMENT 'Milliseconds in CONNECTED',
  `hold_ms`            bigint COMMENT 'Milliseconds in CONNECTED_ONHOLD',
  `hold_count`         int    COMMENT 'Times the leg entered CONNECTED_ONHOLD',
  `acw_ms`             bigint COMMENT 'Milliseconds in ENDED while still listed (after-contact work)',
  `handle_ms`          bigint COMMENT 'talk_ms + hold_ms + acw_ms',
  `routing_profile_name` string COMMENT 'RoutingProfile.Name in the latest snapshot that listed the leg',
  `hierarchy_level_1` string COMMENT 'AgentHierarchyGroups.Level1.Name (same snapshot), e.g. a region',
  `hierarchy_level_2` string COMMENT 'AgentHierarchyGroups.Level2.Name (same snapshot), e.g. a site',
  `hierarchy_level_3` string COMMENT 'AgentHierarchyGroups.Level3.Name (same snapshot), e.g. a team',
  `hierarchy_level_4` string COMMENT 'AgentHierarchyGroups.Level4.Name (same snapshot)',
  `hierarchy_level_5` string COMMENT 'AgentHierarchyGroups.Level5.Name (same snapshot)'
)
COMMENT 'One row per contact leg (agent, contact id), written when the leg ends. Partitioned by the UTC date and hour of completed_at. Times are UTC ISO-8601 strings: use from_iso8601_timestamp(col). See docs/analytics.md'
PARTITIONED BY (`dt` string, `hour` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/contacts/'
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
  'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/contacts/dt=${dt}/hour=${hour}'
)
