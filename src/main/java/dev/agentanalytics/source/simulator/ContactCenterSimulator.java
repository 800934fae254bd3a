package dev.agentanalytics.source.simulator;

import dev.agentanalytics.config.JobConfig;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A simulated Amazon Connect contact center: the agent event stream of {@code settings.agents} agents over
 * {@code settings.duration} of event time from {@code settings.start}, with the faults the settings ask for.
 * Records come in event-time order except for the deliberate faults (see {@link FaultInjector}). The same settings
 * give the same records, byte for byte.
 */
public final class ContactCenterSimulator implements Iterator<SimulatedRecord> {
    private static final long MINUTE = 60_000;
    /** Share of agents (not silent) whose shift ends inside the simulated span. */
    private static final double LEAVING_SHARE = 0.3;

    private final PriorityQueue<SimulatedAgent> agenda = new PriorityQueue<>((a, b) -> a.dueAt != b.dueAt
            ? Long.compare(a.dueAt, b.dueAt) : Integer.compare(a.index, b.index));
    private final FaultInjector faults;
    private final long endAt;
    private boolean finished;

    public ContactCenterSimulator(JobConfig.SimulatorSettings settings, long maxDelayMillis) {
        SplittableRandom seed = new SplittableRandom(settings.seed);
        ContactCenterLayout layout = new ContactCenterLayout(settings.agents, seed.split());
        SplittableRandom shifts = seed.split();
        faults = new FaultInjector(settings.duplicates, settings.outOfOrder, settings.malformed, maxDelayMillis,
                seed.split());
        AgentEventWriter writer = new AgentEventWriter(layout.instanceArn);
        long start = settings.start.toEpochMilli();
        long duration = settings.duration.toMillis();
        endAt = start + duration;
        boolean[] silent = pickSilentAgents(settings.agents, settings.silentAgents, shifts);
        // Staggered shift start: everyone is in within 15 minutes (or the first tenth of a short run).
        long loginSpread = Math.max(1, Math.min(15 * MINUTE, duration / 10));
        List<AgentProfile> profiles = layout.agents;
        for (int i = 0; i < profiles.size(); i++) {
            long loginAt = start + shifts.nextLong(loginSpread);
            long leaveAt = SimulatedAgent.NEVER;
            long silentFrom = SimulatedAgent.NEVER;
            if (silent[i]) {
                silentFrom = start + duration * 3 / 10 + shifts.nextLong(Math.max(1, duration * 4 / 10));
            } else if (shifts.nextDouble() < LEAVING_SHARE) {
                leaveAt = start + duration * 6 / 10 + shifts.nextLong(Math.max(1, duration * 3 / 10));
            }
            SimulatedAgent agent = new SimulatedAgent(profiles.get(i), i, layout, writer, seed.split(), loginAt,
                    leaveAt, silentFrom);
            agent.dueAt = agent.nextActionTime();
            if (agent.dueAt != SimulatedAgent.NEVER) agenda.add(agent);
        }
    }

    private static boolean[] pickSilentAgents(int agents, int silentAgents, SplittableRandom random) {
        boolean[] silent = new boolean[agents];
        int picked = 0;
        while (picked < Math.min(silentAgents, agents)) {
            int i = random.nextInt(agents);
            if (!silent[i]) {
                silent[i] = true;
                picked++;
            }
        }
        return silent;
    }

    @Override
    public boolean hasNext() {
        while (!faults.hasReady() && !finished) {
            simulateNextEvent();
        }
        return faults.hasReady();
    }

    @Override
    public SimulatedRecord next() {
        if (!hasNext()) throw new NoSuchElementException("The simulated span is over");
        return faults.nextReady();
    }

    private void simulateNextEvent() {
        SimulatedAgent agent = agenda.peek();
        if (agent == null || agent.dueAt >= endAt) {
            finished = true;
            faults.flush();
            return;
        }
        agenda.poll();
        long now = agent.dueAt;
        byte[] payload = agent.act(now);
        agent.dueAt = agent.nextActionTime();
        if (agent.dueAt != SimulatedAgent.NEVER) agenda.add(agent);
        faults.accept(new SimulatedRecord(payload, now, agent.profile.arn));
    }
}
