package dev.agentanalytics.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The job's typed, validated configuration. Precedence: command-line flags, then a properties file in Managed
 * Flink's property-group JSON format ({@code --properties FILE}, or {@value #MANAGED_FLINK_PROPERTIES} when it
 * exists), then the defaults of {@link ConfigKey}.
 */
public final class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where Amazon Managed Service for Apache Flink puts the application's runtime properties. */
    public static final String MANAGED_FLINK_PROPERTIES = "/etc/flink/application_properties.json";
    /** The flag naming a properties file; it is not a configuration key itself. */
    public static final String PROPERTIES_FLAG = "properties";

    public enum SourceKind { SIMULATOR, FILES, KINESIS }

    public enum RuntimeMode { STREAMING, BATCH, AUTOMATIC }

    public enum InitialPosition { LATEST, TRIM_HORIZON, AT_TIMESTAMP }

    public enum KinesisReader { POLLING, EFO }

    /** The HTTP version of the alert sink's client. */
    public enum HttpProtocol { HTTP2, HTTP1_1 }

    public final SourceKind source;
    public final List<String> input;
    public final String output;
    public final boolean console;
    public final RuntimeMode runtimeMode;
    /** 0 when the environment decides. */
    public final int parallelism;
    public final int maxParallelism;
    /** Null when the environment decides. */
    public final Duration checkpointInterval;
    public final int webUiPort;
    public final Duration outOfOrderness;
    public final Duration idleness;
    public final boolean silentStreamAdvance;
    public final EngineSettings engine;
    public final RecordSettings records;
    public final KinesisSettings kinesis;
    public final SimulatorSettings simulator;
    /**
     * The configuration came from Managed Flink's {@value #MANAGED_FLINK_PROPERTIES} (or a platform that mounts
     * one there, as docker-compose.yml does): the platform owns parallelism and checkpointing.
     */
    public final boolean managedFlink;

    private JobConfig(ConfigValues v, boolean managedFlink) {
        this.managedFlink = managedFlink;
        source = v.choice(ConfigKey.SOURCE, SourceKind.class);
        input = splitList(v.text(ConfigKey.INPUT));
        if (source == SourceKind.FILES && input.isEmpty()) {
            throw new ConfigException("Missing value for configuration key 'input': the files source needs"
                    + " one or more JSON-lines files or folders.");
        }
        for (String path : input) {
            if (!path.contains("://") && !Files.exists(Paths.get(path))) {
                throw new ConfigException("Invalid value '" + path + "' for configuration key 'input': no such"
                        + " file or folder.");
            }
        }
        output = v.text(ConfigKey.OUTPUT);
        if (output.isEmpty()) {
            throw v.invalid(ConfigKey.OUTPUT, "a folder or an s3:// path");
        }
        console = v.bool(ConfigKey.CONSOLE);
        runtimeMode = v.choice(ConfigKey.RUNTIME_MODE, RuntimeMode.class);
        if (runtimeMode == RuntimeMode.BATCH && source != SourceKind.FILES) {
            throw v.invalid(ConfigKey.RUNTIME_MODE, "STREAMING or AUTOMATIC with source " + source
                    + " (BATCH needs a bounded input: source FILES)");
        }
        if (managedFlink) {
            for (ConfigKey owned : new ConfigKey[] {ConfigKey.PARALLELISM, ConfigKey.CHECKPOINT_INTERVAL}) {
                if (!v.text(owned).isEmpty()) {
                    throw new ConfigException("Configuration key '" + owned.name() + "' cannot be set in "
                            + MANAGED_FLINK_PROPERTIES + ": on Managed Service for Apache Flink the application's"
                            + " own settings decide it (autoscaling changes the parallelism). Remove it from the"
                            + " property groups.");
                }
            }
        }
        parallelism = v.text(ConfigKey.PARALLELISM).isEmpty() ? 0 : v.integer(ConfigKey.PARALLELISM, 1, 1024);
        maxParallelism = v.integer(ConfigKey.MAX_PARALLELISM, 1, 32768);
        if (maxParallelism < parallelism) {
            throw v.invalid(ConfigKey.MAX_PARALLELISM, "at least the parallelism (" + parallelism + ")");
        }
        checkpointInterval = v.text(ConfigKey.CHECKPOINT_INTERVAL).isEmpty() ? null
                : v.duration(ConfigKey.CHECKPOINT_INTERVAL, Duration.ofMillis(100), Duration.ofHours(24));
        webUiPort = v.integer(ConfigKey.WEB_UI_PORT, 0, 65535);
        outOfOrderness = v.duration(ConfigKey.OUT_OF_ORDERNESS, Duration.ZERO, Duration.ofHours(1));
        idleness = v.duration(ConfigKey.IDLENESS, Duration.ofSeconds(1), Duration.ofHours(1));
        silentStreamAdvance = v.bool(ConfigKey.SILENT_STREAM_ADVANCE);
        engine = new EngineSettings(v);
        records = new RecordSettings(v, source == SourceKind.KINESIS, isBatch());
        kinesis = new KinesisSettings(v, source == SourceKind.KINESIS);
        simulator = new SimulatorSettings(v);
    }

    /** True when the job replays a bounded input, so that it runs in BATCH mode unless told otherwise. */
    public boolean isBatch() {
        if (runtimeMode == RuntimeMode.AUTOMATIC) return source == SourceKind.FILES;
        return runtimeMode == RuntimeMode.BATCH;
    }

    /** Loads from command-line arguments ({@code --key value}, {@code --key=value}). */
    public static JobConfig fromArgs(String... args) {
        return fromArgs(args, Paths.get(MANAGED_FLINK_PROPERTIES));
    }

    /** As {@link #fromArgs(String...)}, with Managed Flink's properties file at {@code managedFlinkProperties}. */
    static JobConfig fromArgs(String[] args, Path managedFlinkProperties) {
        Map<String, String> flags = parseFlags(args);
        String propertiesFile = flags.remove(PROPERTIES_FLAG);
        Map<String, String> merged = new LinkedHashMap<>();
        boolean managedFlink = false;
        if (propertiesFile != null) {
            merged.putAll(readPropertiesFile(Paths.get(propertiesFile), true));
        } else if (Files.exists(managedFlinkProperties)) {
            merged.putAll(readPropertiesFile(managedFlinkProperties, false));
            managedFlink = true;
        }
        merged.putAll(flags);
        return load(merged, managedFlink);
    }

    /** Loads from key/value pairs over the defaults; unknown keys are errors (a typo must not pass silently). */
    public static JobConfig fromMap(Map<String, String> values) {
        return load(values, false);
    }

    private static JobConfig load(Map<String, String> values, boolean managedFlink) {
        for (String key : values.keySet()) {
            if (ConfigKey.named(key) == null) {
                throw new ConfigException("Unknown configuration key '" + key + "'. Known keys: "
                        + knownKeys() + ".");
            }
        }
        return new JobConfig(new ConfigValues(values), managedFlink);
    }

    /** Flags: {@code --key value}, {@code --key=value}; only {@code --input} takes several values. */
    static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("Unexpected argument '" + arg + "': flags are --key value or"
                        + " --key=value. Known keys: " + knownKeys() + ".");
            }
            String key = arg.substring(2);
            List<String> values = new ArrayList<>();
            int eq = key.indexOf('=');
            if (eq >= 0) {
                values.add(key.substring(eq + 1));
                key = key.substring(0, eq);
            }
            i++;
            while (eq < 0 && i < args.length && !args[i].startsWith("--")) {
                values.add(args[i++]);
            }
            if (!key.equals(PROPERTIES_FLAG) && ConfigKey.named(key) == null) {
                throw new ConfigException("Unknown configuration key '" + key + "'. Known keys: "
                        + knownKeys() + ".");
            }
            if (values.isEmpty()) {
                throw new ConfigException("Missing value for configuration key '" + key + "'.");
            }
            if (values.size() > 1 && !key.equals(ConfigKey.INPUT.name())) {
                throw new ConfigException("Configuration key '" + key + "' takes one value, got " + values + ".");
            }
            if (flags.containsKey(key)) {
                throw new ConfigException("Configuration key '" + key + "' is given twice.");
            }
            flags.put(key, String.join(",", values));
        }
        return flags;
    }

    /** Managed Flink's format: {@code [{"PropertyGroupId": "...", "PropertyMap": {"key": "value"}}]}. */
    static Map<String, String> readPropertiesFile(Path path, boolean mustExist) {
        if (!Files.exists(path)) {
            if (mustExist) {
                throw new ConfigException("Invalid value '" + path + "' for --properties: no such file.");
            }
            return Map.of();
        }
        Map<String, Properties> groups;
        try {
            groups = KinesisAnalyticsRuntime.getApplicationProperties(path.toString());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("Properties file " + path + " is not Managed Flink property-group JSON"
                    + " ([{\"PropertyGroupId\": ..., \"PropertyMap\": {...}}]): " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> groupOfKey = new LinkedHashMap<>();
        for (Map.Entry<String, Properties> group : groups.entrySet()) {
            for (String key : group.getValue().stringPropertyNames()) {
                String previous = groupOfKey.put(key, group.getKey());
                if (previous != null) {
                    throw new ConfigException("Configuration key '" + key + "' is set in two property groups of "
                            + path + ": '" + previous + "' and '" + group.getKey() + "'.");
                }
                values.put(key, group.getValue().getProperty(key));
            }
        }
        return values;
    }

    private static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) items.add(item.trim());
        }
        return items;
    }

    private static String knownKeys() {
        List<String> names = new ArrayList<>();
        for (ConfigKey key : ConfigKey.all()) names.add(key.name());
        names.add(PROPERTIES_FLAG);
        return String.join(", ", names);
    }

    /** What the per-agent engine needs: windows, deadlines and alert thresholds, in milliseconds. */
    public static final class EngineSettings implements Serializable {
        private static final long serialVersionUID = 1L;

        public final long windowMs;
        /** Windows start at epoch + k * windowMs + windowOffsetMs. */
        public final long windowOffsetMs;
        public final long sessionTimeoutMs;
        public final long staleAfterMs;
        public final long dedupWindowMs;
        /** Supervisor alert thresholds; 0 turns one off. */
        public final long holdAlertMs;
        public final long acwAlertMs;
        public final long ringingAlertMs;
        public final long stuckAlertMs;

        EngineSettings(ConfigValues v) {
            windowMs = v.duration(ConfigKey.WINDOW, Duration.ofMinutes(1), Duration.ofDays(1)).toMillis();
            windowOffsetMs = v.offsetMillis(ConfigKey.WINDOW_OFFSET);
            sessionTimeoutMs = v.duration(ConfigKey.SESSION_TIMEOUT, Duration.ofMinutes(1), Duration.ofDays(7))
                    .toMillis();
            staleAfterMs = v.duration(ConfigKey.STALE_AFTER, Duration.ofSeconds(1), Duration.ofDays(1)).toMillis();
            dedupWindowMs = v.duration(ConfigKey.DEDUP_WINDOW, Duration.ZERO, Duration.ofDays(1)).toMillis();
            holdAlertMs = v.duration(ConfigKey.ALERT_HOLD_AFTER, Duration.ZERO, Duration.ofDays(1)).toMillis();
            acwAlertMs = v.duration(ConfigKey.ALERT_ACW_AFTER, Duration.ZERO, Duration.ofDays(1)).toMillis();
            ringingAlertMs = v.duration(ConfigKey.ALERT_RINGING_AFTER, Duration.ZERO, Duration.ofDays(1)).toMillis();
            stuckAlertMs = v.duration(ConfigKey.ALERT_STUCK_AFTER, Duration.ZERO, Duration.ofDays(1)).toMillis();
        }

        /** Defaults, for tests and tools. */
        public static EngineSettings defaults() {
            return fromMap(Map.of()).engine;
        }

        /** Start of the window that contains {@code time}. */
        public long windowStartOf(long time) {
            return Math.floorDiv(time - windowOffsetMs, windowMs) * windowMs + windowOffsetMs;
        }
    }

    /** How records are read: their size limit, what invalid and late ones keep, the live clock check. */
    public static final class RecordSettings implements Serializable {
        private static final long serialVersionUID = 1L;

        public final int maxRecordBytes;
        public final boolean keepPayloads;
        /**
         * Whether a valid record's payload can be used: only by its {@code late_events} row, so only with
         * {@code keep-payloads} and in a STREAMING run (in BATCH mode each agent's events arrive in order: none is
         * late). When it cannot, the parser keeps no copy of it.
         */
        public final boolean latePayloads;
        /** 0 when records are not checked against their arrival time (a replay, the simulator). */
        public final long maxEventAheadMs;

        RecordSettings(ConfigValues v, boolean live, boolean batch) {
            maxRecordBytes = v.bytes(ConfigKey.MAX_RECORD_SIZE, 1024, 64 << 20);
            keepPayloads = v.bool(ConfigKey.KEEP_PAYLOADS);
            latePayloads = keepPayloads && !batch;
            long ahead = v.duration(ConfigKey.MAX_EVENT_AHEAD, Duration.ZERO, Duration.ofDays(365)).toMillis();
            maxEventAheadMs = live ? ahead : 0;
        }

        /** Defaults, for tests and tools. */
        public static RecordSettings defaults() {
            return fromMap(Map.of()).records;
        }
    }

    /** The Kinesis input (and alert output) settings. */
    public static final class KinesisSettings implements Serializable {
        private static final long serialVersionUID = 1L;

        public final String stream;
        public final String region;
        public final String endpoint;
        public final InitialPosition initialPosition;
        public final Instant initialTimestamp;
        public final KinesisReader reader;
        public final String efoConsumer;
        public final Duration pollInterval;
        public final int maxRecords;
        public final Duration shardDiscoveryInterval;
        public final String accessKey;
        public final String secretKey;
        public final boolean trustAllCertificates;
        public final HttpProtocol httpProtocol;
        public final String alertStream;

        KinesisSettings(ConfigValues v, boolean required) {
            stream = v.text(ConfigKey.KINESIS_STREAM);
            if (required && stream.isEmpty()) {
                throw new ConfigException("Missing value for configuration key 'kinesis.stream': the kinesis"
                        + " source needs the input stream name.");
            }
            region = v.text(ConfigKey.KINESIS_REGION);
            if (region.isEmpty()) throw v.invalid(ConfigKey.KINESIS_REGION, "an AWS region such as us-east-1");
            endpoint = v.text(ConfigKey.KINESIS_ENDPOINT);
            if (!endpoint.isEmpty() && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
                throw v.invalid(ConfigKey.KINESIS_ENDPOINT, "an http:// or https:// URL, or empty");
            }
            initialPosition = v.choice(ConfigKey.KINESIS_INITIAL_POSITION, InitialPosition.class);
            String timestamp = v.text(ConfigKey.KINESIS_INITIAL_TIMESTAMP);
            if (initialPosition == InitialPosition.AT_TIMESTAMP) {
                try {
                    initialTimestamp = Instant.parse(timestamp);
                } catch (DateTimeParseException e) {
                    throw v.invalid(ConfigKey.KINESIS_INITIAL_TIMESTAMP,
                            "an ISO-8601 instant such as 2024-05-06T08:00:00Z (needed by AT_TIMESTAMP)");
                }
            } else {
                initialTimestamp = null;
            }
            reader = v.choice(ConfigKey.KINESIS_READER, KinesisReader.class);
            efoConsumer = v.text(ConfigKey.KINESIS_EFO_CONSUMER);
            if (reader == KinesisReader.EFO && efoConsumer.isEmpty()) {
                throw v.invalid(ConfigKey.KINESIS_EFO_CONSUMER, "a consumer name when kinesis.reader is EFO");
            }
            pollInterval = v.duration(ConfigKey.KINESIS_POLL_INTERVAL, Duration.ZERO, Duration.ofMinutes(1));
            maxRecords = v.integer(ConfigKey.KINESIS_MAX_RECORDS, 1, 10000);
            shardDiscoveryInterval = v.duration(ConfigKey.KINESIS_SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200),
                    Duration.ofMinutes(10));
            accessKey = v.text(ConfigKey.KINESIS_ACCESS_KEY);
            secretKey = v.text(ConfigKey.KINESIS_SECRET_KEY);
            if (accessKey.isEmpty() != secretKey.isEmpty()) {
                throw v.invalid(accessKey.isEmpty() ? ConfigKey.KINESIS_ACCESS_KEY : ConfigKey.KINESIS_SECRET_KEY,
                        "both kinesis.access-key and kinesis.secret-key, or neither");
            }
            trustAllCertificates = v.bool(ConfigKey.KINESIS_TRUST_ALL_CERTIFICATES);
            httpProtocol = v.choice(ConfigKey.KINESIS_HTTP_PROTOCOL, HttpProtocol.class);
            if (httpProtocol == HttpProtocol.HTTP1_1 && reader == KinesisReader.EFO) {
                throw v.invalid(ConfigKey.KINESIS_HTTP_PROTOCOL, "HTTP2 with kinesis.reader=EFO (enhanced fan-out"
                        + " pushes records over HTTP/2)");
            }
            alertStream = v.text(ConfigKey.ALERT_STREAM);
        }

        /**
         * Client settings shared by the consumer and the alert sink: region, endpoint override and credentials.
         * Without static keys the connector uses the default AWS credentials chain (the application's role on
         * Managed Flink).
         */
        public Properties clientProperties() {
            Properties properties = new Properties();
            properties.setProperty("aws.region", region);
            if (!endpoint.isEmpty()) properties.setProperty("aws.endpoint", endpoint);
            if (!accessKey.isEmpty()) {
                properties.setProperty("aws.credentials.provider", "BASIC");
                properties.setProperty("aws.credentials.provider.basic.accesskeyid", accessKey);
                properties.setProperty("aws.credentials.provider.basic.secretkey", secretKey);
            } else {
                properties.setProperty("aws.credentials.provider", "AUTO");
            }
            if (trustAllCertificates) {
                // The emulator's self-signed certificate (sink side: shaded SDK v2 over netty), over HTTP/1.1 only.
                properties.setProperty("aws.trust.all.certificates", "true");
            }
            if (trustAllCertificates || httpProtocol == HttpProtocol.HTTP1_1) {
                properties.setProperty("aws.http.protocol.version", "HTTP1_1");
            }
            return properties;
        }
    }

    /** The built-in contact-center simulator. */
    public static final class SimulatorSettings implements Serializable {
        private static final long serialVersionUID = 1L;

        public final int agents;
        public final Duration duration;
        public final Instant start;
        public final long seed;
        public final int rate;
        public final double duplicates;
        public final double outOfOrder;
        public final double malformed;
        public final int silentAgents;

        SimulatorSettings(ConfigValues v) {
            agents = v.integer(ConfigKey.SIMULATOR_AGENTS, 1, 100_000);
            duration = v.duration(ConfigKey.SIMULATOR_DURATION, Duration.ofMinutes(1), Duration.ofDays(366));
            try {
                start = Instant.parse(v.text(ConfigKey.SIMULATOR_START));
            } catch (DateTimeParseException e) {
                throw v.invalid(ConfigKey.SIMULATOR_START, "an ISO-8601 instant such as 2024-05-06T08:00:00Z");
            }
            seed = v.seed(ConfigKey.SIMULATOR_SEED);
            rate = v.integer(ConfigKey.SIMULATOR_RATE, 0, 10_000_000);
            duplicates = v.fraction(ConfigKey.SIMULATOR_DUPLICATES);
            outOfOrder = v.fraction(ConfigKey.SIMULATOR_OUT_OF_ORDER);
            malformed = v.fraction(ConfigKey.SIMULATOR_MALFORMED);
            silentAgents = v.integer(ConfigKey.SIMULATOR_SILENT_AGENTS, 0, agents);
        }
    }

    @Override
    public String toString() {
        return "source=" + source + " input=" + input + " output=" + output + " parallelism=" + parallelism
                + " batch=" + isBatch() + " window=" + engine.windowMs + "ms";
    }

}
