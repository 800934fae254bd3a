package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one record in a single streaming pass straight into the compact {@link AgentEvent}, keeping only what the
 * job computes with (docs/analytics.md §3.7): the envelope, and of {@code CurrentAgentSnapshot} the status, user
 * name, routing profile with its inbound queues, hierarchy names and the contacts. Everything else (the previous
 * snapshot, proficiencies, concurrency, next status, ...) is skipped token by token, never built. The whole record
 * is still tokenized, so a syntax error anywhere, a field given twice in one object or anything after the value
 * makes it "not JSON". The rules are written once, over {@link RecordTokens}: {@link ByteTokens} reads an ordinary
 * record, and Jackson the records it leaves undecided (errors among them, in Jackson's words). Tolerant where the stream needs it: a field of an unexpected JSON type counts as absent,
 * empty text counts as absent, and an unparseable contact timestamp is absent.
 */
final class AgentEventReader {
    /** The agent's own queue has an ARN path of {@code /queue/agent/}; it is not a queue the agent serves. */
    static final String AGENT_QUEUE_PATH = "/queue/agent/";

    private AgentEventReader() {}

    /** One of the three required envelope fields, as sent. */
    static final class Field {
        /** Its text: null when absent, JSON null, empty text or not a string. */
        String text;
        /** The JSON of a value that is neither a string nor null (a number, an object, ...); else null. */
        String otherJson;

        /** The value as it would be written back in JSON, for a reason: {@code "..."} for text. */
        String json() {
            return otherJson != null ? otherJson : TextNode.valueOf(text).toString();
        }
    }

    /** What one pass found. */
    static final class Read {
        /** Empty input (nothing but white space). */
        boolean empty;
        /** The JSON type of a root value that is not an object ({@code array}, {@code string}, ...); else null. */
        String notAnObject;
        final Field agentArn = new Field();
        final Field eventType = new Field();
        final Field eventTimestamp = new Field();
        /** Filled with every optional field; the caller completes the envelope once it is known valid. */
        final AgentEvent event = new AgentEvent();
    }

    /**
     * The record read by the fast path (which also proves it valid UTF-8), or null when it leaves the record to
     * the UTF-8 check and Jackson.
     */
    static Read readFast(byte[] bytes, int offset, int length, ByteTokens tokens) {
        tokens.reset(bytes, offset, length);
        return readFast(tokens);
    }

    /**
     * The record that begins a line at {@code bytes[offset]}, read by the fast path up to the line's end
     * ({@link ByteTokens#resetLine}, {@link ByteTokens#lineEnd()}), or null when it leaves the line to be found first.
     */
    static Read readFastLine(byte[] bytes, int offset, int limit, ByteTokens tokens) {
        tokens.resetLine(bytes, offset, limit);
        return readFast(tokens);
    }

    private static Read readFast(ByteTokens tokens) {
        Read read = new Read();
        try {
            tokens.next(); // the root object's start (else undecided)
            root(tokens, read);
            return read;
        } catch (ByteTokens.Undecided | IOException undecided) { // (the scanner reads no stream: no IOException)
            return null;
        }
    }

    /**
     * The record read by Jackson: any value; throws for anything that is not one well-formed JSON value, in
     * Jackson's words, a byte-order mark before it included (docs/analytics.md §3.7: only a file's first line may
     * start with one, and the file reader removes it). The payload is valid UTF-8.
     */
    static Read readWithJackson(byte[] payload) throws IOException {
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF) {
            throw new JsonParseException(null, "Unexpected byte-order mark before the value");
        }
        // Jackson guesses UTF-16 or UTF-32 from a zero among the first four bytes; as UTF-8, which a record is
        // (docs/analytics.md §3.7), such a zero is a control character outside a string or inside one: not JSON.
        for (int i = 0; i < Math.min(4, payload.length); i++) {
            if (payload[i] == 0) {
                throw new JsonParseException(null, "Illegal character ((CTRL-CHAR, code 0)) at byte " + i
                        + ": JSON text is UTF-8");
            }
        }
        Read read = new Read();
        try (JacksonTokens tokens = new JacksonTokens(payload)) {
            JsonToken first = tokens.next();
            if (first == null) {
                read.empty = true;
                return read;
            }
            if (first == JsonToken.START_OBJECT) {
                root(tokens, read);
            } else {
                read.notAnObject = typeName(first);
                tokens.skipChildren();
            }
            JsonToken after = tokens.next();
            if (after != null) {
                throw new JsonParseException(tokens.parser(), "Trailing token (" + after + ") after the value");
            }
        }
        return read;
    }

    private static void root(RecordTokens p, Read read) throws IOException {
        AgentEvent event = read.event;
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            switch (name) {
                case "AgentARN":
                    envelope(p, value, read.agentArn);
                    break;
                case "EventType":
                    envelope(p, value, read.eventType);
                    break;
                case "EventTimestamp":
                    envelope(p, value, read.eventTimestamp);
                    break;
                case "EventId":
                    event.eventId = text(p, value);
                    break;
                case "CurrentAgentSnapshot":
                    if (value == JsonToken.START_OBJECT) snapshot(p, event);
                    else p.skipChildren();
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private static void envelope(RecordTokens p, JsonToken value, Field field) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            String text = p.text();
            field.text = text.isEmpty() ? null : text;
        } else if (value != JsonToken.VALUE_NULL) {
            field.otherJson = p.valueJson();
        }
    }

    private static void snapshot(RecordTokens p, AgentEvent event) throws IOException {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            if (value == JsonToken.START_OBJECT && name.equals("AgentStatus")) {
                status(p, event);
            } else if (value == JsonToken.START_OBJECT && name.equals("Configuration")) {
                configuration(p, event);
            } else if (value == JsonToken.START_ARRAY && name.equals("Contacts")) {
                event.contacts = contacts(p);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void status(RecordTokens p, AgentEvent event) throws IOException {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            if (name.equals("Name")) event.statusName = text(p, value);
            else if (name.equals("Type")) event.statusType = text(p, value);
            else p.skipChildren();
        }
    }

    private static void configuration(RecordTokens p, AgentEvent event) throws IOException {
        String routingProfile = null;
        String[] levels = new String[0];
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            if (name.equals("Username")) {
                event.username = text(p, value);
            } else if (value == JsonToken.START_OBJECT && name.equals("RoutingProfile")) {
                routingProfile = routingProfile(p, event);
            } else if (value == JsonToken.START_OBJECT && name.equals("AgentHierarchyGroups")) {
                levels = hierarchy(p);
            } else {
                p.skipChildren();
            }
        }
        event.grouping = new Grouping(routingProfile, levels);
    }

    /** Reads the served queues into the event; returns the profile's name. */
    private static String routingProfile(RecordTokens p, AgentEvent event) throws IOException {
        String profileName = null;
        List<ServedQueue> served = new ArrayList<>();
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            if (name.equals("Name")) {
                profileName = text(p, value);
            } else if (value == JsonToken.START_ARRAY && name.equals("InboundQueues")) {
                while (p.next() != JsonToken.END_ARRAY) {
                    if (p.current() != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    String[] queue = arnAndName(p);
                    if (queue[0] != null && !queue[0].contains(AGENT_QUEUE_PATH) && !contains(served, queue[0])) {
                        served.add(new ServedQueue(queue[0], queue[1]));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        event.queues = served.toArray(new ServedQueue[0]);
        return profileName;
    }

    /** The five levels' names, null where a level is absent. */
    private static String[] hierarchy(RecordTokens p) throws IOException {
        String[] names = new String[5];
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            int level = name.length() == 6 && name.startsWith("Level") ? name.charAt(5) - '1' : -1;
            if (value == JsonToken.START_OBJECT && level >= 0 && level < 5) {
                names[level] = arnAndName(p)[1];
            } else {
                p.skipChildren();
            }
        }
        return names;
    }

    /** {@code ARN} and {@code Name} of the object the parser is at the start of. */
    private static String[] arnAndName(RecordTokens p) throws IOException {
        String[] arnAndName = new String[2];
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            if (name.equals("ARN")) arnAndName[0] = text(p, value);
            else if (name.equals("Name")) arnAndName[1] = text(p, value);
            else p.skipChildren();
        }
        return arnAndName;
    }

    /**
     * Every contact object of the list, in order, one without a {@code ContactId} or with a repeated one included:
     * each counts in the agent's activity and open contacts (docs/analytics.md §3.5); the engine decides which it
     * can follow as a leg.
     */
    private static ContactState[] contacts(RecordTokens p) throws IOException {
        List<ContactState> contacts = new ArrayList<>();
        while (p.next() != JsonToken.END_ARRAY) {
            if (p.current() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            contacts.add(contact(p));
        }
        return contacts.toArray(new ContactState[0]);
    }

    private static ContactState contact(RecordTokens p) throws IOException {
        ContactState contact = new ContactState();
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken value = p.next();
            switch (name) {
                case "ContactId":
                    contact.contactId = text(p, value);
                    break;
                case "InitialContactId":
                    contact.initialContactId = text(p, value);
                    break;
                case "Channel":
                    contact.channel = channel(text(p, value));
                    break;
                case "InitiationMethod":
                    contact.initiationMethod = text(p, value);
                    break;
                case "State":
                    contact.state = text(p, value);
                    break;
                case "StateStartTimestamp":
                    contact.stateStart = ConnectTimestamps.parse(text(p, value));
                    break;
                case "Queue":
                    if (value == JsonToken.START_OBJECT) {
                        String[] queue = arnAndName(p);
                        contact.queueArn = queue[0];
                        contact.queueName = queue[1];
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        return contact;
    }

    /** TASKS (older events) and TASK are one channel. */
    static String channel(String text) {
        return "TASKS".equals(text) ? "TASK" : text;
    }

    /** A string value; empty text or any other type (skipped) counts as absent. */
    private static String text(RecordTokens p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return null;
        }
        String text = p.text();
        return text.isEmpty() ? null : text;
    }

    private static boolean contains(List<ServedQueue> queues, String arn) {
        for (ServedQueue queue : queues) {
            if (queue.arn.equals(arn)) return true;
        }
        return false;
    }

    /** The name JSON gives the type of a root value that is not an object. */
    private static String typeName(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "array";
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "boolean";
            default:
                return "null";
        }
    }
}
