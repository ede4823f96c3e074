package io.planwright.core.schedule;

/** Something the schedule cannot satisfy: a missed deadline, a constraint against the links. */
public record ScheduleWarning(String taskId, Kind kind, String message) {

    public enum Kind {
        DEADLINE_MISSED,
        CONSTRAINT_CONFLICT,
        NEGATIVE_FLOAT,
        START_BEFORE_PLAN,
        /** A forward plan finishes after its target finish ({@code plan: finish}). */
        TARGET_MISSED
    }
}
