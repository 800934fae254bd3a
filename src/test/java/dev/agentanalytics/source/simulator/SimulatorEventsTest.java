package dev.agentanalytics.source.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.parse.ParsedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated stream without faults: valid, realistic, ordered, with heart beats. */
class SimulatorEventsTest {
    private static SimulatorRun clean;

    @BeforeAll
    static void simulate() {
        clean = SimulatorRun.of(5000, "agents", "60", "duration", "2h", "seed", "42");
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDifferentOnes() {
        SimulatorRun first = SimulatorRun.of(5000, "agents", "20", "duration", "30m", "seed", "7",
                "duplicates", "0.05", "out-of-order", "0.1", "malformed", "0.05", "silent-agents", "2");
        SimulatorRun again = SimulatorRun.of(5000, "agents", "20", "duration", "30m", "seed", "7",
                "duplicates", "0.05", "out-of-order", "0.1", "malformed", "0.05", "silent-agents", "2");
        SimulatorRun other = SimulatorRun.of(5000, "agents", "20", "duration", "30m", "seed", "8",
                "duplicates", "0.05", "out-of-order", "0.1", "malformed", "0.05", "silent-agents", "2");
        assertEquals(first.records.size(), again.records.size());
        for (int i = 0; i < first.records.size(); i++) {
            assertArrayEquals(first.records.get(i).payload, again.records.get(i).payload, "record " + i);
            assertEquals(first.records.get(i).eventTime, again.records.get(i).eventTime);
            assertEquals(first.records.get(i).partitionKey, again.records.get(i).partitionKey);
        }
        assertNotEquals(new String(first.records.get(0).payload, StandardCharsets.UTF_8),
                new String(other.records.get(0).payload, StandardCharsets.UTF_8));
    }

    @Test
    void everyRecordIsAValidEventOfEveryType() {
        Set<String> types = new HashSet<>();
        for (int i = 0; i < clean.parsed.size(); i++) {
            ParsedRecord record = clean.parsed.get(i);
            assertTrue(record.isValid(), () -> "dead letter: " + record);
            types.add(record.event.eventType);
            assertEquals(clean.records.get(i).eventTime, record.event.eventTime);
            assertEquals(clean.records.get(i).partitionKey, record.event.agentArn);
        }
        assertEquals(Set.of("LOGIN", "LOGOUT", "STATE_CHANGE", "HEART_BEAT"), types);
    }

    @Test
    void theContactCenterDoesWhatRealOnesDo() {
        Set<String> states = new HashSet<>();
        Set<String> methods = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        int maxChats = 0;
        boolean transferWithInitialContact = false;
        boolean nextStatus = false;
        for (ParsedRecord record : clean.parsed) {
            AgentEvent event = record.event;
            statuses.add(event.statusName + "/" + event.statusType);
            int chats = 0;
            for (ContactState contact : event.contacts) {
                states.add(contact.state);
                methods.add(contact.initiationMethod);
                if ("CHAT".equals(contact.channel)) chats++;
                if ("TRANSFER".equals(contact.initiationMethod) && contact.initialContactId != null) {
                    transferWithInitialContact = true;
                }
            }
            maxChats = Math.max(maxChats, chats);
            nextStatus |= new String(event.raw, StandardCharsets.UTF_8).contains("\"NextAgentStatus\":{");
        }
        assertEquals(Set.of("INCOMING", "CONNECTING", "CONNECTED", "CONNECTED_ONHOLD", "ENDED", "MISSED",
                "REJECTED", "ERROR"), states);
        assertEquals(Set.of("INBOUND", "OUTBOUND", "TRANSFER", "API"), methods);
        assertTrue(statuses.containsAll(Set.of("Available/ROUTABLE", "Offline/OFFLINE", "Break/CUSTOM",
                "Lunch/CUSTOM", "Training/CUSTOM", "Meeting/CUSTOM")), statuses.toString());
        assertTrue(maxChats >= 2, "concurrent chats");
        assertTrue(transferWithInitialContact);
        assertTrue(nextStatus);
        String login = new String(first("LOGIN").raw, StandardCharsets.UTF_8);
        assertTrue(login.contains("\"PreviousAgentSnapshot\":null"));
        assertTrue(login.contains("/queue/agent/"));
        assertTrue(login.contains("\"Level3\":{"));
        assertTrue(login.contains("\"Proficiencies\":[{"));
        assertTrue(login.contains("\"Version\":\"2019-05-25\""));
        String change = new String(first("STATE_CHANGE").raw, StandardCharsets.UTF_8);
        assertTrue(change.contains("\"PreviousAgentSnapshot\":{\"AgentStatus\""));
        assertTrue(change.matches(".*\"EventTimestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\".*"));
    }

    @Test
    void eventsAreThreeToEightKilobytes() {
        int within = 0;
        for (SimulatedRecord record : clean.records) {
            if (record.payload.length >= 3 * 1024 && record.payload.length <= 8 * 1024) within++;
        }
        assertTrue(within >= 0.95 * clean.records.size(),
                within + " of " + clean.records.size() + " records are 3-8 KB");
    }

    @Test
    void eachAgentsEventsAreInEventTimeOrder() {
        for (List<AgentEvent> events : byAgent(clean).values()) {
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).eventTime >= events.get(i - 1).eventTime);
            }
        }
    }

    @Test
    void aLoggedInAgentIsNeverQuietForMoreThanTwoMinutes() {
        long end = clean.endMillis();
        for (List<AgentEvent> events : byAgent(clean).values()) {
            assertEquals("LOGIN", events.get(0).eventType);
            boolean loggedIn = true;
            for (int i = 1; i < events.size() && loggedIn; i++) {
                assertTrue(events.get(i).eventTime - events.get(i - 1).eventTime <= 120_000,
                        "gap before " + events.get(i));
                loggedIn = !events.get(i).isType("LOGOUT");
            }
            if (loggedIn) {
                assertTrue(end - events.get(events.size() - 1).eventTime <= 120_000);
            }
        }
    }

    @Test
    void silentAgentsStopWithoutLoggingOut() {
        SimulatorRun run = SimulatorRun.of(5000, "agents", "40", "duration", "1h", "seed", "3",
                "silent-agents", "4");
        long end = run.endMillis();
        int silent = 0;
        for (List<AgentEvent> events : byAgent(run).values()) {
            AgentEvent last = events.get(events.size() - 1);
            boolean loggedOut = false;
            for (AgentEvent event : events) loggedOut |= event.isType("LOGOUT");
            if (!loggedOut && end - last.eventTime > 5 * 60_000) {
                silent++;
                assertFalse(last.isType("LOGOUT"));
                assertNotEquals("OFFLINE", last.statusType);
            }
        }
        assertEquals(4, silent);
    }

    private static AgentEvent first(String type) {
        for (ParsedRecord record : clean.parsed) {
            if (record.event.isType(type)) return record.event;
        }
        throw new AssertionError("no " + type);
    }

    /** Valid events per agent in arrival order, duplicates (same EventId again) left out. */
    static Map<String, List<AgentEvent>> byAgent(SimulatorRun run) {
        Map<String, List<AgentEvent>> byAgent = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ParsedRecord record : run.parsed) {
            if (record.isValid() && seen.add(record.event.eventId)) {
                byAgent.computeIfAbsent(record.event.agentArn, arn -> new ArrayList<>()).add(record.event);
            }
        }
        return byAgent;
    }
}
