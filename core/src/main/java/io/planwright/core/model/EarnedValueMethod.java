package io.planwright.core.model;

/** Which share of a task's work counts as earned, per task as in MS Project. */
public enum EarnedValueMethod {
    /** The share of the duration done (MS Project's default). */
    PERCENT_COMPLETE,
    /** The share of the deliverable done, as the team judges it. */
    PHYSICAL_PERCENT_COMPLETE
}
