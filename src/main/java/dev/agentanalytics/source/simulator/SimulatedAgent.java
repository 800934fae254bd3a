package dev.agentanalytics.source.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One agent's shift as a state machine: LOGIN (Offline), Available, contacts offered and handled (ringing,
 * talking, holds, after-contact work, cleared; or missed, rejected, errored), breaks and other custom statuses
 * (queued as NextAgentStatus while busy), and for some agents Offline then LOGOUT. Every change is one
 * STATE_CHANGE; a HEART_BEAT follows 120 s after the last event when nothing else happens.
 *
 * <p>Each agent draws from its own random generator, so its story does not depend on the other agents.
 */
final class SimulatedAgent {
    static final long NEVER = Long.MAX_VALUE;
    static final long HEART_BEAT_MS = 120_000;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;

    private enum Phase { BEFORE_LOGIN, LOGGED_IN, LOGGED_OUT }

    final AgentProfile profile;
    final int index;
    /** Event time of the agent's next event; NEVER when it will send nothing more. Kept by the simulator. */
    long dueAt;

    private final ContactCenterLayout layout;
    private final AgentEventWriter writer;
    private final SplittableRandom random;
    private final long loginAt;
    /** From this event time on the agent sends nothing at all (a silent agent); NEVER for the others. */
    private final long silentFrom;
    /** When the agent starts to leave: it goes Offline (once its contacts are cleared), then logs out. */
    private long leaveAt;
    private long logoutAt = NEVER;
    /** Connect keeps sending heart beats for a while after LOGOUT. */
    private long heartBeatsUntil;

    private Phase phase = Phase.BEFORE_LOGIN;
    private ContactCenterLayout.Status status;
    private long statusStart;
    private ContactCenterLayout.Status nextStatus;
    private long nextStatusEnqueuedAt;
    private ContactCenterLayout.Status plannedStatus;
    private long plannedStatusAt = NEVER;
    private long nextOfferAt = NEVER;
    private final List<SimulatedContact> contacts = new ArrayList<>(4);
    private long lastEventAt;
    private String lastSnapshot;

    SimulatedAgent(AgentProfile profile, int index, ContactCenterLayout layout, AgentEventWriter writer,
            SplittableRandom random, long loginAt, long leaveAt, long silentFrom) {
        this.profile = profile;
        this.index = index;
        this.layout = layout;
        this.writer = writer;
        this.random = random;
        this.loginAt = loginAt;
        this.leaveAt = leaveAt;
        this.silentFrom = silentFrom;
        this.dueAt = loginAt;
    }

    /** Event time of the next thing the agent does, or NEVER. */
    long nextActionTime() {
        switch (phase) {
            case BEFORE_LOGIN:
                return loginAt < silentFrom ? loginAt : NEVER;
            case LOGGED_OUT: {
                long heartBeat = lastEventAt + HEART_BEAT_MS;
                return heartBeat <= heartBeatsUntil ? heartBeat : NEVER;
            }
            default: {
                long next = Math.min(lastEventAt + HEART_BEAT_MS, Math.min(plannedStatusAt, nextOfferAt));
                next = Math.min(next, Math.min(leaveAt, logoutAt));
                for (SimulatedContact contact : contacts) {
                    next = Math.min(next, contact.nextChangeAt);
                }
                return next < silentFrom ? next : NEVER;
            }
        }
    }

    /** Does what is due at {@code now} (the value of {@link #nextActionTime()}) and returns the event it sends. */
    byte[] act(long now) {
        if (phase == Phase.BEFORE_LOGIN) return logIn(now);
        if (phase == Phase.LOGGED_OUT) return send(now, "HEART_BEAT", lastSnapshot);
        if (logoutAt <= now) return logOut(now);
        SimulatedContact due = firstDueContact(now);
        if (due != null) {
            advance(due, now);
        } else if (leaveAt <= now) {
            leaveAt = NEVER;
            plannedStatusAt = NEVER;
            changeStatus(layout.offline, now);
        } else if (plannedStatusAt <= now) {
            plannedStatusAt = NEVER;
            changeStatus(plannedStatus, now);
        } else if (nextOfferAt <= now) {
            nextOfferAt = NEVER;
            offerContact(now);
        } else {
            return send(now, "HEART_BEAT", lastSnapshot); // nothing changed: the snapshot is the last one
        }
        scheduleNextOffer(now);
        return send(now, "STATE_CHANGE", renderSnapshot());
    }

    private byte[] logIn(long now) {
        phase = Phase.LOGGED_IN;
        status = layout.offline;
        statusStart = now - 8 * 60 * MINUTE - random.nextLong(8 * 60 * MINUTE); // offline since yesterday
        plannedStatus = layout.available;
        plannedStatusAt = now + between(3 * SECOND, 40 * SECOND);
        lastSnapshot = null; // PreviousAgentSnapshot is null on LOGIN
        return send(now, "LOGIN", renderSnapshot());
    }

    private byte[] logOut(long now) {
        phase = Phase.LOGGED_OUT;
        logoutAt = NEVER;
        heartBeatsUntil = now + random.nextLong(30 * MINUTE);
        return send(now, "LOGOUT", renderSnapshot());
    }

    private byte[] send(long now, String eventType, String snapshot) {
        String previous = lastSnapshot;
        lastSnapshot = snapshot;
        lastEventAt = now;
        return writer.event(profile, ContactCenterLayout.randomUuid(random), now, eventType, snapshot, previous);
    }

    private String renderSnapshot() {
        return writer.snapshot(profile, status, statusStart, contacts, nextStatus, nextStatusEnqueuedAt);
    }

    /** A status chosen while contacts are listed waits as NextAgentStatus until the last one is cleared. */
    private void changeStatus(ContactCenterLayout.Status target, long now) {
        if (contacts.isEmpty()) {
            enterStatus(target, now);
        } else {
            nextStatus = target;
            nextStatusEnqueuedAt = now;
        }
    }

    private void enterStatus(ContactCenterLayout.Status target, long now) {
        status = target;
        statusStart = now;
        nextStatus = null;
        if (target == layout.offline) {
            logoutAt = now + between(5 * SECOND, 60 * SECOND);
        } else if (target.isRoutable()) {
            plannedStatus = pickCustomStatus();
            plannedStatusAt = now + between(15 * MINUTE, 80 * MINUTE);
        } else {
            plannedStatus = layout.available;
            plannedStatusAt = now + (long) (target.typicalMs * (0.6 + 0.8 * random.nextDouble()));
        }
    }

    private ContactCenterLayout.Status pickCustomStatus() {
        double draw = random.nextDouble();
        List<ContactCenterLayout.Status> custom = layout.customStatuses; // Break, Lunch, Training, Meeting
        if (draw < 0.5) return custom.get(0);
        if (draw < 0.7) return custom.get(1);
        if (draw < 0.85) return custom.get(2);
        return custom.get(3);
    }

    private SimulatedContact firstDueContact(long now) {
        SimulatedContact first = null;
        for (SimulatedContact contact : contacts) {
            if (contact.nextChangeAt <= now && (first == null || contact.nextChangeAt < first.nextChangeAt)) {
                first = contact;
            }
        }
        return first;
    }

    /** Routable, nothing queued as next status, and a free slot: the agent can be offered another contact. */
    private void scheduleNextOffer(long now) {
        boolean canTakeMore = status.isRoutable() && nextStatus == null && !freeChannels().isEmpty();
        if (!canTakeMore) {
            nextOfferAt = NEVER;
        } else if (nextOfferAt == NEVER) {
            // An idle agent gets a contact soon; one already chatting waits longer for the next concurrent one.
            nextOfferAt = now + 1 + exponential(contacts.isEmpty() ? 40 * SECOND : 2 * MINUTE);
        }
    }

    private List<String> freeChannels() {
        ContactCenterLayout.RoutingProfile routing = profile.routingProfile;
        List<String> free = new ArrayList<>(3);
        int voice = 0;
        int chats = 0;
        int tasks = 0;
        for (SimulatedContact contact : contacts) {
            if (ContactCenterLayout.VOICE.equals(contact.channel)) voice++;
            else if (ContactCenterLayout.CHAT.equals(contact.channel)) chats++;
            else tasks++;
        }
        // A call takes the agent's whole attention; chats and tasks share it up to the profile's concurrency.
        if (routing.voiceSlots > 0 && contacts.isEmpty()) free.add(ContactCenterLayout.VOICE);
        if (voice == 0 && chats < routing.chatSlots) free.add(ContactCenterLayout.CHAT);
        if (voice == 0 && tasks < routing.taskSlots) free.add(ContactCenterLayout.TASK);
        return free;
    }

    private void offerContact(long now) {
        List<String> free = freeChannels();
        String channel = free.get(random.nextInt(free.size()));
        boolean voice = ContactCenterLayout.VOICE.equals(channel);
        if (voice && random.nextDouble() < 0.1) {
            // The agent dials out: no queue time, the call connects from CONNECTING.
            SimulatedContact call = new SimulatedContact(ContactCenterLayout.randomUuid(random), null, channel,
                    "OUTBOUND", profile.routingProfile.defaultOutboundQueue, SimulatedContact.NONE,
                    random.nextDouble() < 0.03 ? SimulatedContact.Outcome.ERROR : SimulatedContact.Outcome.HANDLED,
                    holdCount());
            begin(call, "CONNECTING", now, between(5 * SECOND, 25 * SECOND));
            return;
        }
        boolean transfer = random.nextDouble() < 0.08;
        String method = transfer ? "TRANSFER" : voice ? "INBOUND" : "API";
        double draw = random.nextDouble();
        SimulatedContact.Outcome outcome = draw < 0.04 ? SimulatedContact.Outcome.MISSED
                : draw < 0.05 ? SimulatedContact.Outcome.ERROR
                : draw < 0.08 && !voice ? SimulatedContact.Outcome.REJECTED
                : SimulatedContact.Outcome.HANDLED;
        SimulatedContact contact = new SimulatedContact(ContactCenterLayout.randomUuid(random),
                transfer ? ContactCenterLayout.randomUuid(random) : null, channel, method, queueFor(channel),
                now - between(2 * SECOND, 4 * MINUTE), outcome, voice ? holdCount() : 0);
        long ring = outcome == SimulatedContact.Outcome.MISSED ? between(20 * SECOND, 30 * SECOND)
                : between(2 * SECOND, 15 * SECOND);
        begin(contact, "INCOMING", now, ring);
    }

    private void begin(SimulatedContact contact, String state, long now, long untilNextChange) {
        contact.state = state;
        contact.stateStart = now;
        contact.nextChangeAt = now + untilNextChange;
        contacts.add(contact);
    }

    private ContactCenterLayout.Queue queueFor(String channel) {
        List<ContactCenterLayout.Queue> candidates = new ArrayList<>(4);
        for (ContactCenterLayout.Queue queue : profile.routingProfile.queues) {
            if (queue.channels.contains(channel)) candidates.add(queue);
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private int holdCount() {
        double draw = random.nextDouble();
        return draw < 0.65 ? 0 : draw < 0.9 ? 1 : 2;
    }

    /** Moves one contact leg to its next state, or clears it from the list when it is finished. */
    private void advance(SimulatedContact contact, long now) {
        switch (contact.state) {
            case "INCOMING":
            case "CONNECTING":
                switch (contact.outcome) {
                    case HANDLED:
                        contact.connectedAt = now;
                        moveTo(contact, "CONNECTED", now, talkSegment(contact));
                        break;
                    case MISSED:
                        moveTo(contact, "MISSED", now, between(5 * SECOND, 20 * SECOND));
                        break;
                    case REJECTED:
                        moveTo(contact, "REJECTED", now, between(2 * SECOND, 8 * SECOND));
                        break;
                    default:
                        moveTo(contact, "ERROR", now, between(10 * SECOND, 45 * SECOND));
                }
                break;
            case "CONNECTED":
                if (contact.holdsLeft > 0) {
                    contact.holdsLeft--;
                    long stateStart = contact.stateStart;
                    moveTo(contact, "CONNECTED_ONHOLD", now, between(15 * SECOND, 2 * MINUTE));
                    if (random.nextDouble() < 0.25) {
                        contact.stateStart = stateStart; // Connect does not always move it on hold
                    }
                } else {
                    moveTo(contact, "ENDED", now, afterContactWork(contact.channel));
                }
                break;
            case "CONNECTED_ONHOLD":
                moveTo(contact, "CONNECTED", now, talkSegment(contact));
                break;
            default:
                contacts.remove(contact);
                if (contacts.isEmpty() && nextStatus != null) {
                    enterStatus(nextStatus, now);
                }
        }
    }

    private static void moveTo(SimulatedContact contact, String state, long now, long untilNextChange) {
        contact.state = state;
        contact.stateStart = now;
        contact.nextChangeAt = now + untilNextChange;
    }

    /** Talk time between holds; calls with holds are longer in total. */
    private long talkSegment(SimulatedContact contact) {
        switch (contact.channel) {
            case ContactCenterLayout.VOICE:
                return 20 * SECOND + exponential(3 * MINUTE / (1 + contact.holdsLeft) + MINUTE);
            case ContactCenterLayout.CHAT:
                return MINUTE + exponential(6 * MINUTE);
            default:
                return MINUTE + exponential(4 * MINUTE);
        }
    }

    private long afterContactWork(String channel) {
        return ContactCenterLayout.VOICE.equals(channel) ? between(10 * SECOND, 90 * SECOND)
                : between(5 * SECOND, 40 * SECOND);
    }

    private long between(long low, long high) {
        return low + random.nextLong(high - low);
    }

    private long exponential(long mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }
}
