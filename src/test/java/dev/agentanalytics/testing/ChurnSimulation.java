package dev.agentanalytics.testing;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.source.LiveWatermarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Weeks of a contact center's agent event stream, one simulated minute at a time, as a live job reads it: the
 * records that arrived in the minute, then the watermark. Deterministic for a given seed.
 *
 * <ul>
 *   <li><b>Workforce.</b> About {@code workforce} agents are employed on every day. From day 2 on, every day a few
 *       are hired (new AgentARNs, logging in from that day) and as many, give or take one, leave: half of the
 *       leavers log out at the end of their last shift, the other half walk out mid-shift without a LOGOUT. Either
 *       way they never send another event.</li>
 *   <li><b>Shifts.</b> Five days a week, about 8 h: a day team logging in between 06:00 and 14:00, a night team at
 *       22:00 (its shifts run past midnight). LOGIN, two Breaks and a Lunch, a few inbound contacts (ringing,
 *       talking, after-contact work, cleared), a heart beat every 120 s whenever nothing else was sent, and a
 *       LOGOUT at the end, after which Connect goes on sending Offline heart beats for a while in some cases.
 *       Some shifts end with the agent going silent while logged in (browser closed, no LOGOUT).</li>
 *   <li><b>Delivery.</b> Each record arrives up to 3 s after its event time, so the stream is slightly out of
 *       order but within the job's 5 s bound; a few records arrive twice (same EventId).</li>
 *   <li><b>Watermark.</b> The newest event time minus the 5 s bound, after each minute. During a stream silence
 *       it follows the wall clock instead, as the live job's silent-stream-advance does ({@link LiveWatermarks}).
 *   <li><b>Silences.</b> An outage on day 6, 10:20-11:50: Connect's stream loses every record of that time. A
 *       stall on day 15, 15:00-15:40: the records come when it ends, behind a watermark that did not wait for
 *       them, so most of them are late.</li>
 * </ul>
 */
public final class ChurnSimulation {
    public static final long SECOND = 1_000;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;
    /** Connect sends a heart beat when an agent sent nothing else for this long. */
    public static final long HEART_BEAT_EVERY = 2 * MINUTE;
    /** The live job's {@code out-of-orderness}. */
    public static final long OUT_OF_ORDERNESS = 5 * SECOND;
    /** Records arrive at most this long after their event time, within the bound: only silences make them late. */
    private static final int MAX_DELIVERY_DELAY_MS = 3_000;
    private static final double NIGHT_TEAM_SHARE = 0.1;
    private static final double GOES_SILENT_LOGGED_IN_SHARE = 0.12;
    private static final double OFFLINE_HEART_BEATS_AFTER_LOGOUT_SHARE = 0.3;
    private static final int DUPLICATE_ONE_IN = 500;

    private static final String INSTANCE = "arn:aws:connect:us-east-1:111122223333:instance/i-1";
    public static final ServedQueue SALES = new ServedQueue(INSTANCE + "/queue/q-sales", "Sales");
    private static final String[] PROFILE_NAMES = {"Billing", "Support", "Sales", "Blended"};
    private static final ServedQueue[][] PROFILE_QUEUES = {
        {Events.BILLING}, {Events.SUPPORT}, {SALES}, {Events.BILLING, Events.SUPPORT, SALES}};
    /** Every queue of the routing profiles. */
    public static final List<ServedQueue> QUEUES = List.of(Events.BILLING, Events.SUPPORT, SALES);
    private static final String[] SITES = {"Lisbon", "Dublin", "Austin"};

    /** A time with no record on the stream; {@code lost}: never delivered, otherwise delivered when it ends. */
    public static final class Silence {
        public final long from;
        public final long to;
        public final boolean lost;

        Silence(long from, long to, boolean lost) {
            this.from = from;
            this.to = to;
            this.lost = lost;
        }

        boolean covers(long time) {
            return time >= from && time < to;
        }
    }

    /** One simulated minute: what arrived during it, in arrival order, and the watermark at its end. */
    public static final class Minute {
        /** End of the minute (exclusive), the wall clock when the watermark is emitted. */
        public final long end;
        public final List<AgentEvent> arrivals;
        public final long watermark;
        /** The day (1-based) whose end the watermark passed in this minute, or 0. */
        public final int closedDay;

        Minute(long end, List<AgentEvent> arrivals, long watermark, int closedDay) {
            this.end = end;
            this.arrivals = arrivals;
            this.watermark = watermark;
            this.closedDay = closedDay;
        }
    }

    private static final class Agent {
        final String arn;
        final String username;
        /** Login time within the day, before jitter. */
        final long shiftStart;
        /** The agent works on days where (day + restDayOffset) % 7 < 5. */
        final int restDayOffset;
        final Grouping grouping;
        final ServedQueue[] queues;
        long sent;
        int contacts;

        Agent(int number, long shiftStart, int restDayOffset, int profile, String site) {
            arn = INSTANCE + "/agent/churn-" + String.format("%04d", number);
            username = "agent" + number;
            this.shiftStart = shiftStart;
            this.restDayOffset = restDayOffset;
            grouping = new Grouping(PROFILE_NAMES[profile], "EMEA", site);
            queues = PROFILE_QUEUES[profile];
        }

        boolean worksOn(int day) {
            return (day + restDayOffset) % 7 < 5;
        }
    }

    private enum Ending { LOGS_OUT, GOES_SILENT_LOGGED_IN, WALKS_OUT_MID_SHIFT }

    /** A point of a shift where the agent's snapshot changes. */
    private static final class Change {
        final long time;
        final String type;
        final String statusName;
        final String statusType;
        final ContactState contact; // null: no contact listed

        Change(long time, String type, String statusName, String statusType, ContactState contact) {
            this.time = time;
            this.type = type;
            this.statusName = statusName;
            this.statusType = statusType;
            this.contact = contact;
        }
    }

    private static final class Delivery {
        final long deliverAt;
        final long sequence;
        final AgentEvent event;

        Delivery(long deliverAt, long sequence, AgentEvent event) {
            this.deliverAt = deliverAt;
            this.sequence = sequence;
            this.event = event;
        }
    }

    public final long start;
    public final int days;
    public final List<Silence> silences = new ArrayList<>();
    private final int workforce;
    private final Random random;
    private final List<Agent> employed = new ArrayList<>();
    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(
            Comparator.comparingLong((Delivery d) -> d.deliverAt).thenComparingLong(d -> d.sequence));
    /** Newest event time delivered per agent: every agent ever seen. */
    private final Map<String, Long> lastHeard = new HashMap<>();
    /** Shifts planned per day, from day 1. */
    private final List<Integer> shifts = new ArrayList<>();
    private int nextAgentNumber = 1;
    private int plannedDays;
    private int closedDays;
    private long minutes;
    private long sequence;
    private long ordinal;
    private long newestEventTime = Long.MIN_VALUE;
    private long lastArrival = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;

    private int hires;
    private int leavers;
    private long delivered;
    private long lost;
    private long duplicatesSent;
    private long lateDelivered;

    /** {@code days} days from {@code Events.DAY} 00:00 UTC, with about {@code workforce} agents employed. */
    public ChurnSimulation(long seed, int days, int workforce) {
        this.start = Events.at("00:00:00");
        this.days = days;
        this.workforce = workforce;
        this.random = new Random(seed);
        silences.add(new Silence(start + 5 * DAY + 10 * HOUR + 20 * MINUTE, start + 5 * DAY + 11 * HOUR + 50 * MINUTE,
                true));
        silences.add(new Silence(start + 14 * DAY + 15 * HOUR, start + 14 * DAY + 15 * HOUR + 40 * MINUTE, false));
    }

    public boolean hasNext() {
        return closedDays < days;
    }

    public Minute next() {
        long end = start + (++minutes) * MINUTE;
        while (plannedDays < days && start + plannedDays * DAY < end) planDay(plannedDays++);

        List<AgentEvent> arrivals = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt < end) {
            Delivery delivery = inFlight.poll();
            AgentEvent event = delivery.event;
            event.arrival = Arrival.ofOrdinal(ordinal++); // the Kinesis shard's order
            // The engine holds the previous minute's watermark while it reads this minute's records.
            if (event.eventTime <= watermark) lateDelivered++;
            lastHeard.merge(event.agentArn, event.eventTime, Math::max);
            newestEventTime = Math.max(newestEventTime, event.eventTime);
            lastArrival = delivery.deliverAt;
            arrivals.add(event);
        }
        delivered += arrivals.size();

        if (newestEventTime != Long.MIN_VALUE) {
            long next = newestEventTime - OUT_OF_ORDERNESS - 1;
            if (silenceAt(end - 1) != null) {
                // LiveWatermarks: a silent live stream follows the wall clock from its newest event on.
                next = Math.max(next, newestEventTime + (end - lastArrival) - LiveWatermarks.SILENT_LAG_MS - 1);
            }
            watermark = Math.max(watermark, next);
        }
        int closedDay = 0;
        if (closedDays < days && watermark >= start + (closedDays + 1) * DAY) closedDay = ++closedDays;
        return new Minute(end, arrivals, watermark, closedDay);
    }

    // ---- what the test reads --------------------------------------------------------------------------------

    /** Agents employed now (hired, not yet left). */
    public int workforce() {
        return employed.size();
    }

    /** Distinct agents that sent at least one record so far. */
    public int agentsSeen() {
        return lastHeard.size();
    }

    /** Newest event time of the agent's delivered records, or null when it sent none. */
    public Long lastHeard(String agentArn) {
        return lastHeard.get(agentArn);
    }

    /** Agents whose newest delivered record is after {@code time}. */
    public int agentsHeardAfter(long time) {
        int heard = 0;
        for (long last : lastHeard.values()) {
            if (last > time) heard++;
        }
        return heard;
    }

    /** Shifts that start on {@code day} (1-based). */
    public int shifts(int day) {
        return shifts.get(day - 1);
    }

    public int hires() {
        return hires;
    }

    public int leavers() {
        return leavers;
    }

    public long delivered() {
        return delivered;
    }

    /** Records lost in an outage (never delivered). */
    public long lost() {
        return lost;
    }

    public long duplicatesSent() {
        return duplicatesSent;
    }

    /** Records delivered at or behind the watermark the engine held then: late for the job. */
    public long lateDelivered() {
        return lateDelivered;
    }

    // ---- the plan of each day ---------------------------------------------------------------------------------

    private void planDay(int day) {
        List<Agent> leaving = new ArrayList<>();
        if (day == 0) {
            for (int i = 0; i < workforce; i++) employed.add(hire());
        } else {
            int hired = 4 + random.nextInt(5);
            // One fewer or one more than the hires, to stay around the workforce size.
            int leaves = Math.max(0, hired + Integer.signum(employed.size() - workforce));
            List<Agent> working = new ArrayList<>();
            for (Agent agent : employed) {
                if (agent.worksOn(day)) working.add(agent);
            }
            for (int i = 0; i < leaves && !working.isEmpty(); i++) {
                leaving.add(working.remove(random.nextInt(working.size())));
            }
            for (int i = 0; i < hired; i++) employed.add(hire());
            hires += hired;
            leavers += leaving.size();
        }
        int planned = 0;
        for (Agent agent : employed) {
            if (!agent.worksOn(day)) continue;
            planned++;
            boolean lastShift = leaving.contains(agent);
            Ending ending;
            if (lastShift) {
                ending = random.nextBoolean() ? Ending.LOGS_OUT : Ending.WALKS_OUT_MID_SHIFT;
            } else {
                ending = random.nextDouble() < GOES_SILENT_LOGGED_IN_SHARE ? Ending.GOES_SILENT_LOGGED_IN
                        : Ending.LOGS_OUT;
            }
            planShift(agent, day, ending);
        }
        employed.removeAll(leaving);
        shifts.add(planned);
    }

    private Agent hire() {
        int number = nextAgentNumber++;
        long shiftStart = random.nextDouble() < NIGHT_TEAM_SHARE ? 22 * HOUR
                : 6 * HOUR + random.nextInt(33) * 15 * MINUTE; // 06:00 to 14:00, on the quarter hour
        return new Agent(number, shiftStart, random.nextInt(7), random.nextInt(PROFILE_NAMES.length),
                SITES[random.nextInt(SITES.length)]);
    }

    private void planShift(Agent agent, int day, Ending ending) {
        long login = start + day * DAY + agent.shiftStart + between(-10 * MINUTE, 10 * MINUTE);
        long logout = login + 8 * HOUR + between(-20 * MINUTE, 20 * MINUTE);
        long cut = ending == Ending.WALKS_OUT_MID_SHIFT ? login + HOUR + between(0, logout - login - 2 * HOUR)
                : logout;

        Change previous = null;
        for (Change change : changes(agent, login, logout)) {
            if (change.time >= cut) break;
            if (previous != null) heartBeats(agent, previous, change.time);
            send(agent, change, change.type);
            previous = change;
        }
        heartBeats(agent, previous, cut);
        if (ending != Ending.LOGS_OUT) return; // silent from the cut on, logged in

        Change loggedOut = new Change(logout, AgentEvent.LOGOUT, "Offline", "OFFLINE", null);
        send(agent, loggedOut, AgentEvent.LOGOUT);
        if (random.nextDouble() < OFFLINE_HEART_BEATS_AFTER_LOGOUT_SHARE) {
            // Connect goes on for up to an hour after a logout: these must not reopen the session (§3.2).
            heartBeats(agent, loggedOut, logout + between(10 * MINUTE, 60 * MINUTE));
        }
    }

    /** The shift's snapshot changes: login, breaks, lunch, and contacts while Available. */
    private List<Change> changes(Agent agent, long login, long logout) {
        long break1 = login + 2 * HOUR + between(-10 * MINUTE, 10 * MINUTE);
        long lunch = login + 4 * HOUR + between(-15 * MINUTE, 15 * MINUTE);
        long break2 = login + 6 * HOUR + between(-10 * MINUTE, 10 * MINUTE);
        List<Change> changes = new ArrayList<>();
        changes.add(available(login, AgentEvent.LOGIN, null));
        contacts(agent, login, break1, changes);
        away(break1, "Break", 15 * MINUTE, changes);
        contacts(agent, break1 + 15 * MINUTE, lunch, changes);
        away(lunch, "Lunch", 30 * MINUTE, changes);
        contacts(agent, lunch + 30 * MINUTE, break2, changes);
        away(break2, "Break", 15 * MINUTE, changes);
        contacts(agent, break2 + 15 * MINUTE, logout, changes);
        return changes;
    }

    private static void away(long from, String status, long length, List<Change> changes) {
        changes.add(new Change(from, AgentEvent.STATE_CHANGE, status, "CUSTOM", null));
        changes.add(available(from + length, AgentEvent.STATE_CHANGE, null));
    }

    /** Inbound calls one after another while Available in [from, to): ring, talk, ACW, cleared. */
    private void contacts(Agent agent, long from, long to, List<Change> changes) {
        long t = from + between(MINUTE, 30 * MINUTE);
        while (true) {
            long connected = t + between(5 * SECOND, 20 * SECOND);
            long ended = connected + between(2 * MINUTE, 10 * MINUTE);
            long cleared = ended + between(30 * SECOND, 3 * MINUTE);
            if (cleared >= to - MINUTE) return;
            String id = "contact-" + agent.username + "-" + (++agent.contacts);
            ServedQueue queue = agent.queues[random.nextInt(agent.queues.length)];
            changes.add(available(t, AgentEvent.STATE_CHANGE, contact(id, "INCOMING", t, queue)));
            changes.add(available(connected, AgentEvent.STATE_CHANGE, contact(id, "CONNECTED", connected, queue)));
            changes.add(available(ended, AgentEvent.STATE_CHANGE, contact(id, "ENDED", ended, queue)));
            changes.add(available(cleared, AgentEvent.STATE_CHANGE, null));
            t = cleared + between(5 * MINUTE, 45 * MINUTE);
        }
    }

    private static Change available(long time, String type, ContactState contact) {
        return new Change(time, type, "Available", "ROUTABLE", contact);
    }

    private static ContactState contact(String id, String state, long stateStart, ServedQueue queue) {
        ContactState contact = new ContactState();
        contact.contactId = id;
        contact.state = state;
        contact.stateStart = stateStart;
        contact.channel = "VOICE";
        contact.initiationMethod = "INBOUND";
        contact.queueArn = queue.arn;
        contact.queueName = queue.name;
        return contact;
    }

    /** Heart beats every 120 s after {@code since}'s event, with its snapshot, strictly before {@code until}. */
    private void heartBeats(Agent agent, Change since, long until) {
        for (long t = since.time + HEART_BEAT_EVERY; t < until; t += HEART_BEAT_EVERY) {
            send(agent, new Change(t, AgentEvent.HEART_BEAT, since.statusName, since.statusType, since.contact),
                    AgentEvent.HEART_BEAT);
        }
    }

    private void send(Agent agent, Change change, String type) {
        AgentEvent event = event(agent, change, type, agent.username + "-" + (++agent.sent));
        long arrival = change.time + random.nextInt(MAX_DELIVERY_DELAY_MS);
        Silence silence = silenceAt(arrival);
        if (silence != null && silence.lost) {
            lost++;
            return;
        }
        inFlight.add(new Delivery(silence == null ? arrival : silence.to, sequence++, event));
        // Kinesis delivers some records twice; not near a silence, where a copy could be late or lost.
        if (random.nextInt(DUPLICATE_ONE_IN) == 0 && !nearSilence(arrival)) {
            AgentEvent copy = event(agent, change, type, event.eventId);
            inFlight.add(new Delivery(arrival + random.nextInt(2_000), sequence++, copy));
            duplicatesSent++;
        }
    }

    private static AgentEvent event(Agent agent, Change change, String type, String eventId) {
        AgentEvent event = new AgentEvent();
        event.eventId = eventId;
        event.agentArn = agent.arn;
        event.eventType = type;
        event.eventTime = change.time;
        event.username = agent.username;
        event.statusName = change.statusName;
        event.statusType = change.statusType;
        event.grouping = agent.grouping;
        event.queues = agent.queues;
        event.contacts = change.contact == null ? new ContactState[0] : new ContactState[] {change.contact};
        return event;
    }

    private Silence silenceAt(long time) {
        for (Silence silence : silences) {
            if (silence.covers(time)) return silence;
        }
        return null;
    }

    private boolean nearSilence(long time) {
        for (Silence silence : silences) {
            if (time >= silence.from - HOUR && time < silence.to + HOUR) return true;
        }
        return false;
    }

    private long between(long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }
}
