package dev.agentanalytics.source.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.parse.ParsedRecord;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Duplicates, late and malformed records come in the asked proportions and within the asked bounds. */
class SimulatorFaultsTest {
    private static final long MAX_DELAY = 5000;
    private static SimulatorRun faulty;

    @BeforeAll
    static void simulate() {
        faulty = SimulatorRun.of(MAX_DELAY, "agents", "50", "duration", "1h", "seed", "11",
                "duplicates", "0.1", "out-of-order", "0.2", "malformed", "0.05");
    }

    @Test
    void duplicatesAndMalformedRecordsComeInTheAskedShares() {
        Set<String> eventIds = new HashSet<>();
        int valid = 0;
        int invalid = 0;
        Set<String> reasons = new HashSet<>();
        for (int i = 0; i < faulty.parsed.size(); i++) {
            ParsedRecord record = faulty.parsed.get(i);
            if (record.isValid()) {
                valid++;
                eventIds.add(record.event.eventId);
            } else {
                invalid++;
                String reason = record.deadLetter.reason;
                reasons.add(kindOf(reason));
                assertTrue(faulty.records.get(i).partitionKey.contains("/agent/"));
            }
        }
        int distinct = eventIds.size();
        double duplicateShare = (valid - distinct) / (double) distinct;
        double malformedShare = invalid / (double) distinct;
        assertEquals(0.1, duplicateShare, 0.02, "duplicates per event");
        assertEquals(0.05, malformedShare, 0.015, "malformed records per event");
        assertEquals(Set.of("not valid UTF-8", "not JSON", "not a JSON object", "missing AgentARN",
                "EventTimestamp not ISO-8601"), reasons);
    }

    private static String kindOf(String reason) {
        if (reason.startsWith("not JSON: not valid UTF-8")) return "not valid UTF-8";
        if (reason.startsWith("not JSON")) return "not JSON";
        if (reason.startsWith("not a JSON object")) return "not a JSON object";
        if (reason.equals("missing AgentARN")) return "missing AgentARN";
        if (reason.startsWith("EventTimestamp") && reason.endsWith("is not ISO-8601")) {
            return "EventTimestamp not ISO-8601";
        }
        return reason;
    }

    @Test
    void malformedRecordsAreAllDeadLettersAndTheRestParses() {
        SimulatorRun allBroken = SimulatorRun.of(MAX_DELAY, "agents", "5", "duration", "10m", "seed", "5",
                "malformed", "1");
        int invalid = 0;
        for (ParsedRecord record : allBroken.parsed) {
            if (!record.isValid()) invalid++;
        }
        // Every simulated event is followed by exactly one malformed record.
        assertEquals(allBroken.parsed.size() / 2, invalid);
    }

    @Test
    void lateRecordsAreNeverMoreThanTheBoundBehind() {
        long newest = Long.MIN_VALUE;
        long latest = 0;
        int late = 0;
        for (SimulatedRecord record : faulty.records) {
            if (record.eventTime < newest) {
                late++;
                latest = Math.max(latest, newest - record.eventTime);
                assertTrue(newest - record.eventTime <= MAX_DELAY, "delayed " + (newest - record.eventTime));
            }
            newest = Math.max(newest, record.eventTime);
        }
        assertTrue(late > 0.1 * faulty.records.size(), late + " late records");
        assertTrue(latest > MAX_DELAY / 2, "delays use the bound: " + latest);
    }

    @Test
    void withoutABoundNothingIsLate() {
        SimulatorRun run = SimulatorRun.of(0, "agents", "20", "duration", "20m", "seed", "5",
                "out-of-order", "0.5", "duplicates", "0.2");
        long newest = Long.MIN_VALUE;
        for (SimulatedRecord record : run.records) {
            assertTrue(record.eventTime >= newest);
            newest = record.eventTime;
        }
    }
}
