package io.planwright.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A resource assigned to a task. For work resources, units are a fraction of the resource's time
 * (0.5 = half-time); for material, the quantity consumed. Work is optional: when absent it follows
 * from the task's duration and the units. Progress, when reported: the work done and left, and what
 * the work done cost (else it is the assignment's cost times the task's share done).
 */
public record Assignment(String resourceId, double units, Duration work, Duration actualWork, Duration remainingWork, BigDecimal actualCost) {

    public Assignment {
        Objects.requireNonNull(resourceId, "resourceId");
        actualCost = Money.normalize(actualCost);
    }

    /** An assignment without progress reported. */
    public Assignment(String resourceId, double units, Duration work) {
        this(resourceId, units, work, null, null, null);
    }

    /** True when some progress of this assignment was reported. */
    public boolean hasProgress() {
        return actualWork != null || remainingWork != null || actualCost != null;
    }

    public static Assignment of(String resourceId, double units) {
        return new Assignment(resourceId, units, null);
    }
}
