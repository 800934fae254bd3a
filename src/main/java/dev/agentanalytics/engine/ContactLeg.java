package dev.agentanalytics.engine;

/** One contact leg (agent, contact id) being followed: its current state and the time it has accrued so far. */
public class ContactLeg {
    public String contactId;
    public String initialContactId;
    public String queueArn;
    public String queueName;
    public String channel;
    public String initiationMethod;
    /** Current {@code State} text and when it started (spec section 5's state-start rule). */
    public String state;
    public long stateStart;
    /** Event time at which the current state was first seen (alerts never fire before the state is known). */
    public long stateSeenAt;
    public long offeredAt;
    public Long connectedAt;
    public Long endedAt;
    public long ringMs;
    public long talkMs;
    public long holdMs;
    public int holdCount;
    public long acwMs;
    public boolean everConnected;
    /** The first of MISSED, REJECTED or ERROR the leg reached; null when none. */
    public String firstFailure;
    /** The supervisor alert open on this leg (for example ON_HOLD too long), or null. */
    public String openAlertType;
    public String openAlertId;

    public ContactLeg() {}
}
