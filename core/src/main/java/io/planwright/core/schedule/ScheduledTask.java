package io.planwright.core.schedule;

import java.time.LocalDateTime;

/**
 * One task of a computed schedule, in the model's terms.
 *
 * @param durationMinutes   working minutes (clock minutes for elapsed durations); for summaries, the working time they span
 * @param totalFloatMinutes total float in working minutes; negative when a deadline or constraint cannot be met
 * @param drivingPredecessor id of the predecessor whose link sets the early start, or null
 * @param driver            why the task starts when it does, in words
 * @param done              finished (an actual finish); a summary when all its tasks are: its float no longer matters
 */
public record ScheduledTask(String id, String wbs, String name, Kind type, long durationMinutes, boolean elapsed,
                            LocalDateTime start, LocalDateTime finish, LocalDateTime earlyStart, LocalDateTime earlyFinish,
                            LocalDateTime lateStart, LocalDateTime lateFinish, long totalFloatMinutes, long freeFloatMinutes,
                            boolean critical, String drivingPredecessor, String driver, boolean done) {

    /** A task whose completion is not known (before progress was tracked): not done. */
    public ScheduledTask(String id, String wbs, String name, Kind type, long durationMinutes, boolean elapsed,
                         LocalDateTime start, LocalDateTime finish, LocalDateTime earlyStart, LocalDateTime earlyFinish,
                         LocalDateTime lateStart, LocalDateTime lateFinish, long totalFloatMinutes, long freeFloatMinutes,
                         boolean critical, String drivingPredecessor, String driver) {
        this(id, wbs, name, type, durationMinutes, elapsed, start, finish, earlyStart, earlyFinish, lateStart, lateFinish, totalFloatMinutes,
                freeFloatMinutes, critical, drivingPredecessor, driver, false);
    }

    /** What a line of the schedule is. */
    public enum Kind {
        SUMMARY,
        TASK,
        MILESTONE;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
