package dev.agentanalytics.engine;

import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.queue.QueueShare;

/** Where an agent's timeline sends what it produces. */
public interface TimelineOutput {
    void status(AgentStatusRow row);

    void activity(AgentActivityRow row);

    void contact(ContactRow row);

    void queueShare(QueueShare share);

    void alert(AlertRow row);
}
