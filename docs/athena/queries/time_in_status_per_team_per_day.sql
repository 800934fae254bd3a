-- Time in each status per team per day.
--
-- Answers: for each team of the agent hierarchy (levels 1 to 5, for example region / site / team) and each UTC
-- day, how many hours its agents spent in each status, and how many agents that was.
--
-- Source: `agent_status`. Each row carries the hierarchy the agent was in while the time was spent (docs/analytics.md
-- 4.1), so an agent who moved to another team counts in each team for the time spent there, and a team's hours add
-- up to its agents' logged-in time. The dt predicate selects the UTC days of window_start and prunes partitions; for
-- local days, see local_day_rollup.sql.
SELECT
    dt                                            AS day_utc,
    hierarchy_level_1,
    hierarchy_level_2,
    hierarchy_level_3,
    hierarchy_level_4,
    hierarchy_level_5,
    status_name,
    count(DISTINCT agent_arn)                     AS agents,
    round(sum(duration_ms) / 3600000.0, 2)        AS hours
FROM agent_status
WHERE dt BETWEEN '2024-05-01' AND '2024-05-07'
GROUP BY dt, hierarchy_level_1, hierarchy_level_2, hierarchy_level_3, hierarchy_level_4, hierarchy_level_5,
         status_name
ORDER BY day_utc, hierarchy_level_1, hierarchy_level_2, hierarchy_level_3, hierarchy_level_4, hierarchy_level_5,
         hours DESC;
