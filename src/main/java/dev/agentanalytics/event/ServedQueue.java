package dev.agentanalytics.event;

import java.util.Objects;

/** A queue the agent serves through its routing profile. */
public class ServedQueue {
    public String arn;
    public String name;

    public ServedQueue() {}

    public ServedQueue(String arn, String name) {
        this.arn = arn;
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServedQueue)) return false;
        ServedQueue that = (ServedQueue) o;
        return Objects.equals(arn, that.arn) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arn, name);
    }

    @Override
    public String toString() {
        return name + "(" + arn + ")";
    }
}
