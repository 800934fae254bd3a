package dev.agentanalytics.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code scripts/report.sh OUTPUT_DIR [--from T] [--to T] [--zone ZONE] [--out FILE]}: one self-contained HTML
 * report of the tables the job wrote under {@code OUTPUT_DIR} (a local run's output, or an S3 prefix synced to a
 * folder). {@code T} is an instant ({@code 2024-05-06T08:00:00Z}) or a local date or date-time in {@code ZONE}
 * ({@code 2024-05-06}, {@code 2024-05-06T08:00}); {@code ZONE} is an IANA zone (default UTC), in which every time
 * is shown. The report goes to {@code OUTPUT_DIR/report.html} unless {@code --out} says otherwise.
 */
public final class ReportCli {
    private ReportCli() {}

    /** The parsed command line. */
    static final class Options {
        Path output;
        Path file;
        ZoneId zone = ZoneId.of("UTC");
        Long from;
        Long to;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.err.println("usage: scripts/report.sh OUTPUT_DIR [--from T] [--to T] [--zone ZONE] [--out FILE]");
            System.exit(2);
            return;
        }
        try {
            long started = System.nanoTime();
            write(options);
            System.out.printf("Report: %s (%.1f MB, %.1f s)%n", options.file.toAbsolutePath(),
                    Files.size(options.file) / 1e6, (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            System.err.println("report: " + e);
            System.exit(1);
        }
    }

    static void write(Options options) throws Exception {
        ReportData data = ReportData.read(options.output, options.from, options.to, options.zone.getId(),
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        ReportPage.write(data, options.file);
    }

    static Options parse(String[] args) {
        Options options = new Options();
        String from = null;
        String to = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (options.output != null) throw new IllegalArgumentException("one OUTPUT_DIR only, got '" + arg + "'");
                options.output = Paths.get(arg);
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
            String value = args[++i];
            switch (arg) {
                case "--from":
                    from = value;
                    break;
                case "--to":
                    to = value;
                    break;
                case "--out":
                    options.file = Paths.get(value);
                    break;
                case "--zone":
                    // Region names only: the page formats times with the browser's Intl, which takes IANA names
                    // and refuses some forms ZoneId takes (Z, GMT+2).
                    if (!ZoneId.getAvailableZoneIds().contains(value)) {
                        throw new IllegalArgumentException("--zone '" + value + "' is not a time zone: use an IANA"
                                + " name such as Europe/Berlin, America/New_York or UTC");
                    }
                    options.zone = ZoneId.of(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (options.output == null) throw new IllegalArgumentException("OUTPUT_DIR is required");
        if (!Files.isDirectory(options.output)) {
            throw new IllegalArgumentException("'" + options.output + "' is not a folder of the job's tables");
        }
        if (options.file == null) options.file = options.output.resolve("report.html");
        options.from = from == null ? null : instant(from, options.zone, "--from");
        options.to = to == null ? null : instant(to, options.zone, "--to");
        if (options.from != null && options.to != null && options.from >= options.to) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        if ((options.from == null) != (options.to == null)) {
            throw new IllegalArgumentException("give both --from and --to, or neither (the whole output)");
        }
        return options;
    }

    /** An instant, or a local date (its midnight) or date-time in {@code zone}, as epoch milliseconds. */
    static long instant(String text, ZoneId zone, String option) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException(option + " '" + text + "' is not an instant such as"
                            + " 2024-05-06T08:00:00Z, nor a local date or date-time such as 2024-05-06 or"
                            + " 2024-05-06T08:00");
                }
            }
        }
    }
}
