package io.planwright.core.schedule;

import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_FINISH;
import static io.planwright.core.schedule.ScheduleNetwork.MANUAL;
import static io.planwright.core.schedule.ScheduleNetwork.SUMMARY;

/**
 * Summary tasks span the tasks under them: their early dates during the forward pass, their late dates
 * during the backward pass, and in the results their scheduled dates, float and critical flag.
 */
final class SummaryRollup {
    private final CriticalPathScheduler passes;
    private final ScheduleNetwork net;
    private final byte[] flags;
    private final long[] es;
    private final long[] ef;
    private final long[] ls;
    private final long[] lf;
    /** For each summary, its task that starts first (the one its start-side links bind), once rolled up early. */
    private final int[] earliestLeaf;
    private final int[] driver;

    SummaryRollup(CriticalPathScheduler passes, ScheduleNetwork net, long[] es, long[] ef, long[] ls, long[] lf, int[] earliestLeaf,
                  int[] driver) {
        this.passes = passes;
        this.net = net;
        this.flags = net.flags;
        this.es = es;
        this.ef = ef;
        this.ls = ls;
        this.lf = lf;
        this.earliestLeaf = earliestLeaf;
        this.driver = driver;
    }

    /** Summary {@code s}'s early dates from its children's, in the forward pass. */
    void early(int s) {
        long start = Long.MAX_VALUE;
        long finish = Long.MIN_VALUE;
        int earliest = -1;
        for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
            if (es[c] < start) {
                start = es[c];
                earliest = (flags[c] & SUMMARY) != 0 ? earliestLeaf[c] : c;
            }
            finish = Math.max(finish, ef[c]);
        }
        es[s] = start;
        ef[s] = finish;
        earliestLeaf[s] = earliest;
    }

    /** Summary {@code s}'s late dates from its children's (a manually scheduled child's are where it is). */
    void late(int s) {
        long start = Long.MAX_VALUE;
        long finish = Long.MIN_VALUE;
        for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
            boolean manual = (flags[c] & MANUAL) != 0;
            start = Math.min(start, manual ? es[c] : ls[c]);
            finish = Math.max(finish, manual ? ef[c] : lf[c]);
        }
        ls[s] = start;
        lf[s] = finish;
    }

    /**
     * The summaries' scheduled and early dates (a child at its late dates counts with those), late dates,
     * float and critical flag, deepest first (children come after their parent in WBS order).
     */
    void results(long[] start, long[] finish, long[] totalFloat, long[] free, boolean[] critical) {
        int n = flags.length;
        // a summary's float is its most urgent open work's, so that a phase is critical exactly when its float says so
        boolean[] open = new boolean[n];
        for (int i = 0; i < n; i++) {
            open[i] = (flags[i] & (SUMMARY | ACTUAL_FINISH)) == 0;
        }
        for (int s = n - 1; s >= 0; s--) {
            if ((flags[s] & SUMMARY) == 0) {
                continue;
            }
            long st = Long.MAX_VALUE;
            long fi = Long.MIN_VALUE;
            long eStart = Long.MAX_VALUE;
            long eFinish = Long.MIN_VALUE;
            boolean crit = false;
            long urgent = Long.MAX_VALUE;
            for (int c = net.firstChild[s]; c >= 0; c = net.nextSibling[c]) {
                st = Math.min(st, start[c]);
                fi = Math.max(fi, finish[c]);
                boolean late = passes.scheduledLate(c);
                eStart = Math.min(eStart, late ? ls[c] : es[c]);
                eFinish = Math.max(eFinish, late ? lf[c] : ef[c]);
                crit |= critical[c];
                if (open[c]) {
                    open[s] = true;
                    urgent = Math.min(urgent, totalFloat[c]);
                }
            }
            start[s] = st;
            finish[s] = fi;
            es[s] = eStart;
            ef[s] = eFinish;
            late(s);
            critical[s] = crit;
            long tf = urgent != Long.MAX_VALUE ? urgent
                    : Math.min(passes.ordinalOf(s, ls[s]) - passes.ordinalOf(s, eStart), passes.ordinalOf(s, lf[s]) - passes.ordinalOf(s, eFinish));
            totalFloat[s] = tf;
            free[s] = Math.max(0, tf);
            driver[s] = CriticalPathScheduler.DRIVER_NONE;
        }
    }
}
