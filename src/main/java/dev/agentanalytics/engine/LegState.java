package dev.agentanalytics.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * What each contact {@code State} Connect sends means to the engine, in one table: which duration of the leg its
 * time counts in (docs/analytics.md §4.3), the agent activity it gives (§3.4), the supervisor alert a leg can raise
 * by staying in it (§4.5), and whether reaching it is a failed outcome (§4.3). A state Connect adds later is
 * {@link #UNKNOWN}: it counts in no duration, gives no activity and raises nothing, but its text is kept, and a
 * change of the text is still a change of state.
 */
enum LegState {
    //               counts in          activity it gives             alert it can raise                      failure
    INCOMING(        LegTime.RING, Activity.INCOMING,           AlertType.CONTACT_RINGING_TOO_LONG,    false),
    PENDING(         LegTime.RING, Activity.INCOMING,           AlertType.CONTACT_RINGING_TOO_LONG,    false),
    CONNECTING(      LegTime.RING, Activity.INCOMING,           AlertType.CONTACT_RINGING_TOO_LONG,    false),
    CONNECTED(       LegTime.TALK, Activity.ON_CONTACT,         null,                                  false),
    CONNECTED_ONHOLD(LegTime.HOLD, Activity.ON_CONTACT,         AlertType.CONTACT_ON_HOLD_TOO_LONG,    false),
    PAUSED(          LegTime.NONE, Activity.ON_CONTACT,         null,                                  false),
    ENDED(           LegTime.ACW,  Activity.AFTER_CONTACT_WORK, AlertType.AFTER_CONTACT_WORK_TOO_LONG, false),
    MISSED(          LegTime.NONE, Activity.MISSED,             AlertType.AGENT_STUCK,                 true),
    REJECTED(        LegTime.NONE, Activity.REJECTED,           null,                                  true),
    ERROR(           LegTime.NONE, Activity.ERROR,              AlertType.AGENT_STUCK,                 true),
    UNKNOWN(         LegTime.NONE, null,                        null,                                  false);

    /** The duration of a contact leg that time in a state adds to. */
    enum LegTime { RING, TALK, HOLD, ACW, NONE }

    private static final Map<String, LegState> BY_TEXT = new HashMap<>();

    static {
        for (LegState state : values()) {
            if (state != UNKNOWN) BY_TEXT.put(state.name(), state);
        }
    }

    final LegTime time;
    /** Null when the state says nothing about the agent's activity. */
    final Activity activity;
    /** Null when staying in the state raises no alert. */
    final AlertType alert;
    final boolean failure;

    LegState(LegTime time, Activity activity, AlertType alert, boolean failure) {
        this.time = time;
        this.activity = activity;
        this.alert = alert;
        this.failure = failure;
    }

    /** The meaning of a {@code State} text; {@link #UNKNOWN} for null and for states the job does not know. */
    static LegState of(String text) {
        LegState state = text == null ? null : BY_TEXT.get(text);
        return state == null ? UNKNOWN : state;
    }
}
