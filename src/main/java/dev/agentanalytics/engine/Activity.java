package dev.agentanalytics.engine;

/**
 * What an agent is doing at an instant, in Amazon Connect's real-time precedence (docs/analytics.md §3.4): the
 * first that applies wins. The declaration order is that precedence.
 */
public enum Activity {
    ERROR,
    MISSED,
    REJECTED,
    ON_CONTACT,
    AFTER_CONTACT_WORK,
    INCOMING,
    NON_PRODUCTIVE,
    OFFLINE,
    AVAILABLE;

    /** The activity of an agent with this status type and these contact legs (any state, MONITOR legs included). */
    static Activity of(String statusType, ContactLeg[] legs) {
        Activity best = null;
        for (ContactLeg leg : legs) {
            Activity fromContact = LegState.of(leg.state).activity;
            if (fromContact != null && (best == null || fromContact.ordinal() < best.ordinal())) {
                best = fromContact;
            }
        }
        if (best != null) return best;
        if ("CUSTOM".equals(statusType)) return NON_PRODUCTIVE;
        if ("OFFLINE".equals(statusType)) return OFFLINE;
        return AVAILABLE;
    }
}
