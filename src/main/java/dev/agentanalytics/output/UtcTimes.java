package dev.agentanalytics.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one text form of an instant in every output row: {@code 2024-05-06T11:45:00.000Z}. */
public final class UtcTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcTimes() {}

    public static String iso(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Null stays null: an optional time that never happened. */
    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    public static long parse(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
