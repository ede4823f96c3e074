package io.planwright.core.model;

/** How often a communication goes out. */
public enum Frequency {
    ONCE,
    DAILY,
    WEEKLY,
    BIWEEKLY,
    MONTHLY,
    QUARTERLY,
    /** At each milestone. */
    MILESTONE,
    /** When something happens (a risk occurs, a change is requested). */
    ON_EVENT;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
