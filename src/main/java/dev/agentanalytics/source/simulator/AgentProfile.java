package dev.agentanalytics.source.simulator;

import java.util.List;

/** Who a simulated agent is: identity, place in the hierarchy, routing profile and proficiencies. */
final class AgentProfile {
    /** A routing proficiency: an attribute value at a level from 1 to 5. */
    static final class Proficiency {
        final String name;
        final String value;
        final int level;

        Proficiency(String name, String value, int level) {
            this.name = name;
            this.value = value;
            this.level = level;
        }
    }

    final String arn;
    final String id;
    final String username;
    final String firstName;
    final String lastName;
    final ContactCenterLayout.Team team;
    final ContactCenterLayout.RoutingProfile routingProfile;
    final List<Proficiency> proficiencies;
    /** The agent's own queue, listed in InboundQueues with a null name. */
    final String agentQueueArn;

    /**
     * The rendered {@code Configuration} object for each combination of free slots (voice, chat, task: 0 to 3
     * each): the configuration is most of an event's bytes and only its AvailableSlots ever change.
     */
    private final String[] configurationBySlots = new String[64];

    AgentProfile(String arn, String id, String username, String firstName, String lastName,
            ContactCenterLayout.Team team, ContactCenterLayout.RoutingProfile routingProfile,
            List<Proficiency> proficiencies) {
        this.arn = arn;
        this.id = id;
        this.username = username;
        this.firstName = firstName;
        this.lastName = lastName;
        this.team = team;
        this.routingProfile = routingProfile;
        this.proficiencies = proficiencies;
        int instanceEnd = arn.indexOf("/agent/");
        this.agentQueueArn = arn.substring(0, instanceEnd) + "/queue/agent/" + id;
    }

    String cachedConfiguration(int voiceFree, int chatFree, int taskFree) {
        return configurationBySlots[slotKey(voiceFree, chatFree, taskFree)];
    }

    void cacheConfiguration(int voiceFree, int chatFree, int taskFree, String json) {
        configurationBySlots[slotKey(voiceFree, chatFree, taskFree)] = json;
    }

    private static int slotKey(int voiceFree, int chatFree, int taskFree) {
        return voiceFree * 16 + chatFree * 4 + taskFree;
    }
}
