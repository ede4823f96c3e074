package io.planwright.core.schedule;

import io.planwright.core.model.Duration;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkTime;

/**
 * A started task's progress in working minutes, as MS Project counts it: the part done (its percent
 * complete of its duration, the actual duration) and the part left (the remaining duration as reported,
 * else the rest of its duration). Its duration becomes done plus left. The scheduler and the risk
 * analysis use the same figures.
 */
public final class TaskProgress {

    private TaskProgress() {
    }

    /** A task started and not finished. */
    public static boolean inProgress(Task t) {
        return t.actualStart() != null && t.actualFinish() == null;
    }

    /** The working minutes a started task has done: its percent complete of its duration (MS Project's actual duration). */
    public static long doneMinutes(Task t, long duration, WorkTime wt) {
        if (t.percentComplete() <= 0 && t.remainingDuration() != null && !t.remainingDuration().isPercent()) {
            return Math.max(0, duration - Math.max(0, t.remainingDuration().minutes(wt)));
        }
        return Math.round(duration * Math.min(100, Math.max(0, t.percentComplete())) / 100.0);
    }

    /**
     * The working minutes left of a started task: its remaining duration as reported, else what its percent
     * complete leaves of its duration. As in MS Project, its duration becomes actual plus remaining.
     */
    public static long remainingMinutes(Task t, long duration, WorkTime wt) {
        Duration r = t.remainingDuration();
        if (r != null && !r.isPercent() && !r.isElapsed()) {
            return Math.max(0, r.minutes(wt));
        }
        return Math.max(0, duration - doneMinutes(t, duration, wt));
    }

}
