package dev.agentanalytics.source.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes agent events in the Connect agent event stream format (field names and order as Connect sends them,
 * compact JSON). A snapshot is rendered once as text: it is the event's CurrentAgentSnapshot and later, unchanged,
 * the next event's PreviousAgentSnapshot. Not thread-safe: one writer per simulator.
 */
final class AgentEventWriter {
    static final String VERSION = "2019-05-25";

    private final JsonFactory factory = new JsonFactory();
    private final CharArrayWriter snapshotText = new CharArrayWriter(8192);
    private final ByteArrayOutputStream eventBytes = new ByteArrayOutputStream(16384);
    private final TimestampText timestamps = new TimestampText();
    private final String instanceArn;

    AgentEventWriter(String instanceArn) {
        this.instanceArn = instanceArn;
    }

    String timestamp(long epochMillis) {
        return timestamps.format(epochMillis);
    }

    /** The agent's whole state as an AgentSnapshot object. */
    String snapshot(AgentProfile agent, ContactCenterLayout.Status status, long statusStart,
            List<SimulatedContact> contacts, ContactCenterLayout.Status nextStatus, long nextStatusEnqueuedAt) {
        snapshotText.reset();
        try (JsonGenerator json = factory.createGenerator(snapshotText)) {
            json.writeStartObject();
            json.writeObjectFieldStart("AgentStatus");
            json.writeStringField("ARN", status.arn);
            json.writeStringField("Name", status.name);
            json.writeStringField("StartTimestamp", timestamp(statusStart));
            json.writeStringField("Type", status.type);
            json.writeEndObject();
            json.writeFieldName("Configuration");
            json.writeRawValue(configuration(agent, contacts));
            json.writeArrayFieldStart("Contacts");
            for (SimulatedContact contact : contacts) {
                writeContact(json, contact);
            }
            json.writeEndArray();
            if (nextStatus != null) {
                json.writeObjectFieldStart("NextAgentStatus");
                json.writeStringField("ARN", nextStatus.arn);
                json.writeStringField("EnqueuedTimestamp", timestamp(nextStatusEnqueuedAt));
                json.writeStringField("Name", nextStatus.name);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snapshotText.toString();
    }

    /** One whole event; {@code previousSnapshot} is null on LOGIN. */
    byte[] event(AgentProfile agent, String eventId, long eventTime, String eventType, String currentSnapshot,
            String previousSnapshot) {
        eventBytes.reset();
        try (JsonGenerator json = factory.createGenerator(eventBytes)) {
            json.writeStartObject();
            json.writeStringField("AWSAccountId", ContactCenterLayout.ACCOUNT_ID);
            json.writeStringField("AgentARN", agent.arn);
            json.writeFieldName("CurrentAgentSnapshot");
            json.writeRawValue(currentSnapshot);
            json.writeStringField("EventId", eventId);
            json.writeStringField("EventTimestamp", timestamp(eventTime));
            json.writeStringField("EventType", eventType);
            json.writeStringField("InstanceARN", instanceArn);
            json.writeFieldName("PreviousAgentSnapshot");
            if (previousSnapshot == null) {
                json.writeNull();
            } else {
                json.writeRawValue(previousSnapshot);
            }
            json.writeStringField("Version", VERSION);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return eventBytes.toByteArray();
    }

    private String configuration(AgentProfile agent, List<SimulatedContact> contacts) {
        ContactCenterLayout.RoutingProfile profile = agent.routingProfile;
        int voiceFree = profile.voiceSlots - count(contacts, ContactCenterLayout.VOICE);
        int chatFree = profile.chatSlots - count(contacts, ContactCenterLayout.CHAT);
        int taskFree = profile.taskSlots - count(contacts, ContactCenterLayout.TASK);
        String cached = agent.cachedConfiguration(voiceFree, chatFree, taskFree);
        if (cached != null) return cached;
        CharArrayWriter text = new CharArrayWriter(2048);
        try (JsonGenerator json = factory.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("AgentHierarchyGroups");
            writeGroup(json, "Level1", agent.team.region);
            writeGroup(json, "Level2", agent.team.site);
            writeGroup(json, "Level3", agent.team.team);
            json.writeEndObject();
            json.writeStringField("FirstName", agent.firstName);
            json.writeStringField("LastName", agent.lastName);
            json.writeObjectFieldStart("RoutingProfile");
            json.writeStringField("ARN", profile.arn);
            json.writeArrayFieldStart("Concurrency");
            writeSlots(json, ContactCenterLayout.VOICE, voiceFree, profile.voiceSlots);
            writeSlots(json, ContactCenterLayout.CHAT, chatFree, profile.chatSlots);
            writeSlots(json, ContactCenterLayout.TASK, taskFree, profile.taskSlots);
            json.writeEndArray();
            json.writeObjectFieldStart("DefaultOutboundQueue");
            json.writeStringField("ARN", profile.defaultOutboundQueue.arn);
            writeChannels(json, profile.defaultOutboundQueue.channels);
            json.writeStringField("Name", profile.defaultOutboundQueue.name);
            json.writeEndObject();
            json.writeArrayFieldStart("InboundQueues");
            json.writeStartObject();
            json.writeStringField("ARN", agent.agentQueueArn);
            writeChannels(json, channelsWithSlots(profile));
            json.writeNullField("Name");
            json.writeEndObject();
            for (ContactCenterLayout.Queue queue : profile.queues) {
                json.writeStartObject();
                json.writeStringField("ARN", queue.arn);
                writeChannels(json, profile.channelsOf(queue));
                json.writeStringField("Name", queue.name);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("Name", profile.name);
            json.writeEndObject();
            json.writeStringField("Username", agent.username);
            json.writeArrayFieldStart("Proficiencies");
            for (AgentProfile.Proficiency proficiency : agent.proficiencies) {
                json.writeStartObject();
                json.writeNumberField("Level", proficiency.level);
                json.writeStringField("Name", proficiency.name);
                json.writeStringField("Value", proficiency.value);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rendered = text.toString();
        agent.cacheConfiguration(voiceFree, chatFree, taskFree, rendered);
        return rendered;
    }

    private void writeContact(JsonGenerator json, SimulatedContact contact) throws IOException {
        json.writeStartObject();
        json.writeStringField("Channel", contact.channel);
        writeTimestampField(json, "ConnectedToAgentTimestamp", contact.connectedAt);
        json.writeStringField("ContactId", contact.contactId);
        json.writeStringField("InitialContactId", contact.initialContactId);
        json.writeStringField("InitiationMethod", contact.initiationMethod);
        json.writeObjectFieldStart("Queue");
        json.writeStringField("ARN", contact.queue.arn);
        json.writeStringField("Name", contact.queue.name);
        json.writeEndObject();
        writeTimestampField(json, "QueueTimestamp", contact.queueTimestamp);
        json.writeStringField("State", contact.state);
        writeTimestampField(json, "StateStartTimestamp", contact.stateStart);
        json.writeEndObject();
    }

    private void writeTimestampField(JsonGenerator json, String field, long epochMillis) throws IOException {
        if (epochMillis == SimulatedContact.NONE) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, timestamp(epochMillis));
        }
    }

    private static void writeGroup(JsonGenerator json, String level, ContactCenterLayout.Group group)
            throws IOException {
        json.writeObjectFieldStart(level);
        json.writeStringField("ARN", group.arn);
        json.writeStringField("Name", group.name);
        json.writeEndObject();
    }

    private static void writeSlots(JsonGenerator json, String channel, int free, int maximum) throws IOException {
        if (maximum == 0) return; // Connect lists only the channels the routing profile has
        json.writeStartObject();
        json.writeNumberField("AvailableSlots", free);
        json.writeStringField("Channel", channel);
        json.writeNumberField("MaximumSlots", maximum);
        json.writeEndObject();
    }

    private static void writeChannels(JsonGenerator json, List<String> channels) throws IOException {
        json.writeArrayFieldStart("Channels");
        for (String channel : channels) {
            json.writeString(channel);
        }
        json.writeEndArray();
    }

    private static List<String> channelsWithSlots(ContactCenterLayout.RoutingProfile profile) {
        List<String> channels = new ArrayList<>(3);
        if (profile.voiceSlots > 0) channels.add(ContactCenterLayout.VOICE);
        if (profile.chatSlots > 0) channels.add(ContactCenterLayout.CHAT);
        if (profile.taskSlots > 0) channels.add(ContactCenterLayout.TASK);
        return channels;
    }

    private static int count(List<SimulatedContact> contacts, String channel) {
        int n = 0;
        for (SimulatedContact contact : contacts) {
            if (contact.channel.equals(channel)) n++;
        }
        return n;
    }
}
