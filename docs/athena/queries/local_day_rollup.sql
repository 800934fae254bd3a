-- Queue staffing per local day, in a time zone with daylight saving (Europe/Berlin).
--
-- Answers: per queue and local calendar day, how many 15-minute windows had agents serving the queue, the agent-hours
-- staffed, and the day's occupancy, for days as the contact center's clock counts them.
--
-- Source: `queue_metrics`, 15-minute rows with UTC window_start. Each row goes to the local date of its window_start
-- in the zone: with 15-minute windows no window spans a local midnight, daylight saving or not, so rows add up
-- exactly to local days. A local day has 23 hours the night the clocks go forward (2024-03-31 in Berlin: 92
-- windows at most) and 25 the night they go back; a fixed UTC offset (window-offset) cannot say that. Partitions
-- are UTC dates: read the UTC days around the local days wanted, then keep the local days.
WITH localized AS (
    SELECT
        CAST(from_iso8601_timestamp(window_start) AT TIME ZONE 'Europe/Berlin' AS date) AS local_day,
        queue_arn,
        queue_name,
        window_start,
        staffed_ms,
        available_ms,
        on_contact_ms,
        acw_ms
    FROM queue_metrics
    WHERE dt BETWEEN '2024-03-29' AND '2024-04-01'
)
SELECT
    local_day,
    queue_arn,
    max_by(queue_name, window_start)                                AS queue_name,
    count(*)                                                        AS windows,
    round(sum(staffed_ms) / 3600000.0, 2)                           AS staffed_hours,
    CAST(sum(on_contact_ms + acw_ms) AS double)
        / nullif(sum(on_contact_ms + acw_ms + available_ms), 0)     AS occupancy
FROM localized
WHERE local_day BETWEEN DATE '2024-03-30' AND DATE '2024-03-31'
GROUP BY local_day, queue_arn
ORDER BY local_day, queue_name;
