package io.planwright.core.schedule;

/** What a line of the schedule is. */
public enum TaskType {
    SUMMARY,
    TASK,
    MILESTONE;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
