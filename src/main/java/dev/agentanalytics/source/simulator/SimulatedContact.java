package dev.agentanalytics.source.simulator;

/**
 * One contact leg on a simulated agent: what Connect lists in {@code Contacts}, plus what the simulation has
 * decided about its future (how it ends, how many holds are left, when it next changes state).
 */
final class SimulatedContact {
    static final long NONE = -1;

    /** How the leg will end; fixed when it is offered. */
    enum Outcome { HANDLED, MISSED, REJECTED, ERROR }

    final String contactId;
    /** Set on transfers: the contact the transfer chain started with. */
    final String initialContactId;
    final String channel;
    final String initiationMethod;
    final ContactCenterLayout.Queue queue;
    /** When the contact entered the queue; NONE for outbound calls. */
    final long queueTimestamp;
    final Outcome outcome;

    String state;
    long stateStart;
    long connectedAt = NONE;
    int holdsLeft;
    long nextChangeAt;

    SimulatedContact(String contactId, String initialContactId, String channel, String initiationMethod,
            ContactCenterLayout.Queue queue, long queueTimestamp, Outcome outcome, int holds) {
        this.contactId = contactId;
        this.initialContactId = initialContactId;
        this.channel = channel;
        this.initiationMethod = initiationMethod;
        this.queue = queue;
        this.queueTimestamp = queueTimestamp;
        this.outcome = outcome;
        this.holdsLeft = holds;
    }

    /** States after which Connect clears the leg from the agent's list. */
    boolean isFinished() {
        return "ENDED".equals(state) || "MISSED".equals(state) || "REJECTED".equals(state)
                || "ERROR".equals(state);
    }
}
