package io.planwright.core.stakeholders;

import io.planwright.core.model.Level;
import io.planwright.core.model.Stakeholder;

/**
 * The power-interest grid: where a stakeholder stands by influence (power) and interest, each high from
 * "medium" up, and how to engage them there.
 */
public enum PowerInterest {
    KEEP_SATISFIED("Keep satisfied", "high power, low interest"),
    MANAGE_CLOSELY("Manage closely", "high power, high interest"),
    MONITOR("Monitor", "low power, low interest"),
    KEEP_INFORMED("Keep informed", "low power, high interest");

    private final String text;
    private final String where;

    PowerInterest(String text, String where) {
        this.text = text;
        this.where = where;
    }

    public String text() {
        return text;
    }

    /** Where on the grid, in words. */
    public String where() {
        return where;
    }

    public static PowerInterest of(Stakeholder s) {
        boolean power = high(s.influence());
        boolean interest = high(s.interest());
        return power ? (interest ? MANAGE_CLOSELY : KEEP_SATISFIED) : (interest ? KEEP_INFORMED : MONITOR);
    }

    /** A key stakeholder: high power (influence medium or more). */
    public static boolean isKey(Stakeholder s) {
        return high(s.influence());
    }

    private static boolean high(Level l) {
        return l != null && l.score() >= 3;
    }
}
