package dev.agentanalytics.engine;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.engine.LegState.LegTime;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.queue.QueueShare;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One agent's life in event time, as a plain function of its ordered events (docs/analytics.md §3 and §4.5).
 *
 * <p>Callers apply events in {@code EventTimestamp} order (ties in arrival order) with {@link #apply} and move time
 * forward with {@link #advanceTo} (live: the watermark) or stop it with {@link #finish} (end of a bounded input).
 * Between events the agent's state is constant, so intervals are counted lazily, cut at window boundaries, and
 * deadlines (stale, session timeout, supervisor alerts) fire strictly after their limit. Flink-free, so the same
 * code gives the same rows live and in replay, and tests can drive it directly.
 */
public final class AgentTimeline {
    private static final String MONITOR = "MONITOR";
    private static final String OFFLINE = "OFFLINE";

    private final EngineSettings settings;
    private final String agentArn;
    private final AgentState s;
    private final TimelineOutput out;

    public AgentTimeline(EngineSettings settings, String agentArn, AgentState state, TimelineOutput out) {
        this.settings = settings;
        this.agentArn = agentArn;
        this.s = state;
        this.out = out;
    }

    public AgentState state() {
        return s;
    }

    /** Applies one event at its {@code EventTimestamp}; everything that happens before it happens first. */
    public void apply(AgentEvent event) {
        long t = event.eventTime;
        fireDeadlinesBefore(t);
        forgetLogoutBefore(t);
        accrueUntil(t);
        if (s.sessionOpen && s.staleAlertId != null) recover(t);
        switch (event.eventType) {
            case AgentEvent.LOGIN:
            case AgentEvent.STATE_CHANGE:
                if (!s.sessionOpen) openSession(t);
                applySnapshot(event, t);
                break;
            case AgentEvent.HEART_BEAT:
                // A job started mid-shift, or a timed-out session, is picked up by heart beats; a logout is not.
                if (!s.sessionOpen && !s.loggedOut && !OFFLINE.equals(event.statusType)) openSession(t);
                if (s.sessionOpen) applySnapshot(event, t);
                break;
            case AgentEvent.LOGOUT:
                s.loggedOut = true;
                if (s.sessionOpen) {
                    applySnapshot(event, t);
                    closeSession(t, false);
                }
                break;
            default: // a newer event type: refreshes an open session, never opens or closes one
                if (s.sessionOpen) applySnapshot(event, t);
        }
        s.lastEventTime = t;
    }

    /**
     * Moves time to {@code end} (exclusive): every deadline before it fires and every window that ends by it is
     * emitted. Live, {@code end} is the watermark + 1: all events up to the watermark have been applied.
     */
    public void advanceTo(long end) {
        fireDeadlinesBefore(end);
        forgetLogoutBefore(end);
        accrueUntil(end);
    }

    /**
     * Time stops at {@code end} (the largest event time of a bounded input): intervals count up to it, the window
     * containing it is emitted, legs still open are not written and no later deadline fires.
     */
    public void finish(long end) {
        advanceTo(end);
        emitTally();
    }

    /**
     * The earliest instant at which something happens without a further event: a window to emit, a deadline to
     * fire. As a Flink event-time timer: the watermark at which to call {@code advanceTo(watermark + 1)}.
     * Long.MAX_VALUE when nothing is due.
     */
    public long nextDueTime() {
        long due = nextDeadline();
        if (s.tally != null) due = Math.min(due, s.tally.windowStart + settings.windowMs - 1);
        if (s.sessionOpen) due = Math.min(due, settings.windowStartOf(s.accruedTo) + settings.windowMs - 1);
        if (s.loggedOut) due = Math.min(due, s.lastEventTime + settings.sessionTimeoutMs);
        return due;
    }

    // ---- sessions ------------------------------------------------------------------------------------------

    private void openSession(long t) {
        s.loggedOut = false;
        s.sessionOpen = true;
        s.accruedTo = t;
        s.lastEventTime = t;
    }

    /** Ends the session at {@code t}: legs still listed end INCOMPLETE; a stale alert ends silently on timeout. */
    private void closeSession(long t, boolean timedOut) {
        for (ContactLeg leg : s.legs) {
            if (leg.contactId != null) endLeg(leg, t, true, !timedOut);
        }
        s.legs = new ContactLeg[0];
        s.queues = new ServedQueue[0];
        s.sessionOpen = false;
        s.staleAlertId = null;
        s.statusName = null;
        s.statusType = null;
    }

    /**
     * The logged-out mark is forgotten once the agent has sent nothing for longer than {@code session-timeout}
     * (strict) before {@code limit}: the heart beats that follow a logout have stopped, and a later one is a new
     * shift the job joins mid-way (docs/analytics.md §3.2).
     */
    private void forgetLogoutBefore(long limit) {
        if (s.loggedOut && s.lastEventTime + settings.sessionTimeoutMs < limit) s.loggedOut = false;
    }

    private void applySnapshot(AgentEvent event, long t) {
        s.username = event.username;
        // Legs first: an alert resolved by this event describes the agent as it was until now.
        List<ContactLeg> listed = new ArrayList<>(event.contacts.length);
        for (int i = 0; i < event.contacts.length; i++) {
            ContactState contact = event.contacts[i];
            if (!followed(event.contacts, i)) {
                listed.add(unfollowed(contact));
                continue;
            }
            ContactLeg leg = findLeg(contact.contactId);
            if (leg == null) {
                leg = startLeg(contact, t);
            } else {
                changeState(leg, contact, t);
            }
            leg.initialContactId = contact.initialContactId;
            leg.queueArn = contact.queueArn;
            leg.queueName = contact.queueName;
            leg.channel = contact.channel;
            leg.initiationMethod = contact.initiationMethod;
            leg.grouping = event.grouping;
            listed.add(leg);
        }
        for (ContactLeg leg : s.legs) {
            if (leg.contactId != null && !listed.contains(leg)) endLeg(leg, t, false, true);
        }
        s.legs = listed.toArray(new ContactLeg[0]);
        s.statusName = event.statusName;
        s.statusType = event.statusType;
        s.grouping = event.grouping;
        s.queues = event.queues;
    }

    // ---- contact legs (docs/analytics.md §3.5, §4.3) ----------------------------------------------------------

    private ContactLeg findLeg(String contactId) {
        for (ContactLeg leg : s.legs) {
            if (contactId.equals(leg.contactId)) return leg;
        }
        return null;
    }

    /** A listed contact is followed as a leg when it has an id and is the last entry with it (docs §3.5). */
    private static boolean followed(ContactState[] contacts, int i) {
        String id = contacts[i].contactId;
        if (id == null) return false;
        for (int later = i + 1; later < contacts.length; later++) {
            if (id.equals(contacts[later].contactId)) return false;
        }
        return true;
    }

    /**
     * A listed entry that cannot be followed (no id, or an earlier entry of a repeated one): it counts in the
     * activity and the open contacts until the next snapshot, and is never a row or an alert of its own.
     */
    private static ContactLeg unfollowed(ContactState contact) {
        ContactLeg leg = new ContactLeg();
        leg.state = contact.state;
        return leg;
    }

    private ContactLeg startLeg(ContactState contact, long t) {
        ContactLeg leg = new ContactLeg();
        leg.contactId = contact.contactId;
        long start = contact.stateStart != null && contact.stateStart <= t ? contact.stateStart : t;
        leg.offeredAt = start;
        enterState(leg, contact.state, start, t);
        return leg;
    }

    private void changeState(ContactLeg leg, ContactState contact, long t) {
        if (Objects.equals(leg.state, contact.state)) return;
        // Connect does not always move StateStartTimestamp (on hold, for one): only a later, known start counts.
        long start = contact.stateStart != null && contact.stateStart <= t && contact.stateStart > leg.stateStart
                ? contact.stateStart : t;
        addStateTime(leg, start);
        resolveContactAlert(leg, t);
        enterState(leg, contact.state, start, t);
    }

    private static void enterState(ContactLeg leg, String state, long start, long seenAt) {
        leg.state = state;
        leg.stateStart = start;
        leg.stateSeenAt = seenAt;
        LegState meaning = LegState.of(state);
        if (meaning.time == LegTime.TALK && leg.connectedAt == null) leg.connectedAt = start;
        if (meaning.time == LegTime.HOLD) leg.holdCount++;
        if (meaning.time == LegTime.ACW && leg.endedAt == null) leg.endedAt = start;
        if (meaning.failure && leg.firstFailure == null) leg.firstFailure = state;
    }

    /** Adds the time from the current state's start to {@code until} to the duration that state counts in. */
    private static void addStateTime(ContactLeg leg, long until) {
        long ms = Math.max(0, until - leg.stateStart);
        switch (LegState.of(leg.state).time) {
            case RING:
                leg.ringMs += ms;
                break;
            case TALK:
                leg.talkMs += ms;
                break;
            case HOLD:
                leg.holdMs += ms;
                break;
            case ACW:
                leg.acwMs += ms;
                break;
            default: // PAUSED, MISSED, REJECTED, ERROR and unknown states count in no duration
        }
    }

    /** The leg ends at {@code t}; {@code incomplete} when the session closed while it was still listed. */
    private void endLeg(ContactLeg leg, long t, boolean incomplete, boolean resolveAlert) {
        addStateTime(leg, t);
        if (resolveAlert) {
            resolveContactAlert(leg, t);
        }
        String outcome;
        if (incomplete) {
            outcome = "INCOMPLETE";
        } else if (leg.connectedAt != null) {
            outcome = "HANDLED";
        } else {
            outcome = leg.firstFailure != null ? leg.firstFailure : "INCOMPLETE";
        }
        ContactRow row = new ContactRow();
        row.contactId = leg.contactId;
        row.initialContactId = leg.initialContactId;
        row.agentArn = agentArn;
        row.username = s.username;
        row.queueArn = leg.queueArn;
        row.queueName = leg.queueName;
        row.channel = leg.channel;
        row.initiationMethod = leg.initiationMethod;
        row.outcome = outcome;
        row.offeredAt = UtcTimes.iso(leg.offeredAt);
        row.connectedAt = UtcTimes.isoOrNull(leg.connectedAt);
        row.endedAt = UtcTimes.isoOrNull(leg.endedAt);
        row.completedAt = UtcTimes.iso(t);
        row.ringMs = leg.ringMs;
        row.talkMs = leg.talkMs;
        row.holdMs = leg.holdMs;
        row.holdCount = leg.holdCount;
        row.acwMs = leg.acwMs;
        row.handleMs = leg.talkMs + leg.holdMs + leg.acwMs;
        row.grouped(leg.grouping);
        out.contact(row);
        if ("HANDLED".equals(outcome) && !MONITOR.equals(leg.initiationMethod) && leg.queueArn != null) {
            QueueShare share = tally(settings.windowStartOf(t)).queue(leg.queueArn);
            share.contactsHandled++;
            share.handleMsSum += row.handleMs;
        }
    }

    // ---- time in status, activity and queues (docs/analytics.md §3.3, §4.1, §4.2, §4.4) -----------------------

    /** Counts the open session's state up to {@code t}, cut at window boundaries; emits windows that end. */
    private void accrueUntil(long t) {
        if (t <= s.accruedTo) return;
        if (!s.sessionOpen) {
            if (s.tally != null && s.tally.windowStart + settings.windowMs <= t) emitTally();
            s.accruedTo = t;
            return;
        }
        while (s.accruedTo < t) {
            long windowStart = settings.windowStartOf(s.accruedTo);
            long windowEnd = windowStart + settings.windowMs;
            long end = Math.min(t, windowEnd);
            count(windowStart, end - s.accruedTo, end);
            s.accruedTo = end;
            if (end == windowEnd) emitTally();
        }
    }

    private void count(long windowStart, long ms, long until) {
        WindowTally tally = tally(windowStart);
        tally.username = s.username;
        Activity activity = Activity.of(s.statusType, s.legs);
        tally.addStatus(s.statusName, s.statusType, s.grouping, ms);
        tally.addActivity(activity, s.statusName, s.grouping, ms);
        for (ServedQueue queue : s.queues) {
            tally.addQueueTime(queue.arn, queue.name, activity, ms, until);
        }
    }

    /** The tally of the window starting at {@code windowStart}; an earlier window still held is emitted first. */
    private WindowTally tally(long windowStart) {
        if (s.tally != null && s.tally.windowStart != windowStart) emitTally();
        if (s.tally == null) {
            s.tally = new WindowTally(windowStart);
            s.tally.username = s.username;
        }
        return s.tally;
    }

    private void emitTally() {
        WindowTally tally = s.tally;
        if (tally == null) return;
        s.tally = null;
        long start = tally.windowStart;
        long end = start + settings.windowMs;
        for (StatusTime status : tally.statuses) {
            if (status.ms > 0) {
                out.status(new AgentStatusRow(start, end, agentArn, tally.username, status.statusName,
                        status.statusType, status.grouping, status.ms));
            }
        }
        for (ActivityTime activity : tally.activities) {
            if (activity.ms > 0) {
                out.activity(new AgentActivityRow(start, end, agentArn, tally.username, activity.activity.name(),
                        activity.statusName, activity.grouping, activity.ms));
            }
        }
        for (QueueShare share : tally.queues) {
            out.queueShare(share);
        }
    }

    // ---- deadlines and alerts (docs/analytics.md §3.2, §4.5) ------------------------------------------------

    /** Fires, in time order, every deadline strictly before {@code limit}. */
    private void fireDeadlinesBefore(long limit) {
        while (s.sessionOpen) {
            long timeout = s.lastEventTime + settings.sessionTimeoutMs;
            long stale = s.staleAlertId == null ? s.lastEventTime + settings.staleAfterMs : Long.MAX_VALUE;
            ContactLeg alertLeg = nextContactAlertLeg();
            long contactDue = alertLeg == null ? Long.MAX_VALUE : contactAlertDue(alertLeg);
            long due = Math.min(timeout, Math.min(stale, contactDue));
            if (due >= limit) return;
            accrueUntil(due);
            if (due == stale) {
                raiseStale(due);
            } else if (due == contactDue) {
                raiseContactAlert(alertLeg, due);
            } else {
                closeSession(due, true);
            }
        }
    }

    private long nextDeadline() {
        if (!s.sessionOpen) return Long.MAX_VALUE;
        long due = s.lastEventTime + settings.sessionTimeoutMs;
        if (s.staleAlertId == null) due = Math.min(due, s.lastEventTime + settings.staleAfterMs);
        ContactLeg leg = nextContactAlertLeg();
        if (leg != null) due = Math.min(due, contactAlertDue(leg));
        return due;
    }

    private void raiseStale(long detectedAt) {
        s.staleAlertId = alertId(AlertType.AGENT_STALE, null, detectedAt);
        out.alert(alertRow(s.staleAlertId, AlertType.AGENT_STALE.name(), null, detectedAt, settings.staleAfterMs));
    }

    private void recover(long t) {
        out.alert(alertRow(s.staleAlertId, AlertType.AGENT_STALE.resolvedName(), null, t, t - s.lastEventTime));
        s.staleAlertId = null;
    }

    /** The leg whose supervisor alert is due first, or null when none can fire. */
    private ContactLeg nextContactAlertLeg() {
        ContactLeg next = null;
        for (ContactLeg leg : s.legs) {
            if (leg.contactId != null && leg.openAlert == null && thresholdFor(leg.state) > 0
                    && (next == null || contactAlertDue(leg) < contactAlertDue(next))) {
                next = leg;
            }
        }
        return next;
    }

    private long contactAlertDue(ContactLeg leg) {
        return Math.max(leg.stateStart + thresholdFor(leg.state), leg.stateSeenAt);
    }

    /** How long a leg may stay in {@code state} before its alert fires; 0 when the state raises none. */
    private long thresholdFor(String state) {
        AlertType type = LegState.of(state).alert;
        if (type == null) return 0;
        switch (type) {
            case CONTACT_ON_HOLD_TOO_LONG:
                return settings.holdAlertMs;
            case AFTER_CONTACT_WORK_TOO_LONG:
                return settings.acwAlertMs;
            case CONTACT_RINGING_TOO_LONG:
                return settings.ringingAlertMs;
            default:
                return settings.stuckAlertMs;
        }
    }

    private void raiseContactAlert(ContactLeg leg, long detectedAt) {
        AlertType type = LegState.of(leg.state).alert;
        leg.openAlert = type;
        leg.openAlertId = alertId(type, leg.contactId, detectedAt);
        out.alert(alertRow(leg.openAlertId, type.name(), leg.contactId, detectedAt, detectedAt - leg.stateStart));
    }

    private void resolveContactAlert(ContactLeg leg, long t) {
        if (leg.openAlert == null) return;
        out.alert(alertRow(leg.openAlertId, leg.openAlert.resolvedName(), leg.contactId, t, t - leg.stateStart));
        leg.openAlert = null;
        leg.openAlertId = null;
    }

    private AlertRow alertRow(String id, String type, String contactId, long detectedAt, long silenceMs) {
        AlertRow row = new AlertRow();
        row.alertId = id;
        row.alertType = type;
        row.agentArn = agentArn;
        row.username = s.username;
        row.contactId = contactId;
        row.detectedAt = UtcTimes.iso(detectedAt);
        row.lastEventAt = UtcTimes.iso(s.lastEventTime);
        row.silenceMs = silenceMs;
        row.statusName = s.statusName;
        row.openContacts = s.legs.length;
        row.grouped(s.grouping);
        return row;
    }

    /** Deterministic: the same input gives the same id; both rows of one alert share it. */
    private String alertId(AlertType type, String contactId, long detectedAt) {
        String key = agentArn + '|' + type.name() + '|' + (contactId == null ? "" : contactId) + '|' + detectedAt;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
