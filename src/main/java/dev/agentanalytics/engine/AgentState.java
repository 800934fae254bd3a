package dev.agentanalytics.engine;

import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;

/**
 * Everything the engine keeps for one agent, as one value, stored by {@link AgentStateSerializerV5} (a field added
 * here must be added there). Its size is bounded by what the agent is doing
 * now (open legs, the current window, the ids of the de-duplication window, the events the watermark has not passed
 * yet), never by its history. Nothing here
 * can be derived from the rest: the agent's activity follows from its status type and its legs, its ARN is the key
 * (in a live job).
 */
public class AgentState {
    /**
     * Logged out (docs/analytics.md §3.2): from a processed LOGOUT until a session opens again, or until the agent
     * has sent nothing for longer than {@code session-timeout}. Heart beats never reopen a session meanwhile.
     */
    public boolean loggedOut;

    public boolean sessionOpen;
    /** Time of the agent's latest applied event of any type: deadlines and the logged-out mark count from it. */
    public long lastEventTime = Long.MIN_VALUE;
    /** Intervals are counted up to here (exclusive). */
    public long accruedTo = Long.MIN_VALUE;

    // The agent's current snapshot, reduced.
    public String username;
    public String statusName;
    public String statusType;
    /** Routing profile and hierarchy, as the latest snapshot had them. */
    public Grouping grouping = new Grouping();
    public ServedQueue[] queues = new ServedQueue[0];
    public ContactLeg[] legs = new ContactLeg[0];

    /** Null when nothing was counted in the current window. */
    public WindowTally tally;

    /** The open AGENT_STALE alert, or null. */
    public String staleAlertId;

    public RecentEventIds recentEventIds = new RecentEventIds();

    /**
     * BATCH mode only: the agent's ARN, which its key (a digest, {@link AgentKey}) does not give back. Null in a
     * live job, whose key is the ARN.
     */
    public String agentArn;

    /**
     * The agent's events waiting for the watermark, in the order they apply (§3.7): by timestamp, then arrival. Kept
     * here, not in a state of their own: under RocksDB each state read or write is a call into it, and an event
     * would otherwise cost three more (put it, and at its timer get and remove it). Beyond the first few, an
     * instant's events wait in the engine's {@code OVERFLOW} map state and one entry here stands for them
     * ({@link WaitingEvent#inOverflow()}), so that a watermark held back for long does not make every arrival
     * rewrite the backlog's events. Null in a state restored from a snapshot of layout v1 or v2, whose waiting events
     * are all in that map state: listed here the first time the agent is touched.
     */
    public WaitingEvent[] waiting;

    /** The agent's one timer (see {@code AgentEngineFunction}), or Long.MIN_VALUE when none is registered. */
    public long timerAt = Long.MIN_VALUE;

    public AgentState() {}

    /** Nothing left to count, to expire or to remember: the agent's state can go. */
    public boolean isEmpty() {
        return !sessionOpen && !loggedOut && tally == null && recentEventIds.isEmpty();
    }
}
