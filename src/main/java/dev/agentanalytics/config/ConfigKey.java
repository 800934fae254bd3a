package dev.agentanalytics.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key, its default and what it means. The README's table is checked against this list by a
 * test, so the two cannot drift apart.
 */
public final class ConfigKey {
    private static final Map<String, ConfigKey> ALL = new LinkedHashMap<>();

    // Where events come from and where rows go.
    public static final ConfigKey SOURCE = key("source", "simulator",
            "Where events come from: `simulator`, `files` (replay of `input`) or `kinesis`.");
    public static final ConfigKey INPUT = key("input", "",
            "JSON-lines files or folders to replay (comma-separated; `.gz` too). Required when `source` is `files`.");
    public static final ConfigKey OUTPUT = key("output", "output",
            "Root of the output tables: a folder, or `s3://bucket/prefix` on AWS.");
    public static final ConfigKey CONSOLE = key("console", "false",
            "Also print every output row to standard output (demos).");
    public static final ConfigKey RUNTIME_MODE = key("runtime-mode", "AUTOMATIC",
            "`STREAMING`, `BATCH`, or `AUTOMATIC` (BATCH for a file replay, STREAMING otherwise). BATCH needs"
                    + " `source` `files`.");
    public static final ConfigKey PARALLELISM = key("parallelism", "",
            "Parallelism of every operator; empty leaves it to the environment (the cluster's `parallelism.default`,"
                    + " or the number of cores in an embedded run). Refused on Managed Flink, whose application"
                    + " settings own it (and autoscaling changes it).");
    public static final ConfigKey MAX_PARALLELISM = key("max-parallelism", "128",
            "Key groups; fixed for the life of the job's state (savepoints).");
    public static final ConfigKey CHECKPOINT_INTERVAL = key("checkpoint-interval", "",
            "Checkpoint interval of a streaming run (output files are committed on checkpoints); empty leaves it to"
                    + " the environment (the cluster's `execution.checkpointing.interval`, 60s in an embedded run)."
                    + " Refused on Managed Flink, whose application settings own it.");
    public static final ConfigKey WEB_UI_PORT = key("web-ui-port", "0",
            "Port of the Flink web UI of an embedded run (`scripts/run-local.sh` uses 8081); `0` serves none.");

    // Event time.
    public static final ConfigKey WINDOW = key("window", "15m",
            "Length of the tumbling windows of `agent_status`, `agent_activity` and `queue_metrics` (1m to 1d).");
    public static final ConfigKey WINDOW_OFFSET = key("window-offset", "0",
            "Local-time windows: a UTC offset such as `+05:30` or `-03:00` makes windows start at that zone's"
                    + " local boundaries (local midnight for `1d`); a duration such as `30m` shifts them from the epoch.");
    public static final ConfigKey OUT_OF_ORDERNESS = key("out-of-orderness", "5s",
            "How far behind the newest event an event may arrive and still count (live runs).");
    public static final ConfigKey IDLENESS = key("idleness", "30s",
            "Simulator: a source silent this long stops holding the watermark back (a file replay needs none)."
                    + " Kinesis: watermarks wait this long after start while the consumer finds its shards (a subtask"
                    + " without shards is then idle), and a shard handed over holds event time back this long for its"
                    + " first records.");
    public static final ConfigKey SILENT_STREAM_ADVANCE = key("silent-stream-advance", "true",
            "Live Kinesis input: once a shard is silent for longer than `out-of-orderness`, event time follows the"
                    + " wall clock, so stale-agent alerts fire even when nothing arrives. Turn off when the stream's"
                    + " event time does not follow the wall clock (old events replayed through Kinesis).");
    public static final ConfigKey SESSION_TIMEOUT = key("session-timeout", "60m",
            "A session with no event of any type for longer than this closes.");
    public static final ConfigKey STALE_AFTER = key("stale-after", "300s",
            "An open session with no event for longer than this raises `AGENT_STALE`.");
    public static final ConfigKey DEDUP_WINDOW = key("dedup-window", "10m",
            "How long (event time) an `EventId` is remembered to drop duplicates.");

    // Records.
    public static final ConfigKey MAX_RECORD_SIZE = key("max-record-size", "1MiB",
            "A record larger than this is invalid: its dead letter keeps its first KiB and its size (memory stays"
                    + " bounded whatever a file holds). Kinesis's own limit is 1 MiB.");
    public static final ConfigKey KEEP_PAYLOADS = key("keep-payloads", "true",
            "Keep the record as received in `dead_letters` and `late_events` (it holds agents' names); `false` keeps"
                    + " the reason, ids and position only.");
    public static final ConfigKey MAX_EVENT_AHEAD = key("max-event-ahead", "1h",
            "Live Kinesis input: a record whose `EventTimestamp` is later than its arrival by more than this is"
                    + " invalid, so one wrong clock cannot drag event time ahead for everyone; `0` turns it off.");

    // Kinesis.
    public static final ConfigKey KINESIS_STREAM = key("kinesis.stream", "",
            "Input stream name (required when `source` is `kinesis`).");
    public static final ConfigKey KINESIS_REGION = key("kinesis.region", "us-east-1",
            "AWS region of the streams.");
    public static final ConfigKey KINESIS_ENDPOINT = key("kinesis.endpoint", "",
            "Endpoint override, e.g. `https://127.0.0.1:4567` for an emulator; empty on AWS.");
    public static final ConfigKey KINESIS_INITIAL_POSITION = key("kinesis.initial-position", "LATEST",
            "Where a new job starts reading: `LATEST`, `TRIM_HORIZON` or `AT_TIMESTAMP`.");
    public static final ConfigKey KINESIS_INITIAL_TIMESTAMP = key("kinesis.initial-timestamp", "",
            "ISO-8601 instant to start from with `AT_TIMESTAMP`.");
    public static final ConfigKey KINESIS_READER = key("kinesis.reader", "POLLING",
            "`POLLING` (GetRecords) or `EFO` (enhanced fan-out, needs `kinesis.efo-consumer`).");
    public static final ConfigKey KINESIS_EFO_CONSUMER = key("kinesis.efo-consumer", "",
            "Consumer name registered for enhanced fan-out.");
    public static final ConfigKey KINESIS_POLL_INTERVAL = key("kinesis.poll-interval", "200ms",
            "Pause between GetRecords calls per shard (polling).");
    public static final ConfigKey KINESIS_MAX_RECORDS = key("kinesis.max-records", "10000",
            "Records per GetRecords call (1 to 10000).");
    public static final ConfigKey KINESIS_SHARD_DISCOVERY_INTERVAL = key("kinesis.shard-discovery-interval", "10s",
            "How often the consumer looks for new shards (after a split or a merge); their records are read from the"
                    + " start of each new shard.");
    public static final ConfigKey KINESIS_ACCESS_KEY = key("kinesis.access-key", "",
            "Static access key (emulators only); empty uses the default AWS credentials chain.");
    public static final ConfigKey KINESIS_SECRET_KEY = key("kinesis.secret-key", "",
            "Static secret key (emulators only).");
    public static final ConfigKey KINESIS_TRUST_ALL_CERTIFICATES = key("kinesis.trust-all-certificates", "false",
            "Accept the emulator's self-signed certificate over HTTPS. Never on AWS.");
    public static final ConfigKey KINESIS_HTTP_PROTOCOL = key("kinesis.http-protocol", "HTTP2",
            "HTTP version of the alert sink's client: `HTTP2` (Kinesis's own) or `HTTP1_1`, for an endpoint or a proxy"
                    + " that speaks HTTP/1.1 only.");
    public static final ConfigKey ALERT_STREAM = key("alert.stream", "",
            "Kinesis stream that also receives every alert as JSON; empty writes alerts to the table only.");

    // Supervisor alerts (0 turns one off).
    public static final ConfigKey ALERT_HOLD_AFTER = key("alert.hold-after", "10m",
            "`CONTACT_ON_HOLD_TOO_LONG` when a contact stays on hold longer than this; `0` turns it off.");
    public static final ConfigKey ALERT_ACW_AFTER = key("alert.acw-after", "5m",
            "`AFTER_CONTACT_WORK_TOO_LONG` when a contact stays in after-contact work longer than this; `0` off.");
    public static final ConfigKey ALERT_RINGING_AFTER = key("alert.ringing-after", "30s",
            "`CONTACT_RINGING_TOO_LONG` when a contact rings (incoming, pending, connecting) longer than this; `0`"
                    + " off.");
    public static final ConfigKey ALERT_STUCK_AFTER = key("alert.stuck-after", "60s",
            "`AGENT_STUCK` when a contact stays in MISSED or ERROR longer than this; `0` off.");

    // The built-in simulator.
    public static final ConfigKey SIMULATOR_AGENTS = key("simulator.agents", "200",
            "Number of simulated agents.");
    public static final ConfigKey SIMULATOR_DURATION = key("simulator.duration", "1h",
            "Simulated time span (event time).");
    public static final ConfigKey SIMULATOR_START = key("simulator.start", "2024-05-06T08:00:00Z",
            "Event time of the simulated shift start.");
    public static final ConfigKey SIMULATOR_SEED = key("simulator.seed", "42",
            "Random seed: the same seed gives the same events.");
    public static final ConfigKey SIMULATOR_RATE = key("simulator.rate", "0",
            "Events per second of wall-clock time; `0` is as fast as possible.");
    public static final ConfigKey SIMULATOR_DUPLICATES = key("simulator.duplicates", "0",
            "Fraction of events sent twice (0 to 1).");
    public static final ConfigKey SIMULATOR_OUT_OF_ORDER = key("simulator.out-of-order", "0",
            "Fraction of events delayed, by up to `out-of-orderness` (0 to 1).");
    public static final ConfigKey SIMULATOR_MALFORMED = key("simulator.malformed", "0",
            "Fraction of malformed records mixed in (0 to 1).");
    public static final ConfigKey SIMULATOR_SILENT_AGENTS = key("simulator.silent-agents", "0",
            "Agents that go silent in mid-shift (their heart beats stop).");

    private final String name;
    private final String defaultValue;
    private final String description;

    private ConfigKey(String name, String defaultValue, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    private static ConfigKey key(String name, String defaultValue, String description) {
        ConfigKey key = new ConfigKey(name, defaultValue, description);
        ALL.put(name, key);
        return key;
    }

    public static List<ConfigKey> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    public static ConfigKey named(String name) {
        return ALL.get(name);
    }

    public String name() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name;
    }
}
