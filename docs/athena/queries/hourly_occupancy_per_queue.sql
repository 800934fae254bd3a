-- Hourly occupancy per queue.
--
-- Answers: for each queue and each UTC hour, the share of the agents' productive time that was spent working
-- contacts: (on contact + after-contact work) / (on contact + after-contact work + available).
--
-- Source: `queue_metrics`, one row per (window, queue); an agent serving several queues counts in each of them.
-- The hour is the UTC hour of window_start, i.e. the (dt, hour) partition (windows of 15 min, the default, fall
-- four to an hour; this query makes sense for windows of one hour or less that divide the hour).
--
-- Why a ratio of sums and not avg(occupancy): each window's occupancy has its own denominator. A window with one
-- agent available for a minute and busy for a minute (occupancy 0.5) would weigh as much as a window with forty
-- agents busy all the time (occupancy 1.0), and windows with a null occupancy (no productive time) would silently
-- drop out. Adding the agent-milliseconds first and dividing once gives exactly the occupancy of the whole hour,
-- the same number the job would write with a one-hour window. The same rule holds for any roll-up (day, week,
-- all queues): sum the *_ms columns, then divide.
SELECT
    dt                                                         AS day_utc,
    "hour"                                                     AS hour_utc,
    queue_arn,
    max_by(queue_name, window_start)                           AS queue_name,
    sum(on_contact_ms + acw_ms)                                AS working_ms,
    sum(available_ms)                                          AS available_ms,
    round(sum(staffed_ms) / 3600000.0, 2)                      AS avg_agents_staffed,  -- agent-hours in one hour
    CAST(sum(on_contact_ms + acw_ms) AS double)
        / nullif(sum(on_contact_ms + acw_ms + available_ms), 0) AS occupancy
FROM queue_metrics
WHERE dt = '2024-05-06'
GROUP BY dt, "hour", queue_arn
ORDER BY queue_name, day_utc, hour_utc;
