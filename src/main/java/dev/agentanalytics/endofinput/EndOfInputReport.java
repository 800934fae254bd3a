package dev.agentanalytics.endofinput;

/**
 * A source subtask's last word when its input ends: the largest {@code EventTimestamp} it saw (Long.MIN_VALUE
 * when none), and who it is among how many, so the engine knows when every subtask has reported.
 */
public class EndOfInputReport {
    public int subtask;
    public int subtasks;
    public long maxEventTime;

    public EndOfInputReport() {}

    public EndOfInputReport(int subtask, int subtasks, long maxEventTime) {
        this.subtask = subtask;
        this.subtasks = subtasks;
        this.maxEventTime = maxEventTime;
    }

    @Override
    public String toString() {
        return "end of input " + subtask + "/" + subtasks + " at " + maxEventTime;
    }
}
