package dev.agentanalytics.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentanalytics.connect.AgentConfiguration;
import dev.agentanalytics.connect.AgentSnapshot;
import dev.agentanalytics.connect.AgentStatus;
import dev.agentanalytics.connect.ChannelConcurrency;
import dev.agentanalytics.connect.ConnectAgentEvent;
import dev.agentanalytics.connect.Contact;
import dev.agentanalytics.connect.HierarchyGroup;
import dev.agentanalytics.connect.HierarchyGroups;
import dev.agentanalytics.connect.NextAgentStatus;
import dev.agentanalytics.connect.Proficiency;
import dev.agentanalytics.connect.Queue;
import dev.agentanalytics.connect.RoutingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the Connect data model out of a JSON tree, tolerant the way the stream needs: unknown fields are ignored,
 * a field of an unexpected JSON type is treated as absent, and an unparseable timestamp (other than
 * {@code EventTimestamp}, which the parser checks first) is absent. Nothing here rejects a record.
 */
final class ConnectEventReader {
    private ConnectEventReader() {}

    /** The envelope fields must already have been validated by the caller. */
    static ConnectAgentEvent read(JsonNode root, String agentArn, String eventType, long eventTimestamp) {
        ConnectAgentEvent event = new ConnectAgentEvent();
        event.agentArn = agentArn;
        event.eventType = eventType;
        event.eventTimestamp = eventTimestamp;
        event.awsAccountId = text(root, "AWSAccountId");
        event.eventId = text(root, "EventId");
        event.instanceArn = text(root, "InstanceARN");
        event.version = text(root, "Version");
        event.currentAgentSnapshot = snapshot(root.get("CurrentAgentSnapshot"));
        event.previousAgentSnapshot = snapshot(root.get("PreviousAgentSnapshot"));
        return event;
    }

    private static AgentSnapshot snapshot(JsonNode node) {
        if (!isObject(node)) return null;
        AgentSnapshot snapshot = new AgentSnapshot();
        snapshot.agentStatus = status(node.get("AgentStatus"));
        snapshot.nextAgentStatus = nextStatus(node.get("NextAgentStatus"));
        snapshot.configuration = configuration(node.get("Configuration"));
        snapshot.contacts = list(node.get("Contacts"), ConnectEventReader::contact);
        return snapshot;
    }

    private static AgentStatus status(JsonNode node) {
        if (!isObject(node)) return null;
        AgentStatus status = new AgentStatus();
        status.arn = text(node, "ARN");
        status.name = text(node, "Name");
        status.startTimestamp = timestamp(node, "StartTimestamp");
        status.type = text(node, "Type");
        return status;
    }

    private static NextAgentStatus nextStatus(JsonNode node) {
        if (!isObject(node)) return null;
        NextAgentStatus next = new NextAgentStatus();
        next.arn = text(node, "ARN");
        next.name = text(node, "Name");
        Long enqueued = timestamp(node, "EnqueuedTimestamp");
        next.enqueuedTimestamp = enqueued != null ? enqueued : timestamp(node, "EnqueueTimestamp");
        return next;
    }

    private static AgentConfiguration configuration(JsonNode node) {
        if (!isObject(node)) return null;
        AgentConfiguration configuration = new AgentConfiguration();
        configuration.firstName = text(node, "FirstName");
        configuration.lastName = text(node, "LastName");
        configuration.username = text(node, "Username");
        configuration.agentHierarchyGroups = hierarchy(node.get("AgentHierarchyGroups"));
        configuration.routingProfile = routingProfile(node.get("RoutingProfile"));
        configuration.proficiencies = list(node.get("Proficiencies"), ConnectEventReader::proficiency);
        configuration.autoAccept = integer(node, "AutoAccept");
        return configuration;
    }

    private static HierarchyGroups hierarchy(JsonNode node) {
        if (!isObject(node)) return null;
        HierarchyGroups groups = new HierarchyGroups();
        groups.level1 = group(node.get("Level1"));
        groups.level2 = group(node.get("Level2"));
        groups.level3 = group(node.get("Level3"));
        groups.level4 = group(node.get("Level4"));
        groups.level5 = group(node.get("Level5"));
        return groups;
    }

    private static HierarchyGroup group(JsonNode node) {
        if (!isObject(node)) return null;
        HierarchyGroup group = new HierarchyGroup();
        group.arn = text(node, "ARN");
        group.name = text(node, "Name");
        return group;
    }

    private static RoutingProfile routingProfile(JsonNode node) {
        if (!isObject(node)) return null;
        RoutingProfile profile = new RoutingProfile();
        profile.arn = text(node, "ARN");
        profile.name = text(node, "Name");
        profile.defaultOutboundQueue = queue(node.get("DefaultOutboundQueue"));
        profile.inboundQueues = list(node.get("InboundQueues"), ConnectEventReader::queue);
        profile.concurrency = list(node.get("Concurrency"), ConnectEventReader::concurrency);
        return profile;
    }

    private static ChannelConcurrency concurrency(JsonNode node) {
        if (!isObject(node)) return null;
        ChannelConcurrency concurrency = new ChannelConcurrency();
        concurrency.channel = channel(text(node, "Channel"));
        concurrency.availableSlots = integer(node, "AvailableSlots");
        concurrency.maximumSlots = integer(node, "MaximumSlots");
        return concurrency;
    }

    private static Queue queue(JsonNode node) {
        if (!isObject(node)) return null;
        Queue queue = new Queue();
        queue.arn = text(node, "ARN");
        queue.name = text(node, "Name");
        List<String> channels = new ArrayList<>();
        JsonNode array = node.get("Channels");
        if (array != null && array.isArray()) {
            for (JsonNode channel : array) {
                if (channel.isTextual()) channels.add(channel(channel.textValue()));
            }
        }
        queue.channels = channels;
        return queue;
    }

    private static Proficiency proficiency(JsonNode node) {
        if (!isObject(node)) return null;
        Proficiency proficiency = new Proficiency();
        proficiency.name = text(node, "Name");
        proficiency.value = text(node, "Value");
        JsonNode level = node.get("Level");
        proficiency.level = level != null && level.isNumber() ? level.doubleValue() : null;
        return proficiency;
    }

    private static Contact contact(JsonNode node) {
        if (!isObject(node)) return null;
        Contact contact = new Contact();
        contact.contactId = text(node, "ContactId");
        contact.initialContactId = text(node, "InitialContactId");
        contact.channel = channel(text(node, "Channel"));
        contact.initiationMethod = text(node, "InitiationMethod");
        contact.state = text(node, "State");
        contact.stateStartTimestamp = timestamp(node, "StateStartTimestamp");
        contact.connectedToAgentTimestamp = timestamp(node, "ConnectedToAgentTimestamp");
        contact.queueTimestamp = timestamp(node, "QueueTimestamp");
        contact.queue = queue(node.get("Queue"));
        return contact;
    }

    /** TASKS (older events) and TASK are one channel. */
    static String channel(String text) {
        return "TASKS".equals(text) ? "TASK" : text;
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        if (node == null || !node.isArray()) return List.of();
        List<T> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            T value = element.apply(item);
            if (value != null) items.add(value);
        }
        return items;
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    /** A string field; empty text counts as absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) return null;
        return value.textValue();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

    private static Long timestamp(JsonNode node, String field) {
        return ConnectTimestamps.parse(text(node, field));
    }
}
