-- Average handle time (AHT) per queue per day.
--
-- Answers: for each queue and each UTC day, how many contact legs were handled and what was their average handle
-- time (talk + hold + after-contact work), in seconds.
--
-- Source: `contacts`, one row per agent leg of a contact. A leg counts when
--   * outcome = 'HANDLED' (it was CONNECTED at least once; legs cut by a timeout, or still listed by a LOGOUT's own
--     snapshot, are INCOMPLETE and left out),
--   * it is not a supervisor MONITOR leg (initiation_method can be null: coalesce so null legs are kept, as the
--     job does for queue_metrics),
--   * it has a queue.
-- The day is the UTC day of completed_at (the end of the leg, after-contact work included), which is exactly the
-- `dt` partition of `contacts`: the dt predicate both selects the days and prunes partitions.
-- The average is sum / count over legs, never an average of per-window averages.
SELECT
    dt                                                   AS day_utc,
    queue_arn,
    max_by(queue_name, completed_at)                     AS queue_name,   -- latest name seen that day
    count(*)                                             AS contacts_handled,
    sum(handle_ms)                                       AS handle_ms_sum,
    round(sum(handle_ms) / 1000.0 / count(*), 1)         AS aht_s,
    round(sum(talk_ms)   / 1000.0 / count(*), 1)         AS avg_talk_s,
    round(sum(hold_ms)   / 1000.0 / count(*), 1)         AS avg_hold_s,
    round(sum(acw_ms)    / 1000.0 / count(*), 1)         AS avg_acw_s
FROM contacts
WHERE dt BETWEEN '2024-05-01' AND '2024-05-07'
  AND outcome = 'HANDLED'
  AND coalesce(initiation_method, '') <> 'MONITOR'
  AND queue_arn IS NOT NULL
GROUP BY dt, queue_arn
ORDER BY day_utc, queue_name;

-- Days in a local time zone instead of UTC: widen the dt range by one day on each side (partitions are UTC) and
-- group by the local date of completed_at:
--
--   SELECT date(from_iso8601_timestamp(completed_at) AT TIME ZONE 'America/New_York') AS day_local, queue_arn, ...
--   FROM contacts
--   WHERE dt BETWEEN '2024-04-30' AND '2024-05-08'
--     AND date(from_iso8601_timestamp(completed_at) AT TIME ZONE 'America/New_York')
--         BETWEEN DATE '2024-05-01' AND DATE '2024-05-07'
--     AND ...same filters as above...
--   GROUP BY 1, 2

-- Alternative from `queue_metrics`: the job already sums handled legs per queue and window (same rules: HANDLED,
-- not MONITOR, by the window that contains completed_at). Add the sums, then divide; never average avg_handle_ms.
-- Differences from the query above: queue_metrics has no row for a (window, queue) where no agent served the queue
-- (staffed_ms = 0), so legs of such a queue in such a window are missing there (typically transfers to an agent's
-- own queue, or to a queue not in any logged-in agent's routing profile); and the day is that of window_start,
-- which equals the day of completed_at when windows never cross UTC midnight (window-offset a whole number of
-- window lengths from midnight).
--
--   SELECT dt AS day_utc, queue_arn, max_by(queue_name, window_start) AS queue_name,
--          sum(contacts_handled) AS contacts_handled,
--          round(sum(handle_ms_sum) / 1000.0 / nullif(sum(contacts_handled), 0), 1) AS aht_s
--   FROM queue_metrics
--   WHERE dt BETWEEN '2024-05-01' AND '2024-05-07'
--   GROUP BY dt, queue_arn
--   ORDER BY day_utc, queue_name;
