package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentanalytics.config.JobConfig.RecordSettings;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.agentanalytics.connect.AgentConfiguration;
import dev.agentanalytics.connect.AgentSnapshot;
import dev.agentanalytics.connect.ConnectAgentEvent;
import dev.agentanalytics.connect.Contact;
import dev.agentanalytics.connect.HierarchyGroup;
import dev.agentanalytics.connect.HierarchyGroups;
import dev.agentanalytics.connect.Queue;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.output.DeadLetterRow;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one record as received into a compact {@link AgentEvent}, or into a dead letter naming exactly what is
 * wrong (docs/analytics.md §3.7). Never throws for bad input. One instance per source subtask; not thread-safe only in
 * the sense that it is not shared.
 */
public final class AgentEventParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RecordSettings settings;
    private transient ObjectReader reader;

    public AgentEventParser(RecordSettings settings) {
        this.settings = settings;
    }

    private ObjectReader reader() {
        if (reader == null) {
            // Trailing tokens (a second object, garbage after the value) make the record "not JSON"; so does a
            // field given twice (which value would count?).
            reader = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
        return reader;
    }

    /** {@link #parse(byte[], long, long, byte[])} of a whole record. */
    public ParsedRecord parse(byte[] payload, long receivedAt, byte[] arrival) {
        return parse(payload, payload.length, receivedAt, arrival);
    }

    /**
     * Parses one record of {@code size} bytes, of which {@code payload} holds all, or (when a source had to cut an
     * oversized record) the first bytes. {@code receivedAt} is the time the record was received (dead letters are
     * partitioned by it, live records must not claim to be much later); {@code arrival} is where it stood in its
     * input ({@link dev.agentanalytics.event.Arrival}).
     */
    public ParsedRecord parse(byte[] payload, long size, long receivedAt, byte[] arrival) {
        if (size > settings.maxRecordBytes) {
            return invalid(receivedAt, "record of " + size + " bytes is larger than max-record-size ("
                    + settings.maxRecordBytes + " bytes)", Arrays.copyOf(payload, Math.min(payload.length,
                    DeadLetterRow.KEPT_OF_OVERSIZED)), size, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return invalid(receivedAt, "not JSON: not valid UTF-8", payload, size, null);
        }
        if (text.isBlank()) return invalid(receivedAt, "not JSON: empty record", payload, size, null);
        JsonNode root = null;
        String problem;
        ConnectAgentEvent event = null;
        try {
            root = reader().readValue(text);
            problem = validate(root);
            if (problem == null) {
                long eventTimestamp = ConnectTimestamps.parse(root.get("EventTimestamp").textValue());
                problem = aheadOfArrival(eventTimestamp, receivedAt);
                if (problem == null) {
                    event = ConnectEventReader.read(root, root.get("AgentARN").textValue(),
                            root.get("EventType").textValue(), eventTimestamp);
                }
            }
        } catch (JsonProcessingException e) {
            problem = "not JSON: " + e.getOriginalMessage();
        } catch (java.io.IOException e) {
            problem = "not JSON: " + e.getMessage();
        }
        if (problem != null) return invalid(receivedAt, problem, payload, size, root);
        AgentEvent compact = toCompact(event, payload);
        compact.arrival = arrival;
        return ParsedRecord.valid(compact);
    }

    /** Live: an event claiming to be from well after its arrival would drag event time ahead for every agent. */
    private String aheadOfArrival(long eventTimestamp, long receivedAt) {
        long ahead = eventTimestamp - receivedAt;
        if (settings.maxEventAheadMs <= 0 || ahead <= settings.maxEventAheadMs) return null;
        return "EventTimestamp is " + ahead / 1000 + " s after the record's arrival (max-event-ahead "
                + settings.maxEventAheadMs / 1000 + " s)";
    }

    private ParsedRecord invalid(long receivedAt, String reason, byte[] kept, long size, JsonNode root) {
        DeadLetterRow row = DeadLetterRow.of(receivedAt, reason, kept, size, settings.keepPayloads);
        if (root != null && root.isObject()) {
            row.agentArn = ConnectEventReader.text(root, "AgentARN");
            row.eventId = ConnectEventReader.text(root, "EventId");
        }
        return ParsedRecord.invalid(row);
    }

    /** The reason the tree is not a valid agent event, or null when it is one. */
    private static String validate(JsonNode root) {
        if (root == null || root.isMissingNode()) return "not JSON: empty record";
        if (!root.isObject()) return "not a JSON object: " + root.getNodeType().name().toLowerCase();
        String problem = requireString(root, "AgentARN");
        if (problem == null) problem = requireString(root, "EventType");
        if (problem == null) problem = requireString(root, "EventTimestamp");
        if (problem != null) return problem;
        if (ConnectTimestamps.parse(root.get("EventTimestamp").textValue()) == null) {
            return "EventTimestamp " + root.get("EventTimestamp") + " is not ISO-8601";
        }
        return null;
    }

    private static String requireString(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            return "missing " + field;
        }
        if (!value.isTextual()) {
            if ("EventTimestamp".equals(field)) return "EventTimestamp " + value + " is not ISO-8601";
            return field + " is not a string: " + value;
        }
        return null;
    }

    /** Keeps what the metrics and rows need; full snapshots never leave the parser. */
    static AgentEvent toCompact(ConnectAgentEvent event, byte[] payload) {
        AgentEvent compact = new AgentEvent();
        compact.eventId = event.eventId;
        compact.agentArn = event.agentArn;
        compact.eventType = event.eventType;
        compact.eventTime = event.eventTimestamp;
        compact.raw = payload;
        AgentSnapshot snapshot = event.currentAgentSnapshot;
        if (snapshot == null) return compact;
        if (snapshot.agentStatus != null) {
            compact.statusName = snapshot.agentStatus.name;
            compact.statusType = snapshot.agentStatus.type;
        }
        if (snapshot.configuration != null) {
            compact.username = snapshot.configuration.username;
            compact.grouping = grouping(snapshot.configuration);
            if (snapshot.configuration.routingProfile != null) {
                List<ServedQueue> served = new ArrayList<>();
                for (Queue queue : snapshot.configuration.routingProfile.inboundQueues) {
                    if (queue.arn != null && !queue.isAgentQueue() && !containsQueue(served, queue.arn)) {
                        served.add(new ServedQueue(queue.arn, queue.name));
                    }
                }
                compact.queues = served.toArray(new ServedQueue[0]);
            }
        }
        List<ContactState> contacts = new ArrayList<>(snapshot.contacts.size());
        for (Contact contact : snapshot.contacts) {
            if (contact.contactId == null) continue; // a leg without an id cannot be followed
            ContactState state = new ContactState();
            state.contactId = contact.contactId;
            state.initialContactId = contact.initialContactId;
            state.channel = contact.channel;
            state.initiationMethod = contact.initiationMethod;
            state.state = contact.state;
            state.stateStart = contact.stateStartTimestamp;
            if (contact.queue != null) {
                state.queueArn = contact.queue.arn;
                state.queueName = contact.queue.name;
            }
            contacts.removeIf(listed -> listed.contactId.equals(state.contactId)); // a repeated id: the last wins
            contacts.add(state);
        }
        compact.contacts = contacts.toArray(new ContactState[0]);
        return compact;
    }

    /** The routing profile's name and the hierarchy levels' names (docs/analytics.md §4.1). */
    private static Grouping grouping(AgentConfiguration configuration) {
        HierarchyGroups levels = configuration.agentHierarchyGroups;
        return new Grouping(configuration.routingProfile == null ? null : configuration.routingProfile.name,
                levels == null ? new String[0] : new String[] {name(levels.level1), name(levels.level2),
                    name(levels.level3), name(levels.level4), name(levels.level5)});
    }

    private static String name(HierarchyGroup group) {
        return group == null ? null : group.name;
    }

    private static boolean containsQueue(List<ServedQueue> queues, String arn) {
        for (ServedQueue queue : queues) {
            if (queue.arn.equals(arn)) return true;
        }
        return false;
    }
}
