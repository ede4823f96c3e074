package io.planwright.core.schedule;

import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_FINISH;
import static io.planwright.core.schedule.ScheduleNetwork.ACTUAL_START;
import static io.planwright.core.schedule.ScheduleNetwork.ELAPSED;
import static io.planwright.core.schedule.ScheduleNetwork.SUMMARY;

/**
 * Total float, free float and the critical flag of each task once the forward and backward passes have
 * run (beside the passes, as a CPM engine's slack calculator): float in working minutes of the task's
 * calendar, an elapsed task's in clock minutes. Summary tasks are left to {@link SummaryRollup}.
 */
final class FloatCalculator {
    private final CriticalPathScheduler passes;
    private final boolean onOrdinals;
    private final byte[] flags;
    private final long[] es;
    private final long[] ef;
    private final long[] ls;
    private final long[] lf;

    FloatCalculator(CriticalPathScheduler passes, boolean onOrdinals, byte[] flags, long[] es, long[] ef, long[] ls, long[] lf) {
        this.passes = passes;
        this.onOrdinals = onOrdinals;
        this.flags = flags;
        this.es = es;
        this.ef = ef;
        this.ls = ls;
        this.lf = lf;
    }

    /**
     * Fills {@code totalFloat} and {@code critical} for every task that is not a summary, and turns {@code free}
     * (on entry the least slack to any successor, {@code Long.MAX_VALUE} for none) into its free float.
     */
    void leaves(long projectFinish, long[] totalFloat, long[] free, boolean[] critical) {
        int n = flags.length;
        long finishOrdinal = passes.ordinalOf(0, projectFinish);
        for (int i = 0; i < n; i++) {
            if ((flags[i] & SUMMARY) != 0) {
                continue;
            }
            long efw = passes.ordinalOf(i, ef[i]);
            long tf = totalFloat(i, efw);
            totalFloat[i] = tf;
            critical[i] = tf <= 0 && (flags[i] & ACTUAL_FINISH) == 0; // finished work is never critical
            long ff = free[i];
            if (ff == Long.MAX_VALUE) {
                ff = (onOrdinals ? finishOrdinal : passes.ordinalOf(i, projectFinish)) - efw;
            }
            free[i] = Math.max(0, Math.min(ff, tf));
        }
    }

    /** How far task {@code i} (its early finish at ordinal {@code efw}) can slip before it moves the project's finish. */
    private long totalFloat(int i, long efw) {
        long finishSlack = (flags[i] & ELAPSED) != 0 ? lf[i] - ef[i] : passes.ordinalOf(i, lf[i]) - efw;
        if ((flags[i] & ACTUAL_START) != 0) {
            return finishSlack; // its start is history: only its finish can slip, as in MS Project
        }
        if ((flags[i] & ELAPSED) != 0) {
            return Math.min(ls[i] - es[i], finishSlack); // an elapsed task's slack is clock time, as in MS Project
        }
        return Math.min(passes.ordinalOf(i, ls[i]) - passes.ordinalOf(i, es[i]), finishSlack);
    }
}
