package io.planwright.core.model;

/**
 * MS Project's task type: which of duration, work and units stays put when one of the others
 * changes, and whether assigned resources' calendars shape the task. Fixed units (the default) and
 * fixed work tasks run on their resources' calendars; a fixed duration task runs on its own calendar.
 */
public enum TaskType {
    FIXED_UNITS,
    FIXED_WORK,
    FIXED_DURATION
}
