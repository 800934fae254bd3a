package dev.agentanalytics.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Agents whose events come in pairs with the same {@code EventTimestamp}, for replays that must keep arrival order
 * (docs/analytics.md §3.7). In each pair the first event is in {@link #firstFile}, the second in {@link #secondFile}:
 * replayed in that file order, every pair arrives in order. Each agent's rows are worked out by hand in
 * {@code TieOrderReplayTest}:
 *
 * <pre>
 * 08:00:00 LOGIN        Available, serves Billing                       (first file)
 * 08:05:00 STATE_CHANGE Available                                       (first file)
 * 08:05:00 STATE_CHANGE Break                                           (second file)  Break from 08:05
 * 08:07:00 STATE_CHANGE Break, a contact CONNECTED                      (first file)
 * 08:07:00 STATE_CHANGE Break, the contact ENDED                        (second file)  after-contact work
 * 08:09:00 STATE_CHANGE Break, no contact                               (first file)
 * 08:10:00 LOGOUT                                                       (first file)
 * 08:10:00 LOGIN        Offline                                         (second file)  the session goes on
 * 08:12:00 STATE_CHANGE Available                                       (first file)
 * 08:14:00 HEART_BEAT   Available                                       (first file)
 * </pre>
 */
public final class TieFixture {
    /** Every fixture agent's ARN starts with this. */
    public static final String AGENT_PREFIX = "arn:aws:connect:us-east-1:1:instance/tie/agent/a-";

    private TieFixture() {}

    public static String agent(int i) {
        return AGENT_PREFIX + i;
    }

    public static String contactId(int i) {
        return "tie-contact-" + i;
    }

    public static List<String> firstFile(int agents) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String a = agent(i);
            lines.add(ConnectEvents.of(a, a + "-1", "LOGIN", "08:00:00").status("Available", "ROUTABLE")
                    .servesBilling().json());
            lines.add(ConnectEvents.of(a, a + "-2", "STATE_CHANGE", "08:05:00").status("Available", "ROUTABLE")
                    .servesBilling().json());
            lines.add(ConnectEvents.of(a, a + "-4", "STATE_CHANGE", "08:07:00").status("Break", "CUSTOM")
                    .servesBilling().contact(contactId(i), "CONNECTED", "08:07:00").json());
            lines.add(ConnectEvents.of(a, a + "-6", "STATE_CHANGE", "08:09:00").status("Break", "CUSTOM")
                    .servesBilling().json());
            lines.add(ConnectEvents.of(a, a + "-7", "LOGOUT", "08:10:00").status("Offline", "OFFLINE").json());
            lines.add(ConnectEvents.of(a, a + "-9", "STATE_CHANGE", "08:12:00").status("Available", "ROUTABLE")
                    .servesBilling().json());
            lines.add(ConnectEvents.of(a, a + "-10", "HEART_BEAT", "08:14:00").status("Available", "ROUTABLE")
                    .servesBilling().json());
        }
        return lines;
    }

    public static List<String> secondFile(int agents) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String a = agent(i);
            lines.add(ConnectEvents.of(a, a + "-3", "STATE_CHANGE", "08:05:00").status("Break", "CUSTOM")
                    .servesBilling().json());
            lines.add(ConnectEvents.of(a, a + "-5", "STATE_CHANGE", "08:07:00").status("Break", "CUSTOM")
                    .servesBilling().contact(contactId(i), "ENDED", "08:07:00").json());
            lines.add(ConnectEvents.of(a, a + "-8", "LOGIN", "08:10:00").status("Offline", "OFFLINE")
                    .servesBilling().json());
        }
        return lines;
    }

    /** Both files, in arrival order: every pair in order. */
    public static List<String> inArrivalOrder(int agents) {
        List<String> lines = new ArrayList<>(firstFile(agents));
        lines.addAll(secondFile(agents));
        return lines;
    }
}
