package dev.agentanalytics.event;

import java.util.Objects;

/**
 * What an agent's time and contacts are grouped by in the tables (docs/analytics.md §4.1): the routing profile and
 * the five levels of the agent hierarchy (region, site, team...), by name, as the agent's snapshot had them. Null
 * where the snapshot had none.
 */
public class Grouping {
    public String routingProfileName;
    public String hierarchyLevel1;
    public String hierarchyLevel2;
    public String hierarchyLevel3;
    public String hierarchyLevel4;
    public String hierarchyLevel5;

    public Grouping() {}

    public Grouping(String routingProfileName, String... levels) {
        this.routingProfileName = routingProfileName;
        hierarchyLevel1 = levels.length > 0 ? levels[0] : null;
        hierarchyLevel2 = levels.length > 1 ? levels[1] : null;
        hierarchyLevel3 = levels.length > 2 ? levels[2] : null;
        hierarchyLevel4 = levels.length > 3 ? levels[3] : null;
        hierarchyLevel5 = levels.length > 4 ? levels[4] : null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Grouping)) return false;
        Grouping that = (Grouping) o;
        return Objects.equals(routingProfileName, that.routingProfileName)
                && Objects.equals(hierarchyLevel1, that.hierarchyLevel1)
                && Objects.equals(hierarchyLevel2, that.hierarchyLevel2)
                && Objects.equals(hierarchyLevel3, that.hierarchyLevel3)
                && Objects.equals(hierarchyLevel4, that.hierarchyLevel4)
                && Objects.equals(hierarchyLevel5, that.hierarchyLevel5);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routingProfileName, hierarchyLevel1, hierarchyLevel2, hierarchyLevel3, hierarchyLevel4,
                hierarchyLevel5);
    }

    @Override
    public String toString() {
        return routingProfileName + "/" + hierarchyLevel1 + "/" + hierarchyLevel2 + "/" + hierarchyLevel3 + "/"
                + hierarchyLevel4 + "/" + hierarchyLevel5;
    }
}
