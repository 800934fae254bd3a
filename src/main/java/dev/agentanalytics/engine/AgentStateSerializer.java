package dev.agentanalytics.engine;

import static dev.agentanalytics.event.WireFields.readGrouping;
import static dev.agentanalytics.event.WireFields.readLength;
import static dev.agentanalytics.event.WireFields.readLongs;
import static dev.agentanalytics.event.WireFields.readNullableLong;
import static dev.agentanalytics.event.WireFields.readText;
import static dev.agentanalytics.event.WireFields.writeGrouping;
import static dev.agentanalytics.event.WireFields.writeLength;
import static dev.agentanalytics.event.WireFields.writeLongs;
import static dev.agentanalytics.event.WireFields.writeNullableLong;
import static dev.agentanalytics.event.WireFields.writeText;

import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.event.WireSerializer;
import dev.agentanalytics.queue.QueueShare;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Layout v2 of {@link AgentState}'s stored form, every field in a fixed order; {@link AgentStateSerializerV3} writes
 * it first, then the events waiting for the watermark. This class stays as it is: v2 snapshots name it, and it
 * reads them once on restore (Flink's state migration, declared by {@link AgentStateSerializerV3.Snapshot}). A v2
 * state lists the timestamps of its waiting events, which were in the engine's {@code PENDING_EVENTS} then; they are
 * read back from there instead, so that this form needs no field of its own in {@code AgentState}.
 *
 * <p>Why a form of the job's own: under RocksDB the agent's state is read and written back on every event and every
 * timer; Flink's POJO serializer, which the state had before (layout v1), writes each String a char at a time and
 * goes through reflection for every field of every nested object, and was half of the engine's time. Text here is
 * {@link dev.agentanalytics.event.WireFields}' (ASCII in one piece).
 *
 * <p>Upgrades: the snapshot names the class and nothing else, so states written by a form can only be read by it.
 * A field added to (or removed from) any of the state's classes needs a new serializer class, the others kept as
 * they are, whose snapshot declares theirs "compatible after migration" (docs/deployment.md, "Upgrades").
 * {@code AgentStateSerializerTest} fills every field by reflection and fails while one is not written.
 */
public final class AgentStateSerializer extends WireSerializer<AgentState> {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializer INSTANCE = new AgentStateSerializer();

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
        if (s.tally != null) writeTally(s.tally, out);
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
        writeLongs(null, out); // v2's list of the timestamps in PENDING_EVENTS: listed from it on restore
        out.writeLong(s.timerAt);
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
        s.tally = in.readBoolean() ? readTally(in) : null;
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
        readLongs(in); // the timestamps in PENDING_EVENTS: listed from it when the agent's events are moved
        s.timerAt = in.readLong();
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

    private static void writeTally(WindowTally tally, DataOutputView out) throws IOException {
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
            for (QueueShare share : tally.queues) writeShare(share, out);
        }
    }

    private static WindowTally readTally(DataInputView in) throws IOException {
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
        int queues = readLength(in);
        tally.queues = queues < 0 ? null : new QueueShare[queues];
        for (int i = 0; i < queues; i++) tally.queues[i] = readShare(in);
        return tally;
    }

    private static void writeShare(QueueShare share, DataOutputView out) throws IOException {
        writeText(share.queueArn, out);
        writeText(share.queueName, out);
        out.writeLong(share.nameAt);
        out.writeLong(share.windowStart);
        out.writeLong(share.availableMs);
        out.writeLong(share.onContactMs);
        out.writeLong(share.acwMs);
        out.writeLong(share.incomingMs);
        out.writeLong(share.nonProductiveMs);
        out.writeLong(share.errorMs);
        out.writeLong(share.offlineMs);
        out.writeLong(share.contactsHandled);
        out.writeLong(share.handleMsSum);
    }

    private static QueueShare readShare(DataInputView in) throws IOException {
        QueueShare share = new QueueShare();
        share.queueArn = readText(in);
        share.queueName = readText(in);
        share.nameAt = in.readLong();
        share.windowStart = in.readLong();
        share.availableMs = in.readLong();
        share.onContactMs = in.readLong();
        share.acwMs = in.readLong();
        share.incomingMs = in.readLong();
        share.nonProductiveMs = in.readLong();
        share.errorMs = in.readLong();
        share.offlineMs = in.readLong();
        share.contactsHandled = in.readLong();
        share.handleMsSum = in.readLong();
        return share;
    }

    @Override
    public TypeSerializerSnapshot<AgentState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer: what v2 snapshots restore with, to migrate their states to layout v3. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
