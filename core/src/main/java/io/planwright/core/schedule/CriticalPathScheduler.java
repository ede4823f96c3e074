package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;

import java.util.Arrays;

import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_FINISH;
import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_START;
import static io.planwright.core.schedule.ScheduleNetwork.ALAP;
import static io.planwright.core.schedule.ScheduleNetwork.ASAP;
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
 * <p>Networks on one calendar with nothing that needs exact clock time (the common case) are
 * computed on working-minute ordinals, where calendar arithmetic is integer arithmetic, and converted
 * to dates once at the end ({@link TimeAxis.Ordinal}). Networks listed out of order are first
 * renumbered into topological order, so that every pass walks memory forward.
 *
 * <p>Stateless: each call allocates its own arrays; calendars are shared safely, so calls may run in
 * parallel.
 */
public final class CriticalPathScheduler {

    /** Driver codes for tasks not driven by a link. */
    public static final int DRIVER_PROJECT_START = -1;
    public static final int DRIVER_CONSTRAINT = -2;
    public static final int DRIVER_FIXED = -3;
    public static final int DRIVER_NONE = -4;

    /** The network as given; {@link #net} may be a renumbered copy of it, mapped by {@link #position}. */
    private final ScheduleNetwork original;
    private final ScheduleNetwork net;
    private final int[] position;
    /** Forward order of events (see {@link TopologicalOrder}); null when it is simply 0 .. n-1. */
    private final int[] events;
    private final int n;

    // the network's arrays, held here for the passes
    private final byte[] flags;
    private final long[] duration;
    private final byte[] constraint;
    private final int[] parent;
    private final int[] predOffset;
    private final int[] linkPred;
    private final byte[] linkType;
    private final long[] linkLag;
    private final byte[] linkLagKind;
    private final int[] linkOrder;
    private final boolean hasSummaries;
    private final int[] spanOffset;
    private final long[] pause;

    /** The calendars (shared: they grow on demand, safely). */
    private final WorkingTime[] cals;
    /** The time line of each calendar: clock minutes, or working-minute ordinals. */
    private final TimeAxis[] axes;
    /** Set when the network is computed on working-minute ordinals; then all arithmetic is integer arithmetic. */
    private final TimeAxis.Ordinal ordinal;
    private final boolean onOrdinals;
    /** Constraint dates, deadlines and the plan's dates on the engine's time line. */
    private final long[] cdate;
    private final long[] deadline;
    private final long planStart;
    private final long planFinish;

    private final long[] es;
    private final long[] ef;
    private final long[] ls;
    private final long[] lf;
    private final long[] lfBound;
    private final long[] freeFloat;
    private final int[] driver;
    /** For tasks held by a constraint against their links: where the links alone would start them (made when needed). */
    private long[] linkStart;
    private final int[] earliestLeaf;
    private final SummaryRollup rollup;
    private long[] scratch = new long[16];

    private long projectStart;
    private long projectFinish;
    /** Where the backward pass starts: the project's finish, or a forward plan's earlier target finish. */
    private long lateFinish = Long.MIN_VALUE;
    /** The second forward pass, in which successors follow tasks that sit at their late dates. */
    private boolean alapPass;

    /** Which time line the passes compute on: working-minute ordinals where they serve, or clock minutes always (to compare the two). */
    enum Arithmetic {
        FASTEST,
        CLOCK
    }

    private CriticalPathScheduler(ScheduleNetwork original, ScheduleNetwork net, int[] events, int[] position, Arithmetic arithmetic) {
        this.original = original;
        this.position = position;
        this.net = net;
        this.events = events;
        this.n = net.n;
        this.flags = net.flags;
        this.duration = net.duration;
        this.constraint = net.constraint;
        this.parent = net.parent;
        this.predOffset = net.predOffset;
        this.linkPred = net.linkPred;
        this.linkType = net.linkType;
        this.linkLag = net.linkLag;
        this.linkLagKind = net.linkLagKind;
        this.linkOrder = net.linkOrder;
        this.hasSummaries = net.hasSummaries;
        this.spanOffset = net.spanOffset;
        this.pause = net.pause;
        this.cals = net.calendars;
        this.axes = new TimeAxis[cals.length];
        if (arithmetic == Arithmetic.FASTEST && ordinalsServe(net)) {
            ordinal = new TimeAxis.Ordinal(cals[0]);
            axes[0] = ordinal;
            cdate = anyDate(net.constraintDate) ? encode(net.constraintDate) : net.constraintDate;
            deadline = anyDate(net.deadline) ? encode(net.deadline) : net.deadline;
            planStart = ordinal.encode(net.start);
            planFinish = net.finish == NONE ? NONE : ordinal.encode(net.finish);
        } else {
            ordinal = null;
            for (int c = 0; c < cals.length; c++) {
                axes[c] = new TimeAxis.Clock(cals[c]);
            }
            cdate = net.constraintDate;
            deadline = net.deadline;
            planStart = net.start;
            planFinish = net.finish;
        }
        onOrdinals = ordinal != null;
        es = new long[n];
        ef = new long[n];
        ls = new long[n];
        lf = new long[n];
        lfBound = new long[n];
        freeFloat = new long[n];
        driver = new int[n];
        earliestLeaf = hasSummaries ? new int[n] : null;
        rollup = hasSummaries ? new SummaryRollup(this, net, es, ef, ls, lf, earliestLeaf, driver) : null;
    }

    /** Schedules a network; throws {@link DependencyCycleException} if its links loop. */
    public static Schedule schedule(ScheduleNetwork net) {
        return schedule(net, TopologicalOrder.of(net));
    }

    /**
     * Schedules a network in a given order. Unless the order is the plan's own, the network is first
     * renumbered into that order, so that each pass walks its arrays forward: a task's predecessors
     * are then near it in memory, which matters more than anything else on large networks.
     */
    public static Schedule schedule(ScheduleNetwork net, TopologicalOrder order) {
        return schedule(net, order, Arithmetic.FASTEST);
    }

    static Schedule schedule(ScheduleNetwork net, TopologicalOrder order, Arithmetic arithmetic) {
        if (order.isIdentity()) {
            return new CriticalPathScheduler(net, net, net.hasSummaries ? order.events() : null, null, arithmetic).run();
        }
        int[] sequence = order.sequence();
        int[] position = new int[net.n];
        for (int i = 0; i < sequence.length; i++) {
            position[sequence[i]] = i;
        }
        int[] events = order.events().clone();
        for (int x = 0; x < events.length; x++) {
            int e = events[x];
            events[x] = e >= 0 ? position[e] : ~position[~e];
        }
        return new CriticalPathScheduler(net, net.renumbered(sequence), events, position, arithmetic).run();
    }

    /** Schedule on clock minutes even where ordinals would serve: the two must agree (the property tests compare them). */
    static Schedule scheduleOnClock(ScheduleNetwork net) {
        return schedule(net, TopologicalOrder.of(net), Arithmetic.CLOCK);
    }

    /**
     * Whether the network is computed on working-minute ordinals of one calendar (see below): then
     * plain arithmetic on working minutes gives its dates.
     */
    public static boolean onWorkingMinutes(ScheduleNetwork net) {
        return ordinalsServe(net);
    }

    /**
     * Working-minute ordinals serve when every task shares one calendar and nothing needs exact clock
     * time: no elapsed durations or lags, no manual or actual dates.
     */
    private static boolean ordinalsServe(ScheduleNetwork net) {
        if (net.calendars.length != 1 || net.fixedStart != null || net.spanOffset != null) {
            return false;
        }
        for (int i = 0; i < net.n; i++) {
            if ((net.flags[i] & (ELAPSED | MANUAL | ACTUAL_START | ACTUAL_FINISH)) != 0) {
                return false;
            }
        }
        for (byte kind : net.linkLagKind) {
            if (kind == LAG_ELAPSED) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyDate(long[] dates) {
        for (long d : dates) {
            if (d != NONE) {
                return true;
            }
        }
        return false;
    }

    private long[] encode(long[] clock) {
        long[] out = new long[clock.length];
        for (int i = 0; i < clock.length; i++) {
            out[i] = clock[i] == NONE ? NONE : ordinal.encode(clock[i]);
        }
        return out;
    }

    private long decode(long v) {
        return ordinal == null ? v : ordinal.decode(v);
    }

    private void conflict(int task, long startByLinks) {
        if (linkStart == null) {
            linkStart = new long[n];
            Arrays.fill(linkStart, NONE);
        }
        linkStart[task] = startByLinks;
    }

    private Schedule run() {
        if (n == 0) {
            return new Schedule(original, net, position, cals, es, ef, ls, lf, es, ef, new long[0], new long[0], new boolean[0], driver, null,
                    net.start, net.backward ? net.finish : net.start);
        }
        boolean anyLate = false;
        boolean anyAsap = false;
        for (int i = 0; i < n; i++) {
            anyLate |= scheduledLate(i);
            anyAsap |= constraint[i] == ASAP && (flags[i] & SUMMARY) == 0;
        }
        if (net.backward) {
            projectFinish = planFinish;
            lateFinish = projectFinish;
            backwardPass();
            projectStart = earliestOfTasks(ls);
            forwardPass();
            if (anyLate && anyAsap) {
                // tasks that must be as soon as possible follow their predecessors where those are scheduled
                alapPass = true;
                forwardPass();
            }
        } else {
            projectStart = planStart;
            forwardPass();
            projectFinish = latestOfTasks(ef);
            lateFinish = projectFinish;
            backwardPass();
            if (anyLate) {
                alapPass = true;
                forwardPass();
            }
            if (planFinish != NONE && planFinish < projectFinish) {
                // the plan's target finish is a deadline of the plan: late dates from it, so that the tasks
                // driving the finish past it show negative float (the finish itself stays where the work ends)
                lateFinish = planFinish;
                backwardPass();
            }
        }
        return finishUp();
    }

    /** The least of {@code values} over the tasks that are not summaries. */
    private long earliestOfTasks(long[] values) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if ((flags[i] & SUMMARY) == 0) {
                least = Math.min(least, values[i]);
            }
        }
        return least;
    }

    /** The greatest of {@code values} over the tasks that are not summaries. */
    private long latestOfTasks(long[] values) {
        long greatest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if ((flags[i] & SUMMARY) == 0) {
                greatest = Math.max(greatest, values[i]);
            }
        }
        return greatest;
    }

    // ------------------------------------------------------------------ calendar arithmetic
    //
    // On ordinals a value is 4w + k (k = 0 a finish, 2 a start, 1 in between): see TimeAxis.Ordinal.

    private TimeAxis axis(int task) {
        return axes.length == 1 ? axes[0] : axes[net.calendar[task]];
    }

    long ordinalOf(int task, long t) {
        return onOrdinals ? t >> 2 : axis(task).ordinal(t);
    }

    /** {@code t} plus {@code minutes} of work on the task's calendar: a positive amount ends at a finish, a negative one at a start. */
    private long addWork(int task, long t, long minutes) {
        if (minutes == 0) {
            return t;
        }
        if (onOrdinals) {
            long w = (t >> 2) + minutes;
            return minutes > 0 ? w << 2 : (w << 2) + 2;
        }
        return axis(task).addWork(t, minutes);
    }

    /** A split task's pauses, in working minutes. */
    private long pauseOf(int task) {
        return pause == null ? 0 : pause[task];
    }

    private long finishFromStart(int task, long start) {
        if (spanned(task)) {
            long finish = Long.MIN_VALUE;
            for (int k = spanOffset[task]; k < spanOffset[task + 1]; k++) {
                finish = Math.max(finish, axes[net.spanCalendar[k]].addWork(start, net.spanMinutes[k] + pauseOf(task)));
            }
            return finish;
        }
        long d = duration[task];
        return (flags[task] & ELAPSED) != 0 ? start + d : addWork(task, start, d + pauseOf(task));
    }

    private long startFromFinish(int task, long finish) {
        if (spanned(task)) {
            long start = Long.MAX_VALUE;
            for (int k = spanOffset[task]; k < spanOffset[task + 1]; k++) {
                start = Math.min(start, axes[net.spanCalendar[k]].addWork(finish, -net.spanMinutes[k] - pauseOf(task)));
            }
            return start;
        }
        long d = duration[task];
        return (flags[task] & ELAPSED) != 0 ? finish - d : addWork(task, finish, -d - pauseOf(task));
    }

    /** True for a task whose assignments run on their resources' calendars. */
    private boolean spanned(int task) {
        return spanOffset != null && spanOffset[task + 1] > spanOffset[task];
    }

    private boolean isMilestone(int task) {
        return (flags[task] & MILESTONE) != 0 || duration[task] == 0;
    }

    /** The start of the next working period; a milestone may stay at the end of the previous one. */
    private long nextWorkStart(int task, long t) {
        if (onOrdinals) {
            if ((t & 3) == 0 && isMilestone(task)) {
                return t;
            }
            return ((t >> 2) << 2) + 2;
        }
        if (spanned(task)) {
            return workStartOn(task, t);
        }
        TimeAxis c = axis(task);
        long w = c.ordinal(t);
        long next = c.startOf(w);
        if (next > t && isMilestone(task) && c.finishOf(w) == t) {
            return t;
        }
        return next;
    }

    /** The start of the next working period, for any task. */
    private long workStartOn(int task, long t) {
        if (onOrdinals) {
            return ((t >> 2) << 2) + 2;
        }
        if (spanned(task)) {
            long start = Long.MAX_VALUE; // the earliest any assignment can start
            for (int k = spanOffset[task]; k < spanOffset[task + 1]; k++) {
                start = Math.min(start, axes[net.spanCalendar[k]].nextWorkStart(t));
            }
            return start;
        }
        return axis(task).nextWorkStart(t);
    }

    /** A finish at the start of a working period moves back to the end of the previous one. */
    private long previousWorkFinish(int task, long t) {
        if (onOrdinals) {
            return (t >> 2) << 2;
        }
        if ((flags[task] & ELAPSED) != 0) {
            return t;
        }
        if (spanned(task)) {
            long finish = Long.MIN_VALUE; // the latest any assignment may finish
            for (int k = spanOffset[task]; k < spanOffset[task + 1]; k++) {
                finish = Math.max(finish, axes[net.spanCalendar[k]].previousWorkFinish(t));
            }
            return finish;
        }
        return axis(task).previousWorkFinish(t);
    }

    private long lagMinutes(int k) {
        long lag = linkLag[k];
        if (linkLagKind[k] == LAG_PERCENT) {
            return Math.round(duration[linkPred[k]] * (double) lag / 10000.0);
        }
        return lag;
    }

    private boolean lagIsElapsed(int k) {
        byte kind = linkLagKind[k];
        return kind == LAG_ELAPSED || (kind == LAG_PERCENT && (flags[linkPred[k]] & ELAPSED) != 0);
    }

    /** Adds a link's lag on the successor's calendar. */
    private long addLag(int k, int successor, long t) {
        if (linkLag[k] == 0) {
            return t;
        }
        long lag = lagMinutes(k);
        return !onOrdinals && lagIsElapsed(k) ? t + lag : addWork(successor, t, lag);
    }

    private long removeLag(int k, int successor, long t) {
        if (linkLag[k] == 0) {
            return t;
        }
        long lag = lagMinutes(k);
        return !onOrdinals && lagIsElapsed(k) ? t - lag : addWork(successor, t, -lag);
    }

    /**
     * A task placed at its late dates: as late as possible; in a plan scheduled from its finish, every
     * task but an explicit "as soon as possible" one. Fixed (manual or started) tasks are where they are.
     */
    boolean scheduledLate(int task) {
        if ((flags[task] & (SUMMARY | MANUAL | ACTUAL_START)) != 0) {
            return false;
        }
        byte c = constraint[task];
        return c == ALAP || (net.backward && c != ASAP);
    }

    // ------------------------------------------------------------------ forward pass

    private void forwardPass() {
        boolean keepLate = alapPass && net.backward;
        if (!keepLate) {
            Arrays.fill(freeFloat, Long.MAX_VALUE);
        }
        if (events == null) {
            for (int i = 0; i < n; i++) {
                if (!(keepLate && scheduledLate(i))) {
                    forward(i);
                }
            }
            return;
        }
        for (int e : events) {
            if (e < 0) {
                rollup.early(~e);
            } else if ((flags[e] & SUMMARY) == 0 && !(keepLate && scheduledLate(e))) {
                forward(e);
            }
        }
    }

    /** Where link {@code k} allows its successor {@code i} to start at the earliest. */
    private long earlyCandidate(int k, int i) {
        int p = linkPred[k];
        boolean late = alapPass && scheduledLate(p);
        switch (linkType[k]) {
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
        if ((flags[i] & (MANUAL | ACTUAL_START)) != 0) {
            forwardFixed(i);
            return;
        }
        long best = Long.MIN_VALUE;
        int drv = DRIVER_PROJECT_START;
        int count = 0;
        if (hasSummaries) {
            for (int a = i; a >= 0; a = parent[a]) {
                for (int k = predOffset[a], end = predOffset[a + 1]; k < end; k++) {
                    long cand = earlyCandidate(k, i);
                    remember(count++, cand);
                    // a summary's links come after the task's own here: of equal candidates, the one declared first drives
                    if (later(cand, best) || (drv >= 0 && linkOrder[k] < linkOrder[drv] && !later(best, cand))) {
                        best = cand;
                        drv = k;
                    }
                }
            }
        } else {
            for (int k = predOffset[i], end = predOffset[i + 1]; k < end; k++) {
                long cand = earlyCandidate(k, i);
                remember(count++, cand);
                if (later(cand, best)) {
                    best = cand;
                    drv = k;
                }
            }
        }
        byte type = constraint[i];
        long start;
        if (count == 0) {
            start = type == SNET ? cdate[i] : type == FNET ? startFromFinish(i, previousWorkFinish(i, cdate[i])) : projectStart;
            if (type == SNET || type == FNET) {
                drv = DRIVER_CONSTRAINT;
            }
        } else {
            start = best;
        }
        start = nextWorkStart(i, start);
        long finish = NONE;
        if (type > ALAP || hasSummaries) {
            long constrained = constrainedStart(i, start);
            if (constrained != start || (type == MSO || type == MFO)) {
                drv = DRIVER_CONSTRAINT;
            }
            if (type == MFO) {
                finish = previousWorkFinish(i, cdate[i]);
            }
            start = constrained;
        }
        es[i] = start;
        ef[i] = finish != NONE ? finish : count == 0 && type == FNET ? previousWorkFinish(i, cdate[i]) : finishFromStart(i, start);
        if (drv >= 0 && (linkType[drv] == 2 || linkType[drv] == 3)) {
            ef[i] = linkSetFinish(drv, i, ef[i]);
        }
        driver[i] = drv;
        if (count > 0) {
            freeFloatOfPredecessors(i, start);
        }
    }

    /**
     * Whether a link's candidate start is later in clock time than the best so far; of equal times the
     * first link drives. On ordinals a finish and a start of the same working minute are one moment when
     * the minute is inside a working period (11:00 ends minute 179 and starts minute 180) but two across
     * a break (12:00 and 13:00): only the calendar can tell, so such a tie is decoded.
     */
    private boolean later(long cand, long best) {
        if (cand <= best) {
            return false;
        }
        if (!onOrdinals || (cand >> 2) != (best >> 2) || ((cand | best) & 1) != 0) {
            return true;
        }
        return ordinal.decode(cand) > ordinal.decode(best);
    }

    /**
     * When a finish-to-finish or start-to-finish link sets a task's finish, MS Project keeps that
     * moment as it is: a task that must finish when its predecessor starts Monday 08:00 finishes
     * Monday 08:00, not the equivalent Friday 17:00.
     */
    private long linkSetFinish(int k, int i, long finish) {
        int p = linkPred[k];
        boolean late = alapPass && scheduledLate(p);
        long base = linkType[k] == 2 ? (late ? lf[p] : ef[p]) : (late ? ls[p] : es[p]);
        long byLink = addLag(k, i, base);
        return ordinalOf(i, byLink) == ordinalOf(i, finish) ? byLink : finish;
    }

    private void remember(int index, long candidate) {
        if (index == scratch.length) {
            scratch = Arrays.copyOf(scratch, index * 2);
        }
        scratch[index] = candidate;
    }

    /** How far each predecessor could slip before it moves task {@code i}: its free float. */
    private void freeFloatOfPredecessors(int i, long start) {
        long w = ordinalOf(i, start);
        int idx = 0;
        for (int a = i; a >= 0; a = hasSummaries ? parent[a] : -1) {
            for (int k = predOffset[a], end = predOffset[a + 1]; k < end; k++) {
                long slack = w - ordinalOf(i, scratch[idx++]);
                int p = linkPred[k];
                if (slack < freeFloat[p]) {
                    freeFloat[p] = slack;
                }
            }
        }
    }

    /** The start after the task's own constraint (and its summary tasks' "start no earlier than"). */
    private long constrainedStart(int i, long start) {
        if (hasSummaries) {
            // a summary task's "start no earlier than" holds back every task under it
            for (int a = parent[i]; a >= 0; a = parent[a]) {
                if (constraint[a] == SNET && start < cdate[a]) {
                    start = nextWorkStart(i, cdate[a]);
                }
            }
        }
        long byLinks = start;
        long c = cdate[i];
        switch (constraint[i]) {
            case SNET:
                return start < c ? nextWorkStart(i, c) : start;
            case FNLT: {
                long latest = startFromFinish(i, previousWorkFinish(i, c));
                if (start > latest) {
                    conflict(i, byLinks);
                    return latest;
                }
                return start;
            }
            case FNET: {
                long earliest = startFromFinish(i, previousWorkFinish(i, c));
                return Math.max(start, earliest);
            }
            case SNLT:
                if (start > c) {
                    conflict(i, byLinks);
                    return nextWorkStart(i, c);
                }
                return start;
            case MSO: {
                long at = nextWorkStart(i, c);
                if (byLinks > at) {
                    conflict(i, byLinks);
                }
                return at;
            }
            case MFO: {
                long at = startFromFinish(i, previousWorkFinish(i, c));
                if (byLinks > at) {
                    conflict(i, byLinks);
                }
                return at;
            }
            default:
                return start;
        }
    }

    /**
     * Where a manually scheduled or started task starts. Recorded dates are kept as they are (MS Project
     * keeps an actual start on a Saturday); a date given without a time (midnight) moves into working time.
     */
    private long fixedStart(int i) {
        long finish = net.fixedFinish[i];
        if (isMilestone(i) && finish != NONE) {
            return atMidnight(finish) ? previousWorkFinish(i, finish) : finish; // a milestone is where it was reached
        }
        long start = net.fixedStart[i];
        return atMidnight(start) ? nextWorkStart(i, start) : start;
    }

    /** Where a manually scheduled or finished task finishes; a date without a time means the end of that day's work. */
    private long fixedFinish(int i) {
        long start = fixedStart(i);
        long finish = net.fixedFinish[i];
        if (finish == NONE) {
            return finishFromStart(i, start);
        }
        return Math.max(start, atMidnight(finish) ? previousWorkFinish(i, finish) : finish);
    }

    private static boolean atMidnight(long clock) {
        return Math.floorMod(clock, 1440) == 0;
    }

    /** A manually scheduled or started task: where it is, moved into working time. */
    private void forwardFixed(int i) {
        int f = flags[i];
        es[i] = fixedStart(i);
        ef[i] = fixedFinish(i);
        if ((f & ACTUAL_START) != 0 && (f & ACTUAL_FINISH) == 0 && constraint[i] == FNET) {
            ef[i] = Math.max(ef[i], cdate[i]);
        }
        driver[i] = DRIVER_FIXED;
        // it still bounds the free float of its predecessors
        long w = ordinalOf(i, es[i]);
        for (int a = i; a >= 0; a = parent[a]) {
            for (int k = predOffset[a], end = predOffset[a + 1]; k < end; k++) {
                long slack = w - ordinalOf(i, earlyCandidate(k, i));
                int p = linkPred[k];
                if (slack < freeFloat[p]) {
                    freeFloat[p] = slack;
                }
            }
        }
    }

    // ------------------------------------------------------------------ backward pass

    private void backwardPass() {
        Arrays.fill(lfBound, Long.MAX_VALUE);
        if (events == null) {
            for (int i = n - 1; i >= 0; i--) {
                backward(i);
            }
            return;
        }
        for (int x = events.length - 1; x >= 0; x--) {
            int e = events[x];
            if (e < 0) {
                continue; // a summary's exit: its bound is read by its children
            }
            if ((flags[e] & SUMMARY) != 0) {
                rollup.late(e);
            } else {
                backward(e);
            }
        }
    }

    private void backward(int i) {
        long finish;
        if ((flags[i] & ACTUAL_FINISH) != 0) {
            finish = fixedFinish(i);
        } else {
            finish = Math.min(lateFinish, lfBound[i]);
            if (hasSummaries) {
                for (int a = parent[i]; a >= 0; a = parent[a]) {
                    finish = Math.min(finish, lfBound[a]);
                }
            }
            if (constraint[i] > ALAP || deadline[i] != NONE || hasSummaries) {
                finish = constrainedFinish(i, finish);
            }
            if (!(finish == lateFinish && isMilestone(i))) {
                finish = previousWorkFinish(i, finish); // a milestone that ends the project keeps its moment, as in MS Project
            }
        }
        long start = startFromFinish(i, finish);
        lf[i] = finish;
        ls[i] = (flags[i] & ACTUAL_START) != 0 ? fixedStart(i) : start;
        if ((flags[i] & ACTUAL_FINISH) != 0) {
            return; // a finished task no longer constrains its predecessors
        }
        // a milestone's late date, passed on as its latest equivalent (Monday 08:00 rather than Friday
        // 17:00), so that a predecessor on another calendar may use the time in between
        long boundStart = start;
        long boundFinish = finish;
        if (isMilestone(i)) {
            boundStart = workStartOn(i, start);
            boundFinish = boundStart;
        }
        if (hasSummaries) {
            for (int a = i; a >= 0; a = parent[a]) {
                for (int k = predOffset[a], end = predOffset[a + 1]; k < end; k++) {
                    bound(k, i, boundStart, boundFinish);
                }
            }
        } else {
            for (int k = predOffset[i], end = predOffset[i + 1]; k < end; k++) {
                bound(k, i, boundStart, boundFinish);
            }
        }
    }

    /** Passes the latest finish that link {@code k} allows back to its predecessor. */
    private void bound(int k, int i, long succStart, long succFinish) {
        int p = linkPred[k];
        int target = p;
        byte type = linkType[k];
        if (hasSummaries && (flags[p] & SUMMARY) != 0 && (type == 1 || type == 3)) {
            // a summary's start-side link binds its earliest task
            target = net.backward || earliestLeaf[p] < 0 ? p : earliestLeaf[p];
        }
        long bound = lateBound(k, i, succStart, succFinish, target);
        if (bound < lfBound[target]) {
            lfBound[target] = bound;
        }
    }

    /** The finish after the task's own constraint and deadline (and its summary tasks'). */
    private long constrainedFinish(int i, long finish) {
        long c = cdate[i];
        switch (constraint[i]) {
            case MSO:
                finish = finishFromStart(i, nextWorkStart(i, c));
                break;
            case MFO:
                finish = c;
                break;
            case SNLT:
                finish = Math.min(finish, finishFromStart(i, nextWorkStart(i, c)));
                break;
            case FNLT:
                finish = Math.min(finish, c);
                break;
            default:
                break;
        }
        if (deadline[i] != NONE && deadline[i] < finish) {
            finish = deadline[i];
        }
        if (hasSummaries) {
            // a summary task's deadline and "finish no later than" bind every task under it
            for (int a = parent[i]; a >= 0; a = parent[a]) {
                if (constraint[a] == FNLT) {
                    finish = Math.min(finish, cdate[a]);
                }
                if (deadline[a] != NONE) {
                    finish = Math.min(finish, deadline[a]);
                }
            }
        }
        return finish;
    }

    /** The latest finish link {@code k} allows its predecessor (or the predecessor's stand-in {@code p}). */
    private long lateBound(int k, int i, long succStart, long succFinish, int p) {
        boolean summary = (flags[p] & SUMMARY) != 0;
        switch (linkType[k]) {
            case 0: // FS
                return removeLag(k, i, succStart);
            case 1: { // SS
                long predStart = removeLag(k, i, summary ? succStart : workStartOn(p, succStart));
                return summary ? predStart : finishFromStart(p, predStart);
            }
            case 2: // FF
                return removeLag(k, i, succFinish);
            default: // SF
                return removeLag(k, i, summary ? succFinish : finishFromStart(p, succFinish));
        }
    }

    // ------------------------------------------------------------------ float and results

    private Schedule finishUp() {
        boolean anyLate = false;
        for (int i = 0; i < n && !anyLate; i++) {
            anyLate = scheduledLate(i);
        }
        // scheduled dates are the early ones unless some task sits at its late dates
        boolean separate = anyLate || hasSummaries;
        long[] start = separate ? new long[n] : es;
        long[] finish = separate ? new long[n] : ef;
        if (separate) {
            for (int i = 0; i < n; i++) {
                if ((flags[i] & SUMMARY) == 0) {
                    boolean late = scheduledLate(i);
                    start[i] = late ? ls[i] : es[i];
                    finish[i] = late ? lf[i] : ef[i];
                }
            }
        }
        long[] totalFloat = lfBound; // no longer needed: reused
        long[] free = freeFloat;
        boolean[] critical = new boolean[n];
        new FloatCalculator(this, onOrdinals, flags, es, ef, ls, lf).leaves(projectFinish, totalFloat, free, critical);
        if (hasSummaries) {
            rollup.results(start, finish, totalFloat, free, critical);
        }
        long firstStart = earliestOfTasks(start);
        long lastFinish = latestOfTasks(finish);
        if (onOrdinals) {
            toDates(start, finish, separate);
        }
        return new Schedule(original, net, position, cals, es, ef, ls, lf, start, finish, totalFloat, free, critical, driver, linkStart,
                decode(firstStart), decode(lastFinish));
    }

    /** From ordinals to dates on the calendar, once; equal values are converted once. */
    private void toDates(long[] start, long[] finish, boolean separate) {
        TimeAxis.Ordinal o = ordinal;
        for (int i = 0; i < n; i++) {
            long e = es[i];
            long f = ef[i];
            long l = ls[i];
            long g = lf[i];
            long de = o.decode(e);
            long df = f == e ? de : o.decode(f);
            long dl = l == e ? de : o.decode(l);
            long dg = g == f ? df : g == l ? dl : o.decode(g);
            if (separate) {
                long s = start[i];
                long fi = finish[i];
                start[i] = s == e ? de : s == l ? dl : o.decode(s);
                finish[i] = fi == f ? df : fi == g ? dg : o.decode(fi);
            }
            es[i] = de;
            ef[i] = df;
            ls[i] = dl;
            lf[i] = dg;
        }
        if (linkStart != null) {
            for (int i = 0; i < n; i++) {
                if (linkStart[i] != NONE) {
                    linkStart[i] = o.decode(linkStart[i]);
                }
            }
        }
    }
}
