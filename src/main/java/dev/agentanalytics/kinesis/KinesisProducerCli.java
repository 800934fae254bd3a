package dev.agentanalytics.kinesis;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.ConfigKey;
import dev.agentanalytics.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Sends Amazon Connect agent events to a Kinesis stream: the simulator's ({@code --simulator.*} flags and
 * {@code --out-of-orderness}) or the lines of a JSON-lines file ({@code --file}). See {@link #USAGE}.
 */
public final class KinesisProducerCli {
    static final String USAGE = String.join("\n",
            "Usage: produce.sh --stream NAME [--rate N] [--endpoint URL] [--region us-east-1]",
            "                  [--file PATH[.gz] | --simulator.agents N --simulator.duration 1h ... --out-of-orderness 5s]",
            "  --stream NAME     Kinesis stream to send to (required)",
            "  --rate N          events per second; 0 (default) sends as fast as the stream takes them",
            "  --endpoint URL    endpoint override, e.g. http://127.0.0.1:4568 for the emulator",
            "  --region REGION   AWS region (default us-east-1)",
            "  --file PATH       send the lines of a JSON-lines file (.gz too) instead of simulated events",
            "  --simulator.*     any simulator key of the README (agents, duration, start, seed, duplicates, ...)",
            "  --out-of-orderness D  how far the simulator may delay events (with simulator.out-of-order)");

    private KinesisProducerCli() {}

    /** The parsed command line. */
    static final class Options {
        String stream = "";
        int rate;
        String endpoint = "";
        String region = "us-east-1";
        Path file;
        JobConfig simulator;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("produce: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try (KinesisClient client = KinesisClients.create(options.region, options.endpoint)) {
            StreamProducer producer = new StreamProducer(client, options.stream, options.rate, System.out);
            if (options.file != null) {
                try (ProducerInput.LineRecords lines = ProducerInput.jsonLines(options.file)) {
                    producer.sendAll(lines);
                }
            } else {
                JobConfig config = options.simulator;
                Iterator<OutgoingRecord> simulated =
                        ProducerInput.simulated(config.simulator, config.outOfOrderness.toMillis());
                producer.sendAll(simulated);
            }
        }
    }

    static Options parse(String[] args) {
        Options options = new Options();
        List<String> simulatorArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + flag + "'");
            String value = null;
            int eq = flag.indexOf('=');
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (value == null) throw new IllegalArgumentException("missing value for " + flag);
            switch (flag) {
                case "--stream":
                    options.stream = value;
                    break;
                case "--rate":
                    options.rate = parseRate(value);
                    break;
                case "--endpoint":
                    if (!value.startsWith("http://") && !value.startsWith("https://")) {
                        throw new IllegalArgumentException("--endpoint must be an http:// or https:// URL, got '"
                                + value + "'");
                    }
                    options.endpoint = value;
                    break;
                case "--region":
                    if (value.isBlank()) throw new IllegalArgumentException("--region must not be empty");
                    options.region = value;
                    break;
                case "--file":
                    options.file = Paths.get(value);
                    if (!Files.isRegularFile(options.file)) {
                        throw new IllegalArgumentException("--file " + value + ": no such file");
                    }
                    break;
                default:
                    String key = flag.substring(2);
                    if (key.equals(ConfigKey.SIMULATOR_RATE.name())) {
                        throw new IllegalArgumentException("use --rate to pace the producer, not --" + key);
                    }
                    if (!key.startsWith("simulator.") && !key.equals(ConfigKey.OUT_OF_ORDERNESS.name())) {
                        throw new IllegalArgumentException("unknown argument '" + flag + "'");
                    }
                    simulatorArgs.add("--" + key);
                    simulatorArgs.add(value);
            }
        }
        if (options.stream.isEmpty()) throw new IllegalArgumentException("--stream NAME is required");
        if (options.file != null && !simulatorArgs.isEmpty()) {
            throw new IllegalArgumentException("--file sends the file as it is; it takes no simulator flags ("
                    + simulatorArgs.get(0) + ")");
        }
        options.simulator = JobConfig.fromArgs(simulatorArgs.toArray(new String[0]));
        return options;
    }

    private static int parseRate(String value) {
        try {
            int rate = Integer.parseInt(value);
            if (rate >= 0) return rate;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--rate must be a whole number of events per second (0 for as fast as"
                + " possible), got '" + value + "'");
    }
}
