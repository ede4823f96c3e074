package io.planwright.core.model;

/** Stakeholder engagement levels of the PMBOK engagement assessment matrix. */
public enum Engagement {
    UNAWARE,
    RESISTANT,
    NEUTRAL,
    SUPPORTIVE,
    LEADING
}
