package io.planwright.core.model;

/** Whether a plan is scheduled forward from its start or backward from a required finish. */
public enum ScheduleFrom {
    START,
    FINISH
}
