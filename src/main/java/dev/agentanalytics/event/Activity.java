package dev.agentanalytics.event;

/**
 * What an agent is doing at an instant, in Amazon Connect's real-time precedence: the first that applies wins.
 * The declaration order is that precedence.
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

    /** The activity of an agent with this status type and these contacts (any state, MONITOR legs included). */
    public static Activity of(String statusType, ContactState[] contacts) {
        Activity best = null;
        for (ContactState contact : contacts) {
            Activity fromContact = ofContactState(contact.state);
            if (fromContact != null && (best == null || fromContact.ordinal() < best.ordinal())) {
                best = fromContact;
            }
        }
        if (best != null) return best;
        if ("CUSTOM".equals(statusType)) return NON_PRODUCTIVE;
        if ("OFFLINE".equals(statusType)) return OFFLINE;
        return AVAILABLE;
    }

    /** The activity a contact in this state implies, or null when the state implies none (PAUSED is on contact). */
    static Activity ofContactState(String state) {
        if (state == null) return null;
        switch (state) {
            case "ERROR":
                return ERROR;
            case "MISSED":
                return MISSED;
            case "REJECTED":
                return REJECTED;
            case "CONNECTED":
            case "CONNECTED_ONHOLD":
            case "PAUSED":
                return ON_CONTACT;
            case "ENDED":
                return AFTER_CONTACT_WORK;
            case "INCOMING":
            case "PENDING":
            case "CONNECTING":
                return INCOMING;
            default:
                return null;
        }
    }
}
