package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of scheduling a {@link ScheduleNetwork}: per task, early, late and scheduled dates
 * (clock minutes), total and free float (working minutes of the task's calendar), the critical flag
 * and the driving link. Arrays are indexed by task number and owned by this object; accessors copy
 * nothing, so treat the arrays handed out as read-only.
 */
public final class Schedule {

    private final ScheduleNetwork net;
    private final WorkingTime[] calendars;
    private final long[] earlyStart;
    private final long[] earlyFinish;
    private final long[] lateStart;
    private final long[] lateFinish;
    private final long[] start;
    private final long[] finish;
    private final long[] totalFloat;
    private final long[] freeFloat;
    private final boolean[] critical;
    private final int[] driver;
    private final long[] linkStart;
    private final long projectStart;
    private final long projectFinish;

    Schedule(ScheduleNetwork net, WorkingTime[] calendars, long[] earlyStart, long[] earlyFinish, long[] lateStart, long[] lateFinish, long[] start,
             long[] finish, long[] totalFloat, long[] freeFloat, boolean[] critical, int[] driver, long[] linkStart,
             long projectStart, long projectFinish) {
        this.net = net;
        this.calendars = calendars;
        this.earlyStart = earlyStart;
        this.earlyFinish = earlyFinish;
        this.lateStart = lateStart;
        this.lateFinish = lateFinish;
        this.start = start;
        this.finish = finish;
        this.totalFloat = totalFloat;
        this.freeFloat = freeFloat;
        this.critical = critical;
        this.driver = driver;
        this.linkStart = linkStart;
        this.projectStart = projectStart;
        this.projectFinish = projectFinish;
    }

    public ScheduleNetwork network() {
        return net;
    }

    public int taskCount() {
        return net.n;
    }

    public long earlyStart(int task) { return earlyStart[task]; }
    public long earlyFinish(int task) { return earlyFinish[task]; }
    public long lateStart(int task) { return lateStart[task]; }
    public long lateFinish(int task) { return lateFinish[task]; }
    /** The scheduled start: early for ASAP tasks, late for ALAP ones, as entered for manual ones, actual once started. */
    public long start(int task) { return start[task]; }
    public long finish(int task) { return finish[task]; }
    /** Total float in working minutes of the task's calendar; negative when a deadline or constraint cannot be met. */
    public long totalFloat(int task) { return totalFloat[task]; }
    public long freeFloat(int task) { return freeFloat[task]; }
    public boolean isCritical(int task) { return critical[task]; }

    /**
     * The link that determines the task's early start (an index into the network's links), or one of
     * {@link CriticalPathScheduler#DRIVER_PROJECT_START}, {@code DRIVER_CONSTRAINT}, {@code DRIVER_FIXED},
     * {@code DRIVER_NONE}.
     */
    public int driver(int task) { return driver[task]; }

    /** The predecessor task of the driving link, or -1. */
    public int drivingPredecessor(int task) {
        int k = driver[task];
        return k >= 0 ? net.linkPred[k] : -1;
    }

    /** For a task whose constraint overrides its links: where the links alone would start it; else NONE. */
    public long startByLinks(int task) { return linkStart[task]; }

    public long projectStart() { return projectStart; }
    public long projectFinish() { return projectFinish; }

    public long[] earlyStarts() { return earlyStart; }
    public long[] earlyFinishes() { return earlyFinish; }

    /**
     * The critical path: from the critical task that finishes last, back along driving links through
     * critical tasks. Summary tasks are not listed; a link from a summary continues at its latest task.
     */
    public List<Integer> criticalPath() {
        int last = -1;
        for (int i = 0; i < net.n; i++) {
            if (!net.isSummary(i) && critical[i] && (last < 0 || finish[i] > finish[last])) {
                last = i;
            }
        }
        List<Integer> path = new ArrayList<>();
        boolean[] seen = new boolean[net.n];
        int t = last;
        while (t >= 0 && !seen[t]) {
            seen[t] = true;
            path.add(t);
            int p = drivingPredecessor(t);
            while (p >= 0 && net.isSummary(p)) {
                p = latestLeafUnder(p);
            }
            t = p >= 0 && critical[p] ? p : -1;
        }
        java.util.Collections.reverse(path);
        return path;
    }

    private int latestLeafUnder(int summary) {
        int best = -1;
        for (int c = net.firstChild[summary]; c >= 0; c = net.nextSibling[c]) {
            if (best < 0 || earlyFinish[c] > earlyFinish[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Number of critical tasks that are not summaries. */
    public int criticalTaskCount() {
        int count = 0;
        for (int i = 0; i < net.n; i++) {
            if (critical[i] && !net.isSummary(i)) {
                count++;
            }
        }
        return count;
    }

    /** Working minutes between two times on the task's calendar. Not thread-safe (calendars grow). */
    public long workBetween(int task, long from, long to) {
        return calendars[net.calendar[task]].workBetween(from, to);
    }
}
