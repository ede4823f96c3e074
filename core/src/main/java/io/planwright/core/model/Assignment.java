package io.planwright.core.model;

import java.util.Objects;

/**
 * A resource assigned to a task. For work resources, units are a fraction of the resource's time
 * (0.5 = half-time); for material, the quantity consumed. Work is optional: when absent it follows
 * from the task's duration and the units.
 */
public record Assignment(String resourceId, double units, Duration work) {

    public Assignment {
        Objects.requireNonNull(resourceId, "resourceId");
    }

    public static Assignment of(String resourceId, double units) {
        return new Assignment(resourceId, units, null);
    }
}
