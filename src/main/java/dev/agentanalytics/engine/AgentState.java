package dev.agentanalytics.engine;

import dev.agentanalytics.event.Activity;
import dev.agentanalytics.event.ServedQueue;

/**
 * Everything the engine keeps for one agent, as one Flink POJO. Its size is bounded by what the agent is doing
 * now (open legs, the current window, recent event ids), never by its history.
 */
public class AgentState {
    public String agentArn;
    /** A LOGOUT of this agent was processed at some point: heart beats never reopen a session after that. */
    public boolean loggedOut;

    public boolean sessionOpen;
    /** Time of the latest applied event while a session was open (deadlines count from it). */
    public long lastEventTime = Long.MIN_VALUE;
    /** Intervals are counted up to here (exclusive). */
    public long accruedTo = Long.MIN_VALUE;

    // The agent's current snapshot, reduced.
    public String username;
    public String statusName;
    public String statusType;
    public Activity activity;
    public ServedQueue[] queues = new ServedQueue[0];
    public ContactLeg[] legs = new ContactLeg[0];

    /** Null when nothing was counted in the current window. */
    public WindowTally tally;

    /** The open AGENT_STALE alert, or null. */
    public String staleAlertId;

    /** Recent event ids (de-duplication) and their event times, pruned to the de-duplication window. */
    public String[] recentEventIds = new String[0];
    public long[] recentEventTimes = new long[0];
    public long newestEventTime = Long.MIN_VALUE;

    /** Time has stopped for this agent: the input ended and its last rows are out. */
    public boolean finished;

    /** The maintenance timer currently registered (window end, deadline, clean-up), or Long.MIN_VALUE. */
    public long timerAt = Long.MIN_VALUE;

    public AgentState() {}

    /** Nothing left to count or to remember but, possibly, that the agent logged out. */
    public boolean isIdle() {
        return !sessionOpen && tally == null && recentEventIds.length == 0;
    }
}
