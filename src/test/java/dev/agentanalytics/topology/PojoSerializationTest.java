package dev.agentanalytics.topology;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import dev.agentanalytics.engine.ActivityTime;
import dev.agentanalytics.engine.AgentState;
import dev.agentanalytics.engine.ContactLeg;
import dev.agentanalytics.engine.RecentEventIds;
import dev.agentanalytics.engine.StatusTime;
import dev.agentanalytics.engine.WindowTally;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.queue.QueueShare;
import org.junit.jupiter.api.Test;

/** Everything on the wire and in state is a Flink POJO: fast, evolvable, and never Kryo. */
class PojoSerializationTest {
    @Test
    void eventsAndParseResults() {
        assertSerializedAsPojoWithoutKryo(AgentEvent.class);
        assertSerializedAsPojoWithoutKryo(ContactState.class);
        assertSerializedAsPojoWithoutKryo(ServedQueue.class);
        assertSerializedAsPojoWithoutKryo(ParsedRecord.class);
    }

    @Test
    void engineState() {
        assertSerializedAsPojoWithoutKryo(AgentState.class);
        assertSerializedAsPojoWithoutKryo(ContactLeg.class);
        assertSerializedAsPojoWithoutKryo(WindowTally.class);
        assertSerializedAsPojoWithoutKryo(StatusTime.class);
        assertSerializedAsPojoWithoutKryo(ActivityTime.class);
        assertSerializedAsPojoWithoutKryo(RecentEventIds.class);
        assertSerializedAsPojoWithoutKryo(QueueShare.class);
        assertSerializedAsPojoWithoutKryo(dev.agentanalytics.endofinput.EndOfInputReport.class);
    }

    @Test
    void outputRows() {
        for (OutputTable table : OutputTable.values()) {
            assertSerializedAsPojoWithoutKryo(table.rowType());
        }
    }
}
