package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live job with static credentials (as against an emulator) logs them nowhere: every log line of the job, at INFO
 * and above, from the job, Flink and the Kinesis connector, is captured while it reads a stream, and none holds the
 * access key or the secret.
 */
class CredentialsInLogsTest {
    // Put together at run time so that the committed source itself holds nothing shaped like a credential.
    private static final String ACCESS_KEY = "AKIA" + "SENTINELEXAMPLE1";
    private static final String SECRET_KEY = "sentinelSecret/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS = new KinesisEmulatorExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path folder;

    /** Keeps every log line while attached to the root logger. */
    private static final class Capture extends AbstractAppender {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
            for (Throwable t = event.getThrown(); t != null; t = t.getCause()) line.append(' ').append(t);
            lines.add(line.toString());
        }
    }

    @Test
    void staticCredentialsAreNeverLogged() throws Exception {
        KINESIS.createStream("secret-events", 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter().subList(0, 200);
        new StreamProducer(KINESIS.client(), "secret-events", 0, null).sendAll(LiveJobs.outgoing(records).iterator());
        Map<String, String> keys = new HashMap<>(Map.of("source", "kinesis", "kinesis.stream", "secret-events",
                "kinesis.region", KinesisEmulatorExtension.REGION, "kinesis.endpoint", KINESIS.endpoint(),
                "kinesis.access-key", ACCESS_KEY, "kinesis.secret-key", SECRET_KEY,
                "kinesis.initial-position", "TRIM_HORIZON", "silent-stream-advance", "false",
                "output", folder.toString(), "checkpoint-interval", "1s"));
        keys.put("idleness", "2s");
        JobConfig config = JobConfig.fromMap(keys);

        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        Level level = root.getLevel();
        Capture capture = new Capture();
        capture.start();
        root.addAppender(capture, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
        try {
            LogManager.getLogger(CredentialsInLogsTest.class).info("Running: {}", config); // as EmbeddedRun prints
            JobClient job = LiveJobs.start(config, null);
            LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), Duration.ofMinutes(2));
            job.cancel().get(2, TimeUnit.MINUTES);
        } finally {
            root.removeAppender("capture");
            root.setLevel(level);
            context.updateLoggers();
        }
        List<String> lines = new ArrayList<>(capture.lines);
        assertTrue(lines.size() > 50, "the job's logs were captured: " + lines.size() + " lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains("secret-events")), "the stream name is logged");
        for (String line : lines) {
            assertFalse(line.contains(ACCESS_KEY) || line.contains(SECRET_KEY), "a credential in the logs: " + line);
        }
    }
}
