package dev.agentanalytics.engine;

import dev.agentanalytics.event.Grouping;

/** One contact leg (agent, contact id) being followed: its current state and the time it has accrued so far. */
public class ContactLeg {
    /** Null for a listed contact that cannot be followed (no id, or a repeated one): it only counts as listed. */
    public String contactId;
    public String initialContactId;
    public String queueArn;
    public String queueName;
    public String channel;
    public String initiationMethod;
    /** The agent's routing profile and hierarchy in the latest snapshot that listed the leg. */
    public Grouping grouping = new Grouping();
    /** Current {@code State} text (its meaning: {@link LegState}) and when it started (docs/analytics.md §3.5). */
    public String state;
    public long stateStart;
    /** Event time at which the current state was first seen (alerts never fire before the state is known). */
    public long stateSeenAt;
    public long offeredAt;
    /** Start of the first CONNECTED state; null while never connected (then the leg cannot be HANDLED). */
    public Long connectedAt;
    public Long endedAt;
    public long ringMs;
    public long talkMs;
    public long holdMs;
    public int holdCount;
    public long acwMs;
    /** The first failed state (MISSED, REJECTED or ERROR) the leg reached; null when none. */
    public String firstFailure;
    /** The supervisor alert open on this leg (for example on hold too long) and its id, or null. */
    public AlertType openAlert;
    public String openAlertId;

    public ContactLeg() {}
}
