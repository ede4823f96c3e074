package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;

import java.util.Arrays;

import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_FINISH;
import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_START;
import static io.planwright.core.schedule.ScheduleNetwork.ALAP;
import static io.planwright.core.schedule.ScheduleNetwork.ELAPSED;
import static io.planwright.core.schedule.ScheduleNetwork.FNET;
import static io.planwright.core.schedule.ScheduleNetwork.FNLT;
import static io.planwright.core.schedule.ScheduleNetwork.LAG_ELAPSED;
import static io.planwright.core.schedule.ScheduleNetwork.LAG_PERCENT;
import static io.planwright.core.schedule.ScheduleNetwork.MANUAL;
import static io.planwright.core.schedule.ScheduleNetwork.MFO;
import static io.planwright.core.schedule.ScheduleNetwork.MILESTONE;
import static io.planwright.core.schedule.ScheduleNetwork.MSO;
import static io.planwright.core.schedule.ScheduleNetwork.NONE;
import static io.planwright.core.schedule.ScheduleNetwork.SNET;
import static io.planwright.core.schedule.ScheduleNetwork.SNLT;
import static io.planwright.core.schedule.ScheduleNetwork.SUMMARY;

/**
 * The critical path method on working calendars, following Microsoft Project's conventions: a
 * forward pass for early dates, a backward pass for late dates, total and free float, the critical
 * flag and each task's driving predecessor.
 *
 * <p>Conventions (see docs/scheduling.md): a task starts at the beginning of working time and
 * finishes at the end of it; a milestone may sit at the end of a working period; lags are counted on
 * the successor's calendar; a summary task's links apply to all tasks under it (its finish-side links
 * to all of them, its start-side successor links to its earliest task); late finishes never exceed the
 * project finish; constraints are honoured over links, and what this costs shows as negative float.
 *
 * <p>Stateless: each call allocates its own arrays and copies of the calendars, so calls may run in
 * parallel.
 */
public final class CriticalPathScheduler {

    /** Driver codes for tasks not driven by a link. */
    public static final int DRIVER_PROJECT_START = -1;
    public static final int DRIVER_CONSTRAINT = -2;
    public static final int DRIVER_FIXED = -3;
    public static final int DRIVER_NONE = -4;

    private final ScheduleNetwork net;
    private final int[] events;
    private final WorkingTime[] cals;
    private final int n;

    private final long[] es;
    private final long[] ef;
    private final long[] ls;
    private final long[] lf;
    private final long[] lfBound;
    private final long[] freeFloat;
    private final int[] driver;
    /** For tasks held by a constraint against their links: where the links alone would start them. */
    private final long[] linkStart;
    private final int[] earliestLeaf;
    private long[] scratch = new long[16];

    private long projectStart;
    private long projectFinish;
    private boolean alapPass;

    private CriticalPathScheduler(ScheduleNetwork net, TopologicalOrder order) {
        this.net = net;
        this.events = order.events();
        this.n = net.n;
        this.cals = new WorkingTime[net.calendars.length];
        for (int c = 0; c < cals.length; c++) {
            cals[c] = net.calendars[c].copy();
        }
        es = new long[n];
        ef = new long[n];
        ls = new long[n];
        lf = new long[n];
        lfBound = new long[n];
        freeFloat = new long[n];
        driver = new int[n];
        linkStart = new long[n];
        earliestLeaf = net.hasSummaries ? new int[n] : null;
    }

    /** Schedules a network; throws {@link DependencyCycleException} if its links loop. */
    public static Schedule schedule(ScheduleNetwork net) {
        return schedule(net, TopologicalOrder.of(net));
    }

    public static Schedule schedule(ScheduleNetwork net, TopologicalOrder order) {
        return new CriticalPathScheduler(net, order).run();
    }

    private Schedule run() {
        Arrays.fill(linkStart, NONE);
        if (n == 0) {
            return new Schedule(net, cals, es, ef, ls, lf, es, ef, new long[0], new long[0], new boolean[0], driver, linkStart,
                    net.start, net.backward ? net.finish : net.start);
        }
        boolean anyAlap = false;
        for (int i = 0; i < n; i++) {
            anyAlap |= net.constraint[i] == ALAP;
        }
        if (net.backward) {
            projectFinish = net.finish;
            backwardPass();
            long start = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if ((net.flags[i] & SUMMARY) == 0) {
                    start = Math.min(start, ls[i]);
                }
            }
            projectStart = start;
            forwardPass();
        } else {
            projectStart = net.start;
            forwardPass();
            long finish = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                if ((net.flags[i] & SUMMARY) == 0) {
                    finish = Math.max(finish, ef[i]);
                }
            }
            projectFinish = finish;
            backwardPass();
            if (anyAlap) {
                alapPass = true;
                forwardPass();
            }
        }
        return finishUp();
    }

    // ------------------------------------------------------------------ calendar arithmetic

    private WorkingTime cal(int task) {
        return cals[net.calendar[task]];
    }

    /** {@code t} plus {@code minutes} of work: a positive amount ends at a finish, a negative one at a start. */
    private static long addWork(WorkingTime c, long t, long minutes) {
        if (minutes > 0) {
            return c.finishOf(c.ordinal(t) + minutes);
        } else if (minutes < 0) {
            return c.startOf(c.ordinal(t) + minutes);
        }
        return t;
    }

    private long finishFromStart(int task, long start) {
        long d = net.duration[task];
        return (net.flags[task] & ELAPSED) != 0 ? start + d : addWork(cal(task), start, d);
    }

    private long startFromFinish(int task, long finish) {
        long d = net.duration[task];
        return (net.flags[task] & ELAPSED) != 0 ? finish - d : addWork(cal(task), finish, -d);
    }

    private boolean isMilestone(int task) {
        return (net.flags[task] & MILESTONE) != 0 || net.duration[task] == 0;
    }

    /** The start of the next working period; a milestone may stay at the end of the previous one. */
    private long nextWorkStart(int task, long t) {
        WorkingTime c = cal(task);
        long w = c.ordinal(t);
        long next = c.startOf(w);
        if (next > t && isMilestone(task) && c.finishOf(w) == t) {
            return t;
        }
        return next;
    }

    /** A finish at the start of a working period moves back to the end of the previous one. */
    private long previousWorkFinish(int task, long t) {
        if ((net.flags[task] & ELAPSED) != 0) {
            return t;
        }
        WorkingTime c = cal(task);
        return c.finishOf(c.ordinal(t));
    }

    private long lagMinutes(int k) {
        long lag = net.linkLag[k];
        if (net.linkLagKind[k] == LAG_PERCENT) {
            return Math.round(net.duration[net.linkPred[k]] * (double) lag / 10000.0);
        }
        return lag;
    }

    private boolean lagIsElapsed(int k) {
        byte kind = net.linkLagKind[k];
        return kind == LAG_ELAPSED || (kind == LAG_PERCENT && (net.flags[net.linkPred[k]] & ELAPSED) != 0);
    }

    /** Adds a link's lag on the successor's calendar. */
    private long addLag(int k, int successor, long t) {
        long lag = lagMinutes(k);
        if (lag == 0) {
            return t;
        }
        return lagIsElapsed(k) ? t + lag : addWork(cal(successor), t, lag);
    }

    private long removeLag(int k, int successor, long t) {
        long lag = lagMinutes(k);
        if (lag == 0) {
            return t;
        }
        return lagIsElapsed(k) ? t - lag : addWork(cal(successor), t, -lag);
    }

    private boolean usesLateDates(int predecessor) {
        return alapPass && net.constraint[predecessor] == ALAP && (net.flags[predecessor] & SUMMARY) == 0;
    }

    // ------------------------------------------------------------------ forward pass

    private void forwardPass() {
        Arrays.fill(freeFloat, Long.MAX_VALUE);
        for (int e : events) {
            if (e < 0) {
                rollUpEarly(~e);
            } else if ((net.flags[e] & SUMMARY) == 0) {
                forward(e);
            }
        }
    }

    /** Where link {@code k} allows its successor {@code i} to start at the earliest. */
    private long earlyCandidate(int k, int i) {
        int p = net.linkPred[k];
        boolean late = usesLateDates(p);
        switch (net.linkType[k]) {
            case 0: // FS
                return addLag(k, i, late ? lf[p] : ef[p]);
            case 1: // SS
                return addLag(k, i, late ? ls[p] : es[p]);
            case 2: { // FF
                long t = addLag(k, i, startFromFinish(i, late ? lf[p] : ef[p]));
                return Math.max(t, projectStart);
            }
            default: // SF
                return addLag(k, i, startFromFinish(i, late ? ls[p] : es[p]));
        }
    }

    private void forward(int i) {
        int flags = net.flags[i];
        if ((flags & (MANUAL | ACTUAL_START)) != 0) {
            es[i] = net.fixedStart[i];
            long fixedFinish = net.fixedFinish[i];
            ef[i] = fixedFinish != NONE ? fixedFinish : finishFromStart(i, es[i]);
            if ((flags & ACTUAL_START) != 0 && (flags & ACTUAL_FINISH) == 0 && net.constraint[i] == FNET) {
                ef[i] = Math.max(ef[i], net.constraintDate[i]);
            }
            driver[i] = DRIVER_FIXED;
            freeFloatFromLinks(i);
            return;
        }
        long best = Long.MIN_VALUE;
        int drv = DRIVER_PROJECT_START;
        int count = 0;
        for (int a = i; a >= 0; a = net.parent[a]) {
            for (int k = net.predOffset[a], end = net.predOffset[a + 1]; k < end; k++) {
                long cand = earlyCandidate(k, i);
                if (count == scratch.length) {
                    scratch = Arrays.copyOf(scratch, count * 2);
                }
                scratch[count++] = cand;
                if (cand > best) {
                    best = cand;
                    drv = k;
                }
            }
        }
        byte type = net.constraint[i];
        long cdate = net.constraintDate[i];
        long start;
        long finish = NONE;
        if (count == 0) {
            if (type == SNET) {
                start = cdate;
                drv = DRIVER_CONSTRAINT;
            } else if (type == FNET) {
                finish = previousWorkFinish(i, cdate);
                start = startFromFinish(i, finish);
                drv = DRIVER_CONSTRAINT;
            } else {
                start = projectStart;
            }
        } else {
            start = best;
        }
        start = nextWorkStart(i, start);
        if (net.hasSummaries) {
            // a summary task's "start no earlier than" holds back every task under it
            for (int a = net.parent[i]; a >= 0; a = net.parent[a]) {
                if (net.constraint[a] == SNET && start < net.constraintDate[a]) {
                    start = nextWorkStart(i, net.constraintDate[a]);
                    drv = DRIVER_CONSTRAINT;
                }
            }
        }
        long byLinks = start;
        switch (type) {
            case SNET:
                if (start < cdate) {
                    start = nextWorkStart(i, cdate);
                    drv = DRIVER_CONSTRAINT;
                }
                break;
            case FNLT: {
                long latest = startFromFinish(i, previousWorkFinish(i, cdate));
                if (start > latest) {
                    start = latest;
                    drv = DRIVER_CONSTRAINT;
                    linkStart[i] = byLinks;
                }
                break;
            }
            case FNET: {
                long earliest = startFromFinish(i, previousWorkFinish(i, cdate));
                if (start < earliest) {
                    start = earliest;
                    drv = DRIVER_CONSTRAINT;
                }
                break;
            }
            case SNLT:
                if (start > cdate) {
                    start = nextWorkStart(i, cdate);
                    drv = DRIVER_CONSTRAINT;
                    linkStart[i] = byLinks;
                }
                break;
            case MSO:
                start = nextWorkStart(i, cdate);
                if (byLinks > start) {
                    linkStart[i] = byLinks;
                }
                drv = DRIVER_CONSTRAINT;
                break;
            case MFO:
                finish = previousWorkFinish(i, cdate);
                start = startFromFinish(i, finish);
                if (byLinks > start) {
                    linkStart[i] = byLinks;
                }
                drv = DRIVER_CONSTRAINT;
                break;
            default:
                break;
        }
        es[i] = start;
        ef[i] = finish != NONE ? finish : finishFromStart(i, start);
        driver[i] = drv;
        // free float of the predecessors: how far each could slip before it moves this task
        if (count > 0) {
            WorkingTime c = cal(i);
            long w = c.ordinal(start);
            int idx = 0;
            for (int a = i; a >= 0; a = net.parent[a]) {
                for (int k = net.predOffset[a], end = net.predOffset[a + 1]; k < end; k++) {
                    long slack = w - c.ordinal(scratch[idx++]);
                    int p = net.linkPred[k];
                    if (slack < freeFloat[p]) {
                        freeFloat[p] = slack;
                    }
                }
            }
        }
    }

    /** A fixed task still bounds the free float of its predecessors. */
    private void freeFloatFromLinks(int i) {
        WorkingTime c = cal(i);
        long w = c.ordinal(es[i]);
        for (int a = i; a >= 0; a = net.parent[a]) {
            for (int k = net.predOffset[a], end = net.predOffset[a + 1]; k < end; k++) {
                long slack = w - c.ordinal(earlyCandidate(k, i));
                int p = net.linkPred[k];
                if (slack < freeFloat[p]) {
                    freeFloat[p] = slack;
                }
            }
        }
    }

    private void rollUpEarly(int s) {
        long start = Long.MAX_VALUE;
        long finish = Long.MIN_VALUE;
        int earliest = -1;
        for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
            if (es[c] < start) {
                start = es[c];
                earliest = (net.flags[c] & SUMMARY) != 0 ? earliestLeaf[c] : c;
            }
            finish = Math.max(finish, ef[c]);
        }
        es[s] = start;
        ef[s] = finish;
        earliestLeaf[s] = earliest;
    }

    // ------------------------------------------------------------------ backward pass

    private void backwardPass() {
        Arrays.fill(lfBound, Long.MAX_VALUE);
        for (int x = events.length - 1; x >= 0; x--) {
            int e = events[x];
            if (e < 0) {
                continue; // a summary's exit: its bound is read by its children
            }
            if ((net.flags[e] & SUMMARY) != 0) {
                rollUpLate(e);
            } else {
                backward(e);
            }
        }
    }

    private void backward(int i) {
        int flags = net.flags[i];
        long finish;
        if ((flags & ACTUAL_FINISH) != 0) {
            finish = net.fixedFinish[i];
        } else {
            finish = projectFinish;
            for (int a = i; a >= 0; a = net.parent[a]) {
                finish = Math.min(finish, lfBound[a]);
            }
            long cdate = net.constraintDate[i];
            switch (net.constraint[i]) {
                case MSO:
                    finish = finishFromStart(i, nextWorkStart(i, cdate));
                    break;
                case MFO:
                    finish = cdate;
                    break;
                case SNLT:
                    finish = Math.min(finish, finishFromStart(i, nextWorkStart(i, cdate)));
                    break;
                case FNLT:
                    finish = Math.min(finish, cdate);
                    break;
                default:
                    break;
            }
            long deadline = net.deadline[i];
            if (deadline != NONE && deadline < finish) {
                finish = deadline;
            }
            if (net.hasSummaries) {
                // a summary task's deadline and "finish no later than" bind every task under it
                for (int a = net.parent[i]; a >= 0; a = net.parent[a]) {
                    if (net.constraint[a] == FNLT) {
                        finish = Math.min(finish, net.constraintDate[a]);
                    }
                    if (net.deadline[a] != NONE) {
                        finish = Math.min(finish, net.deadline[a]);
                    }
                }
            }
            finish = previousWorkFinish(i, finish);
        }
        long start = startFromFinish(i, finish);
        lf[i] = finish;
        ls[i] = (flags & ACTUAL_START) != 0 ? net.fixedStart[i] : start;
        if ((flags & ACTUAL_FINISH) != 0) {
            return; // a finished task no longer constrains its predecessors
        }
        for (int a = i; a >= 0; a = net.parent[a]) {
            for (int k = net.predOffset[a], end = net.predOffset[a + 1]; k < end; k++) {
                int p = net.linkPred[k];
                int target = p;
                byte type = net.linkType[k];
                boolean startSide = type == 1 || type == 3;
                if ((net.flags[p] & SUMMARY) != 0 && startSide) {
                    target = net.backward ? -1 : earliestLeaf[p];
                    if (target < 0) {
                        target = p;
                    }
                }
                long bound = lateBound(k, i, start, finish, target);
                if (bound < lfBound[target]) {
                    lfBound[target] = bound;
                }
            }
        }
    }

    /** The latest finish link {@code k} allows its predecessor (or the predecessor's stand-in {@code p}). */
    private long lateBound(int k, int i, long succStart, long succFinish, int p) {
        switch (net.linkType[k]) {
            case 0: // FS
                return removeLag(k, i, succStart);
            case 1: { // SS
                long predStart = removeLag(k, i, (net.flags[p] & SUMMARY) != 0 ? succStart : nextWorkStartOn(p, succStart));
                return (net.flags[p] & SUMMARY) != 0 ? predStart : finishFromStart(p, predStart);
            }
            case 2: // FF
                return removeLag(k, i, succFinish);
            default: // SF
                return removeLag(k, i, (net.flags[p] & SUMMARY) != 0 ? succFinish : finishFromStart(p, succFinish));
        }
    }

    private long nextWorkStartOn(int task, long t) {
        WorkingTime c = cal(task);
        return c.startOf(c.ordinal(t));
    }

    private void rollUpLate(int s) {
        long start = Long.MAX_VALUE;
        long finish = Long.MIN_VALUE;
        for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
            boolean manual = (net.flags[c] & MANUAL) != 0;
            start = Math.min(start, manual ? es[c] : ls[c]);
            finish = Math.max(finish, manual ? ef[c] : lf[c]);
        }
        ls[s] = start;
        lf[s] = finish;
    }

    // ------------------------------------------------------------------ float and results

    private Schedule finishUp() {
        long[] start = new long[n];
        long[] finish = new long[n];
        long[] totalFloat = new long[n];
        long[] free = new long[n];
        boolean[] critical = new boolean[n];
        for (int i = 0; i < n; i++) {
            if ((net.flags[i] & SUMMARY) != 0) {
                continue;
            }
            int flags = net.flags[i];
            boolean alap = net.constraint[i] == ALAP && (flags & MANUAL) == 0;
            start[i] = (flags & ACTUAL_START) != 0 || (flags & MANUAL) != 0 ? es[i] : alap ? ls[i] : es[i];
            finish[i] = (flags & ACTUAL_FINISH) != 0 || (flags & MANUAL) != 0 ? ef[i] : alap ? lf[i] : ef[i];
            WorkingTime c = cal(i);
            long startSlack = c.ordinal(ls[i]) - c.ordinal(es[i]);
            long finishSlack = c.ordinal(lf[i]) - c.ordinal(ef[i]);
            long tf = Math.min(startSlack, finishSlack);
            totalFloat[i] = tf;
            critical[i] = tf <= 0;
            long ff = freeFloat[i];
            if (ff == Long.MAX_VALUE) {
                ff = c.ordinal(projectFinish) - c.ordinal(ef[i]);
            }
            free[i] = Math.max(0, Math.min(ff, tf));
        }
        // summaries, deepest first (children come after their parent in WBS order)
        for (int s = n - 1; s >= 0; s--) {
            if ((net.flags[s] & SUMMARY) == 0) {
                continue;
            }
            long st = Long.MAX_VALUE;
            long fi = Long.MIN_VALUE;
            long eStart = Long.MAX_VALUE;
            long eFinish = Long.MIN_VALUE;
            long lStart = Long.MAX_VALUE;
            long lFinish = Long.MIN_VALUE;
            boolean crit = false;
            for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
                st = Math.min(st, start[c]);
                fi = Math.max(fi, finish[c]);
                boolean alap = net.constraint[c] == ALAP && (net.flags[c] & (SUMMARY | MANUAL)) == 0;
                eStart = Math.min(eStart, alap ? ls[c] : es[c]);
                eFinish = Math.max(eFinish, alap ? lf[c] : ef[c]);
                boolean manual = (net.flags[c] & MANUAL) != 0;
                lStart = Math.min(lStart, manual ? es[c] : ls[c]);
                lFinish = Math.max(lFinish, manual ? ef[c] : lf[c]);
                crit |= critical[c];
            }
            start[s] = st;
            finish[s] = fi;
            es[s] = eStart;
            ef[s] = eFinish;
            ls[s] = lStart;
            lf[s] = lFinish;
            critical[s] = crit;
            WorkingTime c = cal(s);
            long tf = Math.min(c.ordinal(lStart) - c.ordinal(eStart), c.ordinal(lFinish) - c.ordinal(eFinish));
            totalFloat[s] = tf;
            free[s] = Math.max(0, tf);
            driver[s] = DRIVER_NONE;
        }
        return new Schedule(net, cals, es, ef, ls, lf, start, finish, totalFloat, free, critical, driver, linkStart,
                projectStart, net.backward ? net.finish : projectFinish);
    }
}
