package dev.agentanalytics.source.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The static shape of the simulated Amazon Connect instance: queues, routing profiles, agent statuses, the agent
 * hierarchy (region / site / team) and the agents themselves. Everything is drawn from the seed, so one seed is
 * one contact center.
 */
final class ContactCenterLayout {
    static final String VOICE = "VOICE";
    static final String CHAT = "CHAT";
    static final String TASK = "TASK";
    static final String ACCOUNT_ID = "111122223333";
    static final String REGION = "us-east-1";

    /** A queue of the instance. */
    static final class Queue {
        final String arn;
        final String name;
        final List<String> channels;

        Queue(String arn, String name, List<String> channels) {
            this.arn = arn;
            this.name = name;
            this.channels = channels;
        }
    }

    /** A routing profile: which queues an agent serves and how many contacts of each channel at once. */
    static final class RoutingProfile {
        final String arn;
        final String name;
        final int voiceSlots;
        final int chatSlots;
        final int taskSlots;
        final List<Queue> queues;
        final Queue defaultOutboundQueue;

        RoutingProfile(String arn, String name, int voiceSlots, int chatSlots, int taskSlots, List<Queue> queues,
                Queue defaultOutboundQueue) {
            this.arn = arn;
            this.name = name;
            this.voiceSlots = voiceSlots;
            this.chatSlots = chatSlots;
            this.taskSlots = taskSlots;
            this.queues = queues;
            this.defaultOutboundQueue = defaultOutboundQueue;
        }

        int slots(String channel) {
            switch (channel) {
                case VOICE: return voiceSlots;
                case CHAT: return chatSlots;
                default: return taskSlots;
            }
        }

        /** The channels of a queue this profile routes (a queue may carry channels the profile has no slot for). */
        List<String> channelsOf(Queue queue) {
            List<String> served = new ArrayList<>();
            for (String channel : queue.channels) {
                if (slots(channel) > 0) served.add(channel);
            }
            return served;
        }
    }

    /** An agent status of the instance; {@code type} is ROUTABLE, CUSTOM or OFFLINE. */
    static final class Status {
        final String arn;
        final String name;
        final String type;
        /** How long an agent typically stays in a custom status, in ms (0 for the others). */
        final long typicalMs;

        Status(String arn, String name, String type, long typicalMs) {
            this.arn = arn;
            this.name = name;
            this.type = type;
            this.typicalMs = typicalMs;
        }

        boolean isRoutable() {
            return "ROUTABLE".equals(type);
        }
    }

    /** A group of the agent hierarchy. */
    static final class Group {
        final String arn;
        final String name;

        Group(String arn, String name) {
            this.arn = arn;
            this.name = name;
        }
    }

    /** A team with its site and region: levels 1 to 3 of the hierarchy. */
    static final class Team {
        final Group region;
        final Group site;
        final Group team;

        Team(Group region, Group site, Group team) {
            this.region = region;
            this.site = site;
            this.team = team;
        }
    }

    private static final String[][] SITES_BY_REGION = {
        {"AMER", "Seattle", "Austin"}, {"EMEA", "Dublin", "Berlin"}, {"APAC", "Sydney", "Manila"}};
    private static final String[] TEAM_COLOURS = {"Team Blue", "Team Green", "Team Red"};
    private static final String[] FIRST_NAMES = {"Alex", "Maria", "James", "Aisha", "Chen", "Sofia", "Liam",
        "Priya", "Noah", "Fatima", "Lucas", "Yuki", "Olivia", "Mateo", "Emma", "Ravi", "Hannah", "Diego", "Zara",
        "Tom", "Ingrid", "Kwame", "Elena", "Omar", "Grace", "Jonas", "Leila", "Marco", "Nina", "Sam"};
    private static final String[] LAST_NAMES = {"Garcia", "Smith", "Okafor", "Nguyen", "Muller", "Rossi",
        "Kowalski", "Tanaka", "Johnson", "Silva", "Haddad", "Brown", "Novak", "Larsen", "Patel", "Murphy",
        "Schmidt", "Dubois", "Kim", "Andersson", "Moreau", "Costa", "Ivanova", "Walker", "Ali", "Fischer"};
    private static final String[][] PROFICIENCY_VALUES = {
        {"Language", "English", "Spanish", "German", "French", "Japanese"},
        {"Product", "Broadband", "Mobile", "TV", "Home Phone"},
        {"Skill", "Billing disputes", "Device setup", "Contract renewal", "Fraud"}};

    final String instanceArn;
    final List<Queue> queues;
    final Queue outboundQueue;
    final List<RoutingProfile> routingProfiles;
    final Status available;
    final Status offline;
    final List<Status> customStatuses;
    final List<Team> teams;
    final List<AgentProfile> agents;

    ContactCenterLayout(int agentCount, SplittableRandom random) {
        instanceArn = "arn:aws:connect:" + REGION + ":" + ACCOUNT_ID + ":instance/" + randomUuid(random);
        Queue billing = queue(random, "Billing", VOICE, CHAT);
        Queue sales = queue(random, "Sales", VOICE, CHAT);
        Queue techSupport = queue(random, "Tech Support", VOICE, CHAT, TASK);
        Queue retention = queue(random, "Retention", VOICE);
        Queue orders = queue(random, "Orders", CHAT, TASK);
        Queue claims = queue(random, "Claims", VOICE, TASK);
        Queue vip = queue(random, "VIP Care", VOICE, CHAT);
        outboundQueue = queue(random, "Outbound", VOICE);
        queues = List.of(billing, sales, techSupport, retention, orders, claims, vip);
        routingProfiles = List.of(
                profile(random, "Voice Billing and Sales", 1, 0, 0, billing, sales, retention),
                profile(random, "Omni Support", 1, 2, 1, techSupport, orders, claims),
                profile(random, "Chat Care", 0, 3, 0, billing, sales, orders),
                profile(random, "Retention Desk", 1, 2, 0, retention, vip));
        available = status(random, "Available", "ROUTABLE", 0);
        offline = status(random, "Offline", "OFFLINE", 0);
        customStatuses = List.of(
                status(random, "Break", "CUSTOM", 10 * 60_000L),
                status(random, "Lunch", "CUSTOM", 30 * 60_000L),
                status(random, "Training", "CUSTOM", 25 * 60_000L),
                status(random, "Meeting", "CUSTOM", 20 * 60_000L));
        teams = teams(random);
        agents = agents(agentCount, random);
    }

    /** A version-4 UUID from the seeded generator, so that ids repeat with the seed. */
    static String randomUuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private Queue queue(SplittableRandom random, String name, String... channels) {
        return new Queue(instanceArn + "/queue/" + randomUuid(random), name, List.of(channels));
    }

    private RoutingProfile profile(SplittableRandom random, String name, int voice, int chat, int task,
            Queue... served) {
        return new RoutingProfile(instanceArn + "/routing-profile/" + randomUuid(random), name, voice, chat, task,
                List.of(served), outboundQueue);
    }

    private Status status(SplittableRandom random, String name, String type, long typicalMs) {
        return new Status(instanceArn + "/agent-state/" + randomUuid(random), name, type, typicalMs);
    }

    private Group group(SplittableRandom random, String name) {
        return new Group(instanceArn + "/agent-group/" + randomUuid(random), name);
    }

    private List<Team> teams(SplittableRandom random) {
        List<Team> all = new ArrayList<>();
        for (String[] regionAndSites : SITES_BY_REGION) {
            Group region = group(random, regionAndSites[0]);
            for (int s = 1; s < regionAndSites.length; s++) {
                Group site = group(random, regionAndSites[s]);
                for (String colour : TEAM_COLOURS) {
                    all.add(new Team(region, site, group(random, regionAndSites[s] + " " + colour)));
                }
            }
        }
        return Collections.unmodifiableList(all);
    }

    private List<AgentProfile> agents(int count, SplittableRandom random) {
        List<AgentProfile> all = new ArrayList<>(count);
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String id = randomUuid(random);
            String firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String base = (firstName + "." + lastName).toLowerCase();
            String username = base;
            for (int n = 2; !usernames.add(username); n++) {
                username = base + n;
            }
            all.add(new AgentProfile(instanceArn + "/agent/" + id, id, username, firstName, lastName,
                    teams.get(random.nextInt(teams.size())),
                    routingProfiles.get(random.nextInt(routingProfiles.size())), proficiencies(random)));
        }
        return all;
    }

    /** Two or three proficiencies, one per attribute. */
    private static List<AgentProfile.Proficiency> proficiencies(SplittableRandom random) {
        List<AgentProfile.Proficiency> chosen = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String[] attribute = PROFICIENCY_VALUES[i];
            chosen.add(new AgentProfile.Proficiency(attribute[0],
                    attribute[1 + random.nextInt(attribute.length - 1)], 1 + random.nextInt(5)));
        }
        return chosen;
    }
}
