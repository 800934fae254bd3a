package dev.agentanalytics.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw key/value pairs after precedence, read as typed values; every failure names the key. */
final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)(B|KiB|MiB)?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):(\\d{2})");

    private final Map<String, String> values;

    ConfigValues(Map<String, String> values) {
        this.values = values;
    }

    String text(ConfigKey key) {
        String value = values.get(key.name());
        return value == null ? key.defaultValue() : value.trim();
    }

    boolean bool(ConfigKey key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        if (value.equals("true")) return true;
        if (value.equals("false")) return false;
        throw invalid(key, "true or false");
    }

    int integer(ConfigKey key, int min, int max) {
        try {
            int value = Integer.parseInt(text(key));
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "a whole number from " + min + " to " + max);
    }

    long seed(ConfigKey key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    double fraction(ConfigKey key) {
        try {
            double value = Double.parseDouble(text(key));
            if (value >= 0 && value <= 1) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "a fraction from 0 to 1");
    }

    /** A size in bytes: 1048576, 512KiB or 1MiB. */
    int bytes(ConfigKey key, int min, int max) {
        Matcher m = BYTES.matcher(text(key));
        if (m.matches()) {
            try {
                long value = Math.multiplyExact(Long.parseLong(m.group(1)),
                        "MiB".equals(m.group(2)) ? 1 << 20 : "KiB".equals(m.group(2)) ? 1 << 10 : 1);
                if (value >= min && value <= max) return (int) value;
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw invalid(key, "a size from " + min + " bytes to " + (max >> 20) + "MiB, written like 1048576,"
                + " 512KiB or 1MiB");
    }

    /** A duration written as a number and a unit: 500ms, 30s, 15m, 2h, 1d; "0" is zero. */
    Duration duration(ConfigKey key, Duration min, Duration max) {
        Duration value = parseDuration(text(key));
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, "a duration from " + show(min) + " to " + show(max)
                    + ", written like 500ms, 30s, 15m, 2h or 1d");
        }
        return value;
    }

    /**
     * Where windows start, as a shift from the epoch in milliseconds. "+05:30" / "-03:00" name a time zone's UTC
     * offset: windows then start at that zone's local boundaries (local midnight for 1-day windows), i.e. the
     * shift is minus the zone offset. A duration such as 30m is the shift itself.
     */
    long offsetMillis(ConfigKey key) {
        String value = text(key);
        Matcher m = OFFSET.matcher(value);
        if (m.matches() && Integer.parseInt(m.group(3)) < 60 && Integer.parseInt(m.group(2)) <= 23) {
            long millis = Duration.ofHours(Integer.parseInt(m.group(2)))
                    .plusMinutes(Integer.parseInt(m.group(3))).toMillis();
            return m.group(1).equals("-") ? millis : -millis;
        }
        Duration duration = parseDuration(value);
        if (duration != null && duration.compareTo(Duration.ofDays(1)) < 0) return duration.toMillis();
        throw invalid(key, "an offset like +05:30 or -03:00, or a duration below 1d such as 30m");
    }

    <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
        String value = text(key).toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) return constant;
        }
        throw invalid(key, "one of " + Arrays.toString(type.getEnumConstants()));
    }

    static Duration parseDuration(String text) {
        if (text.equals("0")) return Duration.ZERO;
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        try {
            long amount = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        } catch (NumberFormatException | ArithmeticException e) { // more digits than a long, or days past its range
            return null;
        }
    }

    static String show(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) return "0";
        if (ms % 86_400_000L == 0) return ms / 86_400_000L + "d";
        if (ms % 3_600_000L == 0) return ms / 3_600_000L + "h";
        if (ms % 60_000L == 0) return ms / 60_000L + "m";
        if (ms % 1000L == 0) return ms / 1000L + "s";
        return ms + "ms";
    }

    ConfigException invalid(ConfigKey key, String allowed) {
        return new ConfigException("Invalid value '" + text(key) + "' for configuration key '" + key.name()
                + "': expected " + allowed + ".");
    }
}
