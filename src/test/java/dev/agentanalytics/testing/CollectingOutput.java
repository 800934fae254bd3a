package dev.agentanalytics.testing;

import dev.agentanalytics.engine.TimelineOutput;
import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.queue.QueueShare;
import java.util.ArrayList;
import java.util.List;

/** Collects what an {@code AgentTimeline} emits, for assertions. */
public final class CollectingOutput implements TimelineOutput {
    public final List<AgentStatusRow> statuses = new ArrayList<>();
    public final List<AgentActivityRow> activities = new ArrayList<>();
    public final List<ContactRow> contacts = new ArrayList<>();
    public final List<QueueShare> queueShares = new ArrayList<>();
    public final List<AlertRow> alerts = new ArrayList<>();

    @Override
    public void status(AgentStatusRow row) {
        statuses.add(row);
    }

    @Override
    public void activity(AgentActivityRow row) {
        activities.add(row);
    }

    @Override
    public void contact(ContactRow row) {
        contacts.add(row);
    }

    @Override
    public void queueShare(QueueShare share) {
        queueShares.add(share);
    }

    @Override
    public void alert(AlertRow row) {
        alerts.add(row);
    }
}
