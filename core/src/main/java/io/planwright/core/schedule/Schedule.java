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

    /** The network as given, the one the engine ran on (possibly renumbered), and how they map. */
    private final ScheduleNetwork net;
    private final ScheduleNetwork work;
    private final int[] position;
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

    Schedule(ScheduleNetwork net, ScheduleNetwork work, int[] position, WorkingTime[] calendars, long[] earlyStart, long[] earlyFinish, long[] lateStart, long[] lateFinish, long[] start,
             long[] finish, long[] totalFloat, long[] freeFloat, boolean[] critical, int[] driver, long[] linkStart,
             long projectStart, long projectFinish) {
        this.net = net;
        this.work = work;
        this.position = position;
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

    /** Where the engine kept a task's results. */
    private int at(int task) {
        return position == null ? task : position[task];
    }

    public long earlyStart(int task) { return earlyStart[at(task)]; }
    public long earlyFinish(int task) { return earlyFinish[at(task)]; }
    public long lateStart(int task) { return lateStart[at(task)]; }
    public long lateFinish(int task) { return lateFinish[at(task)]; }
    /** The scheduled start: early for ASAP tasks, late for ALAP ones, as entered for manual ones, actual once started. */
    public long start(int task) { return start[at(task)]; }
    public long finish(int task) { return finish[at(task)]; }
    /** Total float in working minutes of the task's calendar; negative when a deadline or constraint cannot be met. */
    public long totalFloat(int task) { return totalFloat[at(task)]; }
    public long freeFloat(int task) { return freeFloat[at(task)]; }
    public boolean isCritical(int task) { return critical[at(task)]; }

    /**
     * The link that determines the task's early start (an index into the network's links), or one of
     * {@link CriticalPathScheduler#DRIVER_PROJECT_START}, {@code DRIVER_CONSTRAINT}, {@code DRIVER_FIXED},
     * {@code DRIVER_NONE}.
     */
    public int driver(int task) {
        int k = driver[at(task)];
        return k >= 0 && work.originalLink != null ? work.originalLink[k] : k;
    }

    /** The predecessor task of the driving link, or -1. */
    public int drivingPredecessor(int task) {
        int k = driver(task);
        return k >= 0 ? net.linkPred[k] : -1;
    }

    /** For a task whose constraint overrides its links: where the links alone would start it; else NONE. */
    public long startByLinks(int task) { return linkStart == null ? ScheduleNetwork.NONE : linkStart[at(task)]; }

    public long projectStart() { return projectStart; }
    public long projectFinish() { return projectFinish; }

    /**
     * The critical path: from the critical task that finishes last, back along driving links through
     * critical tasks. Summary tasks are not listed; a link from a summary continues at its latest task.
     */
    public List<Integer> criticalPath() {
        int last = -1;
        for (int i = 0; i < work.n; i++) {
            if (!work.isSummary(i) && critical[i] && (last < 0 || finish[i] > finish[last]
                    || (finish[i] == finish[last] && original(i) > original(last)))) {
                last = i;
            }
        }
        return chainTo(last, new boolean[work.n]);
    }

    /** The critical tasks back from {@code end} along driving links, first to last, stopping at one already {@code seen}. */
    private List<Integer> chainTo(int end, boolean[] seen) {
        List<Integer> path = new ArrayList<>();
        int t = end;
        while (t >= 0 && !seen[t]) {
            seen[t] = true;
            path.add(original(t));
            int k = driver[t];
            int p = k >= 0 ? work.linkPred[k] : -1;
            while (p >= 0 && work.isSummary(p)) {
                p = latestLeafUnder(p);
            }
            t = p >= 0 && critical[p] ? p : -1;
        }
        java.util.Collections.reverse(path);
        return path;
    }

    /**
     * Every chain of critical tasks: the critical path first, then, latest finish first, each chain of
     * critical tasks not on an earlier one (a deadline or a constraint makes its own), traced back along
     * driving links; a chain that runs into an earlier one stops there. Task numbers as in the plan.
     */
    public List<List<Integer>> criticalChains() {
        List<List<Integer>> chains = new ArrayList<>();
        boolean[] seen = new boolean[work.n];
        List<Integer> first = criticalPath();
        if (first.isEmpty()) {
            return chains;
        }
        chains.add(first);
        int[] position = new int[work.n];
        for (int i = 0; i < work.n; i++) {
            position[original(i)] = i;
        }
        first.forEach(t -> seen[position[t]] = true);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < work.n; i++) {
            if (!work.isSummary(i) && critical[i] && !seen[i]) {
                ends.add(i);
            }
        }
        ends.sort((a, b) -> finish[a] != finish[b] ? Long.compare(finish[b], finish[a]) : Integer.compare(original(b), original(a)));
        for (int end : ends) {
            if (!seen[end]) {
                chains.add(chainTo(end, seen));
            }
        }
        return chains;
    }

    private int original(int workIndex) {
        return work.originalTask == null ? workIndex : work.originalTask[workIndex];
    }

    private int latestLeafUnder(int summary) {
        int best = -1;
        for (int c = work.firstChild[summary]; c >= 0; c = work.nextSibling[c]) {
            if (best < 0 || earlyFinish[c] > earlyFinish[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Number of critical tasks that are not summaries. */
    public int criticalTaskCount() {
        int count = 0;
        for (int i = 0; i < work.n; i++) {
            if (critical[i] && !work.isSummary(i)) {
                count++;
            }
        }
        return count;
    }

    /** Working minutes between two times on the task's calendar. */
    public long workBetween(int task, long from, long to) {
        return calendars[net.calendar[task]].workBetween(from, to);
    }
}
