package dev.agentanalytics.engine;

/**
 * The alerts the engine raises (docs/analytics.md §4.5). Each opens once and is later resolved (or ends silently
 * when the session times out); {@link #resolvedName()} is the {@code alert_type} of the resolving row. Which
 * contact state raises which alert is in {@link LegState}.
 */
public enum AlertType {
    /** No event of any type for longer than {@code stale-after} while a session is open. */
    AGENT_STALE("AGENT_RECOVERED"),
    /** A contact on hold longer than {@code alert.hold-after}. */
    CONTACT_ON_HOLD_TOO_LONG("CONTACT_ON_HOLD_TOO_LONG_RESOLVED"),
    /** A contact in after-contact work longer than {@code alert.acw-after}. */
    AFTER_CONTACT_WORK_TOO_LONG("AFTER_CONTACT_WORK_TOO_LONG_RESOLVED"),
    /** A contact ringing (INCOMING, PENDING, CONNECTING) longer than {@code alert.ringing-after}. */
    CONTACT_RINGING_TOO_LONG("CONTACT_RINGING_TOO_LONG_RESOLVED"),
    /** A contact stuck in MISSED or ERROR longer than {@code alert.stuck-after}. */
    AGENT_STUCK("AGENT_STUCK_RESOLVED");

    private final String resolvedName;

    AlertType(String resolvedName) {
        this.resolvedName = resolvedName;
    }

    public String resolvedName() {
        return resolvedName;
    }
}
