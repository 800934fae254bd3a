package dev.agentanalytics.config;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The settings that windowed state depends on, saved with it, so that an upgrade from a snapshot cannot corrupt it
 * (docs/deployment.md, "Upgrades"). Agents and queues keep their open windows in state by start, and timers close
 * them at their end: under another {@code window} or {@code window-offset} they would be written with wrong bounds,
 * or never. A restore under different values is refused with a message that names the key; two settings that give
 * the same windows (an offset of a whole number of windows) are the same.
 *
 * <p>Other settings need no guard: deadlines and the de-duplication window are recomputed from the events' times
 * kept in state, with the current values, at every step.
 */
public final class StateCompatibility {
    /**
     * Entries {@code key=value}, written by every subtask. On a restore they are spread over the subtasks, so each
     * saved entry is checked by one of them whatever the new parallelism, and every subtask then writes its own.
     * (Not a union list: that would stop checkpoints while some subtasks of a bounded run have finished.)
     */
    public static final ListStateDescriptor<String> SAVED_SETTINGS =
            new ListStateDescriptor<>("settings-of-state", Types.STRING);

    private StateCompatibility() {}

    /**
     * On a restore, compares the saved settings with {@code settings} and throws {@link ConfigException} naming the
     * first key that differs; then saves the current ones with the operator's state.
     */
    public static void check(OperatorStateStore store, String operator, EngineSettings settings) throws Exception {
        ListState<String> saved = store.getListState(SAVED_SETTINGS);
        Map<String, Long> current = windowSettings(settings);
        for (String entry : saved.get()) {
            int eq = entry.indexOf('=');
            String key = entry.substring(0, eq);
            long then = Long.parseLong(entry.substring(eq + 1));
            Long now = current.get(key);
            if (now != null && now != then) {
                throw new ConfigException("Cannot restore the " + operator + "'s state: it was written with " + key
                        + " (" + show(key, then) + "), and this job has another (" + show(key, now) + "). Windows"
                        + " kept in state would be written with the wrong bounds. Restore with configuration key '"
                        + key + "' set as before, or start without the snapshot (the windows open in it are lost).");
            }
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Long> entry : current.entrySet()) entries.add(entry.getKey() + "=" + entry.getValue());
        saved.update(entries);
    }

    /** The window length, and where windows start within it (what {@code window-offset} changes). */
    private static Map<String, Long> windowSettings(EngineSettings settings) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(ConfigKey.WINDOW.name(), settings.windowMs);
        values.put(ConfigKey.WINDOW_OFFSET.name(), Math.floorMod(settings.windowOffsetMs, settings.windowMs));
        return values;
    }

    private static String show(String key, long ms) {
        if (key.equals(ConfigKey.WINDOW.name())) return compact(ms);
        return "windows starting " + compact(ms) + " after a multiple of the window length from the epoch";
    }

    /** 19800000 as 5h30m. */
    static String compact(long ms) {
        if (ms == 0) return "0";
        StringBuilder text = new StringBuilder();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        long rest = ms;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                text.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return text.toString();
    }
}
