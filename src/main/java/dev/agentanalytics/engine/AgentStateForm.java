package dev.agentanalytics.engine;

import static dev.agentanalytics.event.WireFields.readBytes;
import static dev.agentanalytics.event.WireFields.readCount;
import static dev.agentanalytics.event.WireFields.readGrouping;
import static dev.agentanalytics.event.WireFields.readLength;
import static dev.agentanalytics.event.WireFields.readLongs;
import static dev.agentanalytics.event.WireFields.readNullableLong;
import static dev.agentanalytics.event.WireFields.readText;
import static dev.agentanalytics.event.WireFields.readVarLong;
import static dev.agentanalytics.event.WireFields.writeBytes;
import static dev.agentanalytics.event.WireFields.writeCount;
import static dev.agentanalytics.event.WireFields.writeGrouping;
import static dev.agentanalytics.event.WireFields.writeLength;
import static dev.agentanalytics.event.WireFields.writeLongs;
import static dev.agentanalytics.event.WireFields.writeNullableLong;
import static dev.agentanalytics.event.WireFields.writeText;
import static dev.agentanalytics.event.WireFields.writeVarLong;

import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.event.WireSerializer;
import dev.agentanalytics.queue.QueueShare;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The stored forms of {@link AgentState}, every field in a fixed order: layout v2 ({@link AgentStateSerializer}),
 * kept to read v2 snapshots once on restore, layouts v3 ({@link AgentStateSerializerV3}) and v4
 * ({@link AgentStateSerializerV4}), and layout v5 ({@link AgentStateSerializerV5}), which the job writes. v4's and
 * v5's bytes are v3's: a v4 waiting entry may stand for events kept elsewhere ({@link WaitingEvent#inOverflow()}),
 * which v3's code could not read, and a v5 leg may have no contact id, which v4's code could not follow. v3 differs
 * from v2 in three places, each marked {@code v3} below: the events waiting for the watermark come last (in v2 they
 * were a map state of their own, and the state listed their timestamps); a queue share names its queue by its place
 * among the agent's queues when it is one of them (an ARN is some 100 bytes); and its durations and counts take as
 * many bytes as they need.
 *
 * <p>Why a form of the job's own: under RocksDB the agent's state is read and written back on every event and every
 * timer; Flink's POJO serializer, which the state had before (layout v1), writes each String a char at a time and
 * goes through reflection for every field of every nested object, and was half of the engine's time. Text here is
 * {@link dev.agentanalytics.event.WireFields}' (ASCII in one piece).
 *
 * <p>Upgrades: a snapshot names the serializer's class and nothing else, so a form never changes once released. A
 * field added to (or removed from) any of the state's classes needs a new layout and class, whose snapshot declares
 * the earlier ones "compatible after migration" (Flink reads each state once with the old class and writes it with
 * the new), or "compatible as is" when the bytes are the same and only what they may hold is new, as from v3 to v5
 * (docs/deployment.md, "Upgrades"). {@code AgentStateSerializerTest} fills every field by reflection and fails
 * while one is not written.
 */
abstract class AgentStateForm extends WireSerializer<AgentState> {
    private static final long serialVersionUID = 1L;

    private final boolean v3;

    AgentStateForm(int layout) {
        this.v3 = layout >= 3; // v4 and v5 write what v3 does
    }

    @Override
    public AgentState createInstance() {
        return new AgentState();
    }

    @Override
    public void serialize(AgentState s, DataOutputView out) throws IOException {
        out.writeBoolean(s.loggedOut);
        out.writeBoolean(s.sessionOpen);
        out.writeLong(s.lastEventTime);
        out.writeLong(s.accruedTo);
        writeText(s.username, out);
        writeText(s.statusName, out);
        writeText(s.statusType, out);
        writeGrouping(s.grouping, out);
        writeLength(s.queues, out);
        if (s.queues != null) {
            for (ServedQueue queue : s.queues) {
                writeText(queue.arn, out);
                writeText(queue.name, out);
            }
        }
        writeLength(s.legs, out);
        if (s.legs != null) {
            for (ContactLeg leg : s.legs) writeLeg(leg, out);
        }
        out.writeBoolean(s.tally != null);
        if (s.tally != null) writeTally(s.tally, s.queues, out);
        writeText(s.staleAlertId, out);
        out.writeBoolean(s.recentEventIds != null);
        if (s.recentEventIds != null) {
            writeLength(s.recentEventIds.ids, out);
            if (s.recentEventIds.ids != null) {
                for (String id : s.recentEventIds.ids) writeText(id, out);
            }
            writeLongs(s.recentEventIds.times, out);
        }
        writeText(s.agentArn, out);
        if (!v3) writeLongs(null, out); // v2 only: the timestamps in the engine's map state, listed from there instead
        out.writeLong(s.timerAt);
        if (v3) writeWaiting(s.waiting, out);
    }

    @Override
    public AgentState deserialize(DataInputView in) throws IOException {
        AgentState s = new AgentState();
        s.loggedOut = in.readBoolean();
        s.sessionOpen = in.readBoolean();
        s.lastEventTime = in.readLong();
        s.accruedTo = in.readLong();
        s.username = readText(in);
        s.statusName = readText(in);
        s.statusType = readText(in);
        s.grouping = readGrouping(in);
        int queues = readLength(in);
        s.queues = queues < 0 ? null : new ServedQueue[queues];
        for (int i = 0; i < queues; i++) s.queues[i] = new ServedQueue(readText(in), readText(in));
        int legs = readLength(in);
        s.legs = legs < 0 ? null : new ContactLeg[legs];
        for (int i = 0; i < legs; i++) s.legs[i] = readLeg(in);
        s.tally = in.readBoolean() ? readTally(s.queues, in) : null;
        s.staleAlertId = readText(in);
        if (in.readBoolean()) {
            RecentEventIds ids = new RecentEventIds();
            int n = readLength(in);
            ids.ids = n < 0 ? null : new String[n];
            for (int i = 0; i < n; i++) ids.ids[i] = readText(in);
            ids.times = readLongs(in);
            s.recentEventIds = ids;
        } else {
            s.recentEventIds = null;
        }
        s.agentArn = readText(in);
        if (!v3) readLongs(in); // v2 only: the timestamps in the engine's map state, listed from there instead
        s.timerAt = in.readLong();
        if (v3) s.waiting = readWaiting(in);
        return s;
    }

    private static void writeLeg(ContactLeg leg, DataOutputView out) throws IOException {
        writeText(leg.contactId, out);
        writeText(leg.initialContactId, out);
        writeText(leg.queueArn, out);
        writeText(leg.queueName, out);
        writeText(leg.channel, out);
        writeText(leg.initiationMethod, out);
        writeGrouping(leg.grouping, out);
        writeText(leg.state, out);
        out.writeLong(leg.stateStart);
        out.writeLong(leg.stateSeenAt);
        out.writeLong(leg.offeredAt);
        writeNullableLong(leg.connectedAt, out);
        writeNullableLong(leg.endedAt, out);
        out.writeLong(leg.ringMs);
        out.writeLong(leg.talkMs);
        out.writeLong(leg.holdMs);
        out.writeInt(leg.holdCount);
        out.writeLong(leg.acwMs);
        writeText(leg.firstFailure, out);
        writeText(leg.openAlert == null ? null : leg.openAlert.name(), out);
        writeText(leg.openAlertId, out);
    }

    private static ContactLeg readLeg(DataInputView in) throws IOException {
        ContactLeg leg = new ContactLeg();
        leg.contactId = readText(in);
        leg.initialContactId = readText(in);
        leg.queueArn = readText(in);
        leg.queueName = readText(in);
        leg.channel = readText(in);
        leg.initiationMethod = readText(in);
        leg.grouping = readGrouping(in);
        leg.state = readText(in);
        leg.stateStart = in.readLong();
        leg.stateSeenAt = in.readLong();
        leg.offeredAt = in.readLong();
        leg.connectedAt = readNullableLong(in);
        leg.endedAt = readNullableLong(in);
        leg.ringMs = in.readLong();
        leg.talkMs = in.readLong();
        leg.holdMs = in.readLong();
        leg.holdCount = in.readInt();
        leg.acwMs = in.readLong();
        leg.firstFailure = readText(in);
        String alert = readText(in);
        leg.openAlert = alert == null ? null : AlertType.valueOf(alert);
        leg.openAlertId = readText(in);
        return leg;
    }

    private static void writeWaiting(WaitingEvent[] waiting, DataOutputView out) throws IOException {
        writeLength(waiting, out);
        if (waiting == null) return;
        for (WaitingEvent event : waiting) {
            out.writeLong(event.eventTime);
            writeBytes(event.fields, out);
        }
    }

    /** Null for a state migrated from layout v1 or v2: its events are all in the engine's map state, unlisted. */
    private static WaitingEvent[] readWaiting(DataInputView in) throws IOException {
        int n = readLength(in);
        if (n < 0) return null;
        WaitingEvent[] waiting = new WaitingEvent[n];
        for (int i = 0; i < n; i++) waiting[i] = new WaitingEvent(in.readLong(), readBytes(in));
        return waiting;
    }

    private void writeTally(WindowTally tally, ServedQueue[] queues, DataOutputView out) throws IOException {
        out.writeLong(tally.windowStart);
        writeText(tally.username, out);
        writeLength(tally.statuses, out);
        if (tally.statuses != null) {
            for (StatusTime status : tally.statuses) {
                writeText(status.statusName, out);
                writeText(status.statusType, out);
                writeGrouping(status.grouping, out);
                out.writeLong(status.ms);
            }
        }
        writeLength(tally.activities, out);
        if (tally.activities != null) {
            for (ActivityTime time : tally.activities) {
                writeText(time.activity == null ? null : time.activity.name(), out);
                writeText(time.statusName, out);
                writeGrouping(time.grouping, out);
                out.writeLong(time.ms);
            }
        }
        writeLength(tally.queues, out);
        if (tally.queues != null) {
            for (QueueShare share : tally.queues) writeShare(share, queues, out);
        }
    }

    private WindowTally readTally(ServedQueue[] queues, DataInputView in) throws IOException {
        WindowTally tally = new WindowTally();
        tally.windowStart = in.readLong();
        tally.username = readText(in);
        int statuses = readLength(in);
        tally.statuses = statuses < 0 ? null : new StatusTime[statuses];
        for (int i = 0; i < statuses; i++) {
            StatusTime status = new StatusTime();
            status.statusName = readText(in);
            status.statusType = readText(in);
            status.grouping = readGrouping(in);
            status.ms = in.readLong();
            tally.statuses[i] = status;
        }
        int activities = readLength(in);
        tally.activities = activities < 0 ? null : new ActivityTime[activities];
        for (int i = 0; i < activities; i++) {
            ActivityTime time = new ActivityTime();
            String activity = readText(in);
            time.activity = activity == null ? null : Activity.valueOf(activity);
            time.statusName = readText(in);
            time.grouping = readGrouping(in);
            time.ms = in.readLong();
            tally.activities[i] = time;
        }
        int shares = readLength(in);
        tally.queues = shares < 0 ? null : new QueueShare[shares];
        for (int i = 0; i < shares; i++) tally.queues[i] = readShare(queues, in);
        return tally;
    }

    private void writeShare(QueueShare share, ServedQueue[] queues, DataOutputView out) throws IOException {
        if (v3) {
            int place = placeOf(share.queueArn, queues);
            writeCount(place + 1, out); // v3: 0, the ARN follows; else its place among the agent's queues, plus one
            if (place < 0) writeText(share.queueArn, out);
        } else {
            writeText(share.queueArn, out);
        }
        writeText(share.queueName, out);
        long[] numbers = {share.nameAt, share.windowStart, share.availableMs, share.onContactMs, share.acwMs,
            share.incomingMs, share.nonProductiveMs, share.errorMs, share.offlineMs, share.contactsHandled,
            share.handleMsSum};
        for (long number : numbers) {
            if (v3) {
                writeVarLong(number, out);
            } else {
                out.writeLong(number);
            }
        }
    }

    private QueueShare readShare(ServedQueue[] queues, DataInputView in) throws IOException {
        QueueShare share = new QueueShare();
        if (v3) {
            int place = readCount(in) - 1;
            share.queueArn = place < 0 ? readText(in) : queues[place].arn;
        } else {
            share.queueArn = readText(in);
        }
        share.queueName = readText(in);
        share.nameAt = readNumber(in);
        share.windowStart = readNumber(in);
        share.availableMs = readNumber(in);
        share.onContactMs = readNumber(in);
        share.acwMs = readNumber(in);
        share.incomingMs = readNumber(in);
        share.nonProductiveMs = readNumber(in);
        share.errorMs = readNumber(in);
        share.offlineMs = readNumber(in);
        share.contactsHandled = readNumber(in);
        share.handleMsSum = readNumber(in);
        return share;
    }

    private long readNumber(DataInputView in) throws IOException {
        return v3 ? readVarLong(in) : in.readLong();
    }

    /** The place of the queue among the agent's queues, or -1 (a null ARN, or a queue it no longer serves). */
    private static int placeOf(String queueArn, ServedQueue[] queues) {
        if (queueArn == null || queues == null) return -1;
        for (int i = 0; i < queues.length; i++) {
            if (queues[i] != null && queueArn.equals(queues[i].arn)) return i;
        }
        return -1;
    }
}
