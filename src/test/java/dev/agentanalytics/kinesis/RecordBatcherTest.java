package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBatcherTest {
    private static final String AGENT = "arn:aws:connect:us-east-1:123456789012:instance/i/agent/a1"; // 58 bytes
    private static int nextAgent;

    /** A record of its own agent (a 58-byte partition key, as {@link #AGENT}). */
    private static OutgoingRecord record(int dataBytes) {
        String agent = AGENT.substring(0, AGENT.length() - 4) + String.format("%04d", nextAgent++ % 10_000);
        return new OutgoingRecord(agent, new byte[dataBytes]);
    }

    /** Every batch the batcher completes for {@code records}, the final drain included. */
    private static List<List<OutgoingRecord>> batches(RecordBatcher batcher, List<OutgoingRecord> records) {
        List<List<OutgoingRecord>> batches = new ArrayList<>();
        for (OutgoingRecord record : records) {
            List<OutgoingRecord> batch = batcher.add(record);
            if (!batch.isEmpty()) batches.add(batch);
        }
        List<OutgoingRecord> last = batcher.drain();
        if (!last.isEmpty()) batches.add(last);
        return batches;
    }

    @Test
    void aBatchHoldsAtMost500Records() {
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 1201; i++) records.add(record(100));
        List<List<OutgoingRecord>> batches = batches(new RecordBatcher(), records);
        assertEquals(List.of(500, 500, 201), sizes(batches));
    }

    @Test
    void theFiveHundredthRecordCompletesItsBatchAtOnce() {
        RecordBatcher batcher = new RecordBatcher();
        for (int i = 0; i < 499; i++) assertTrue(batcher.add(record(10)).isEmpty());
        assertEquals(500, batcher.add(record(10)).size());
        assertTrue(batcher.isEmpty());
    }

    @Test
    void aBatchStaysWithinFiveMebibytesCountingPartitionKeys() {
        // 25 records of this size fit in 5 MiB by their data alone; with their partition keys only 24 do.
        int data = RecordBatcher.MAX_REQUEST_BYTES / 25;
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) records.add(record(data));
        List<List<OutgoingRecord>> batches = batches(new RecordBatcher(), records);
        assertEquals(List.of(24, 24, 2), sizes(batches));
        for (List<OutgoingRecord> batch : batches) {
            assertTrue(bytes(batch) <= RecordBatcher.MAX_REQUEST_BYTES, "batch of " + bytes(batch) + " bytes");
        }
    }

    @Test
    void fiveRecordsOfOneMebibyteFillABatchExactly() {
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 11; i++) records.add(record(RecordBatcher.MAX_RECORD_BYTES - AGENT.length()));
        assertEquals(List.of(5, 5, 1), sizes(batches(new RecordBatcher(), records)));
    }

    @Test
    void recordsKeepTheirOrderAcrossBatches() {
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 23; i++) records.add(new OutgoingRecord("agent-" + (i % 7), new byte[] {(byte) i}));
        List<OutgoingRecord> sent = new ArrayList<>();
        for (List<OutgoingRecord> batch : batches(new RecordBatcher(5, 1 << 20), records)) sent.addAll(batch);
        assertEquals(records, sent);
    }

    @Test
    void aBatchHoldsOneRecordPerAgentSoThatARetryNeverOvertakesTheAgentsNextEvent() {
        List<OutgoingRecord> records = new ArrayList<>();
        for (String agent : new String[] {"a", "b", "a", "c", "b", "b"}) {
            records.add(new OutgoingRecord(agent, new byte[1]));
        }
        List<List<OutgoingRecord>> batches = batches(new RecordBatcher(), records);
        assertEquals(List.of(2, 3, 1), sizes(batches)); // a b | a c b | b
    }

    @Test
    void aRecordOverOneMebibyteIsRefused() {
        RecordBatcher batcher = new RecordBatcher();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batcher.add(record(RecordBatcher.MAX_RECORD_BYTES - AGENT.length() + 1)));
        assertTrue(e.getMessage().contains("over Kinesis' limit"), e.getMessage());
    }

    @Test
    void theAgentArnIsThePartitionKeyAndBadLinesGetAHash() {
        assertEquals("arn:a1", ProducerInput.partitionKeyOf(
                "{\"EventId\":\"e\",\"CurrentAgentSnapshot\":{\"AgentARN\":\"nested\"},\"AgentARN\":\"arn:a1\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String invalid = ProducerInput.partitionKeyOf("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(invalid.startsWith("line-"), invalid);
        assertEquals(invalid, ProducerInput.partitionKeyOf("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(ProducerInput.partitionKeyOf("{\"AgentARN\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("line-"));
    }

    @Test
    void badArgumentsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> KinesisProducerCli.parse(new String[] {"--rate", "5"}));
        assertThrows(IllegalArgumentException.class,
                () -> KinesisProducerCli.parse(new String[] {"--stream", "s", "--rate", "-1"}));
        assertThrows(IllegalArgumentException.class,
                () -> KinesisProducerCli.parse(new String[] {"--stream", "s", "--endpoint", "127.0.0.1:4568"}));
        assertThrows(IllegalArgumentException.class,
                () -> KinesisProducerCli.parse(new String[] {"--stream", "s", "--window", "5m"}));
        KinesisProducerCli.Options options = KinesisProducerCli.parse(new String[] {"--stream=s", "--rate", "20",
                "--simulator.agents", "7", "--out-of-orderness", "2s"});
        assertEquals(20, options.rate);
        assertEquals(7, options.simulator.simulator.agents);
    }

    private static List<Integer> sizes(List<List<OutgoingRecord>> batches) {
        List<Integer> sizes = new ArrayList<>();
        for (List<OutgoingRecord> batch : batches) sizes.add(batch.size());
        return sizes;
    }

    private static long bytes(List<OutgoingRecord> batch) {
        long bytes = 0;
        for (OutgoingRecord record : batch) bytes += record.sizeInBytes();
        return bytes;
    }
}
