-- Non-productive time by reason, per agent.
--
-- Answers: how many hours each agent spent in each non-productive (custom) status - Break, Lunch, Training... -
-- over the period, and what share of the agent's logged-in time that was.
--
-- Source: `agent_activity`. An agent is NON_PRODUCTIVE while its status Type is CUSTOM and it has no contact in a
-- state that sets the activity (a contact in progress or in after-contact work wins over the status); those rows
-- carry the status name in status_name, so the time splits by reason. Rows are per window; the dt predicate selects the UTC days of
-- window_start and prunes partitions.
-- Agents are identified by agent_arn (a username can be renamed); the latest username is shown.
WITH activity AS (
    SELECT agent_arn, username, window_start, activity, status_name, duration_ms
    FROM agent_activity
    WHERE dt BETWEEN '2024-05-01' AND '2024-05-07'
),
logged_in AS (
    SELECT agent_arn, sum(duration_ms) AS logged_in_ms      -- all activities: time with an open session
    FROM activity
    GROUP BY agent_arn
)
SELECT
    max_by(a.username, a.window_start)                       AS username,
    a.agent_arn,
    a.status_name                                            AS reason,
    round(sum(a.duration_ms) / 3600000.0, 2)                 AS hours,
    round(100.0 * sum(a.duration_ms) / max(l.logged_in_ms), 1) AS pct_of_logged_in
FROM activity a
JOIN logged_in l ON l.agent_arn = a.agent_arn
WHERE a.activity = 'NON_PRODUCTIVE'
GROUP BY a.agent_arn, a.status_name
ORDER BY username, hours DESC;
