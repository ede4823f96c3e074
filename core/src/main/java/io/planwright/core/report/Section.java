package io.planwright.core.report;

import java.util.Locale;

/** A part of a status report, in the order a report shows them. */
public enum Section {
    SUMMARY("the headline and why, the finish against the baseline"),
    PROGRESS("progress and earned value against the baseline, slipped tasks"),
    MILESTONES("milestones done and the next ones"),
    CHANGES("what changed since the last report: finish, critical path, work added and removed"),
    RISKS("the top risks and what changed in them"),
    KPIS("the KPIs' trends"),
    DECISIONS("decisions and approvals waiting"),
    TASKS("the team's tasks: overdue, this week and next"),
    CHARTS("the finish trend, the S-curves and the risk heat map");

    private final String what;

    Section(String what) {
        this.what = what;
    }

    /** The name as people write it: {@code summary}, {@code kpis}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the section holds, in words. */
    public String what() {
        return what;
    }
}
