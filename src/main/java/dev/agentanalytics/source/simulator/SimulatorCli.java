package dev.agentanalytics.source.simulator;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a simulated stream to a JSON-lines file (gzip when the name ends in {@code .gz}), for file replays:
 * {@code --file PATH} plus any {@code --simulator.*} key and {@code --out-of-orderness}.
 */
public final class SimulatorCli {
    private static final String FILE_FLAG = "--file";

    private SimulatorCli() {}

    public static void main(String[] args) throws IOException {
        String file = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(FILE_FLAG) && i + 1 < args.length) {
                file = args[++i];
            } else if (args[i].startsWith(FILE_FLAG + "=")) {
                file = args[i].substring(FILE_FLAG.length() + 1);
            } else {
                configArgs.add(args[i]);
            }
        }
        if (file == null || file.isEmpty()) {
            System.err.println("Usage: SimulatorCli --file PATH[.gz] [--simulator.agents N] [--simulator.duration 1h]"
                    + " [--simulator.seed S] [--simulator.duplicates F] ... [--out-of-orderness 5s]");
            System.exit(2);
        }
        JobConfig config;
        try {
            config = JobConfig.fromArgs(configArgs.toArray(new String[0]));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        long records = 0;
        long bytes = 0;
        ContactCenterSimulator simulator =
                new ContactCenterSimulator(config.simulator, config.outOfOrderness.toMillis());
        try (OutputStream out = open(file)) {
            while (simulator.hasNext()) {
                byte[] payload = simulator.next().payload;
                out.write(payload);
                out.write('\n');
                records++;
                bytes += payload.length + 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Wrote %d records (%d bytes before compression) to %s in %.1f s (%.0f records/s)%n", records, bytes, file,
                seconds, records / Math.max(seconds, 1e-9));
    }

    private static OutputStream open(String file) throws IOException {
        OutputStream out = Files.newOutputStream(Paths.get(file));
        if (file.endsWith(".gz")) out = new GZIPOutputStream(out, 1 << 16);
        return new BufferedOutputStream(out, 1 << 16);
    }
}
