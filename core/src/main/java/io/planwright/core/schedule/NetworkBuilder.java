package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.LinkType;

import java.util.Arrays;

/**
 * Builds a {@link ScheduleNetwork} directly from task numbers, for generated networks and for the
 * compiler. Tasks are added in WBS order (a parent before its children); links may be added in any
 * order.
 */
public final class NetworkBuilder {

    private int n;
    private String[] ids;
    private int[] parent;
    private byte[] flags;
    private long[] duration;
    private int[] calendar;
    private byte[] constraint;
    private long[] constraintDate;
    private long[] deadline;
    private long[] fixedStart;
    private long[] fixedFinish;

    private int m;
    private int[] linkSucc;
    private int[] linkPred;
    private byte[] linkType;
    private long[] linkLag;
    private byte[] linkLagKind;

    private final java.util.List<long[]> spans = new java.util.ArrayList<>();
    private long[] pause;

    private final WorkingTime[] calendars;
    private final long start;
    private long finish = ScheduleNetwork.NONE;
    private boolean backward;

    /**
     * @param calendars the compiled calendars tasks refer to by index; index 0 is the default
     * @param start     the plan start, in clock minutes
     */
    public NetworkBuilder(WorkingTime[] calendars, long start, int expectedTasks, int expectedLinks) {
        this.calendars = calendars.clone();
        this.start = start;
        int t = Math.max(4, expectedTasks);
        int l = Math.max(4, expectedLinks);
        ids = new String[t];
        parent = new int[t];
        flags = new byte[t];
        duration = new long[t];
        calendar = new int[t];
        constraint = new byte[t];
        constraintDate = new long[t];
        deadline = new long[t];
        linkSucc = new int[l];
        linkPred = new int[l];
        linkType = new byte[l];
        linkLag = new long[l];
        linkLagKind = new byte[l];
    }

    /** Schedules backward from a required finish (retro-planning). */
    public NetworkBuilder backwardFrom(long requiredFinish) {
        this.backward = true;
        this.finish = requiredFinish;
        return this;
    }

    /**
     * A forward plan's target finish: a deadline of the whole plan. Late dates are bounded by it, so that
     * the tasks driving a finish past it show negative float, as a deadline does.
     */
    public NetworkBuilder targetFinish(long target) {
        if (!backward) {
            this.finish = target;
        }
        return this;
    }

    /**
     * Adds a task and returns its number.
     *
     * @param id             task id, or null for anonymous generated tasks
     * @param parentTask     number of the summary task, or -1
     * @param minutes        duration in working minutes (or clock minutes when elapsed)
     */
    public int addTask(String id, int parentTask, long minutes, boolean elapsed, boolean milestone, int calendarIndex) {
        if (parentTask >= n) {
            throw new IllegalArgumentException("a parent must be added before its children");
        }
        if (calendarIndex < 0 || calendarIndex >= calendars.length) {
            throw new IllegalArgumentException("no calendar " + calendarIndex);
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        if (n == ids.length) {
            growTasks();
        }
        int i = n++;
        ids[i] = id;
        parent[i] = parentTask;
        byte f = 0;
        if (elapsed) {
            f |= ScheduleNetwork.ELAPSED;
        }
        if (milestone) {
            f |= ScheduleNetwork.MILESTONE;
        }
        flags[i] = f;
        duration[i] = minutes;
        calendar[i] = calendarIndex;
        constraint[i] = ScheduleNetwork.ASAP;
        constraintDate[i] = ScheduleNetwork.NONE;
        deadline[i] = ScheduleNetwork.NONE;
        return i;
    }

    public int addTask(long minutes) {
        return addTask(null, -1, minutes, false, minutes == 0, 0);
    }

    public NetworkBuilder constraint(int task, ConstraintType type, long date) {
        constraint[task] = (byte) type.ordinal();
        constraintDate[task] = type.needsDate() ? date : ScheduleNetwork.NONE;
        return this;
    }

    public NetworkBuilder deadline(int task, long date) {
        deadline[task] = date;
        return this;
    }

    /** A manually scheduled task: it keeps these dates whatever its links say. */
    public NetworkBuilder manual(int task, long startMinutes, long finishMinutes) {
        ensureFixed();
        flags[task] |= ScheduleNetwork.MANUAL;
        fixedStart[task] = startMinutes;
        fixedFinish[task] = finishMinutes;
        return this;
    }

    /** Progress: the task started (and, if {@code actualFinish} is not NONE, finished) at these times. */
    public NetworkBuilder actual(int task, long actualStart, long actualFinish) {
        ensureFixed();
        if (actualStart != ScheduleNetwork.NONE) {
            flags[task] |= ScheduleNetwork.ACTUAL_START;
            fixedStart[task] = actualStart;
        }
        if (actualFinish != ScheduleNetwork.NONE) {
            flags[task] |= ScheduleNetwork.ACTUAL_FINISH;
            fixedFinish[task] = actualFinish;
        }
        return this;
    }

    private void ensureFixed() {
        if (fixedStart == null) {
            fixedStart = new long[ids.length];
            fixedFinish = new long[ids.length];
            Arrays.fill(fixedStart, ScheduleNetwork.NONE);
            Arrays.fill(fixedFinish, ScheduleNetwork.NONE);
        }
    }

    /**
     * An assignment that runs on its resource's calendar: it lasts {@code minutes} of work time there.
     * A task with such assignments starts with the earliest of them and finishes with the latest.
     */
    public NetworkBuilder assignmentSpan(int task, int calendarIndex, long minutes) {
        if (task < 0 || task >= n || calendarIndex < 0 || calendarIndex >= calendars.length || minutes < 0) {
            throw new IllegalArgumentException("bad assignment span for task " + task);
        }
        spans.add(new long[] {task, calendarIndex, minutes});
        return this;
    }

    /** A split task: its work pauses for this many working minutes in all, which its span grows by. */
    public NetworkBuilder pause(int task, long minutes) {
        if (task < 0 || task >= n || minutes < 0) {
            throw new IllegalArgumentException("bad pause for task " + task);
        }
        if (pause == null) {
            pause = new long[Math.max(ids.length, n)];
        } else if (pause.length < n) {
            pause = Arrays.copyOf(pause, ids.length);
        }
        pause[task] = minutes;
        return this;
    }

    /** A link with a lag in working minutes of the successor's calendar. */
    public NetworkBuilder link(int predecessor, int successor, LinkType type, long lagMinutes) {
        return link(predecessor, successor, type, lagMinutes, ScheduleNetwork.LAG_WORK);
    }

    public NetworkBuilder elapsedLink(int predecessor, int successor, LinkType type, long lagClockMinutes) {
        return link(predecessor, successor, type, lagClockMinutes, ScheduleNetwork.LAG_ELAPSED);
    }

    /** A link whose lag is a share of the predecessor's duration, in percent (may be negative). */
    public NetworkBuilder percentLink(int predecessor, int successor, LinkType type, double percent) {
        return link(predecessor, successor, type, Math.round(percent * 100), ScheduleNetwork.LAG_PERCENT);
    }

    private NetworkBuilder link(int predecessor, int successor, LinkType type, long lag, byte kind) {
        if (predecessor < 0 || predecessor >= n || successor < 0 || successor >= n) {
            throw new IllegalArgumentException("link between unknown tasks " + predecessor + " -> " + successor);
        }
        if (m == linkSucc.length) {
            growLinks();
        }
        linkSucc[m] = successor;
        linkPred[m] = predecessor;
        linkType[m] = (byte) type.ordinal();
        linkLag[m] = lag;
        linkLagKind[m] = kind;
        m++;
        return this;
    }

    public int taskCount() {
        return n;
    }

    public ScheduleNetwork build() {
        // group links by successor (stable counting sort)
        int[] offset = new int[n + 1];
        for (int k = 0; k < m; k++) {
            offset[linkSucc[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offset[i + 1] += offset[i];
        }
        int[] pos = Arrays.copyOf(offset, n);
        int[] pred = new int[m];
        byte[] type = new byte[m];
        long[] lag = new long[m];
        byte[] kind = new byte[m];
        int[] order = anySummary() ? new int[m] : null;
        for (int k = 0; k < m; k++) {
            int at = pos[linkSucc[k]]++;
            if (order != null) {
                order[at] = k;
            }
            pred[at] = linkPred[k];
            type[at] = linkType[k];
            lag[at] = linkLag[k];
            kind[at] = linkLagKind[k];
        }
        int[] spanOffset = null;
        int[] spanCalendar = null;
        long[] spanMinutes = null;
        if (!spans.isEmpty()) {
            spanOffset = new int[n + 1];
            for (long[] sp : spans) {
                spanOffset[(int) sp[0] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                spanOffset[i + 1] += spanOffset[i];
            }
            int[] at = Arrays.copyOf(spanOffset, n);
            spanCalendar = new int[spans.size()];
            spanMinutes = new long[spans.size()];
            for (long[] sp : spans) {
                int k = at[(int) sp[0]]++;
                spanCalendar[k] = (int) sp[1];
                spanMinutes[k] = sp[2];
            }
        }
        boolean anonymous = true;
        for (int i = 0; i < n && anonymous; i++) {
            anonymous = ids[i] == null;
        }
        return new ScheduleNetwork(n, anonymous ? null : Arrays.copyOf(ids, n), Arrays.copyOf(parent, n), Arrays.copyOf(flags, n),
                Arrays.copyOf(duration, n), Arrays.copyOf(calendar, n), Arrays.copyOf(constraint, n),
                Arrays.copyOf(constraintDate, n), Arrays.copyOf(deadline, n),
                fixedStart == null ? null : Arrays.copyOf(fixedStart, n), fixedFinish == null ? null : Arrays.copyOf(fixedFinish, n),
                offset, pred, type, lag, kind, calendars, start, finish, backward, spanOffset, spanCalendar, spanMinutes,
                pause == null ? null : Arrays.copyOf(pause, n), order);
    }

    private boolean anySummary() {
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                return true;
            }
        }
        return false;
    }

    private void growTasks() {
        int c = ids.length * 2;
        ids = Arrays.copyOf(ids, c);
        parent = Arrays.copyOf(parent, c);
        flags = Arrays.copyOf(flags, c);
        duration = Arrays.copyOf(duration, c);
        calendar = Arrays.copyOf(calendar, c);
        constraint = Arrays.copyOf(constraint, c);
        constraintDate = Arrays.copyOf(constraintDate, c);
        deadline = Arrays.copyOf(deadline, c);
        if (fixedStart != null) {
            int old = fixedStart.length;
            fixedStart = Arrays.copyOf(fixedStart, c);
            fixedFinish = Arrays.copyOf(fixedFinish, c);
            Arrays.fill(fixedStart, old, c, ScheduleNetwork.NONE);
            Arrays.fill(fixedFinish, old, c, ScheduleNetwork.NONE);
        }
    }

    private void growLinks() {
        int c = linkSucc.length * 2;
        linkSucc = Arrays.copyOf(linkSucc, c);
        linkPred = Arrays.copyOf(linkPred, c);
        linkType = Arrays.copyOf(linkType, c);
        linkLag = Arrays.copyOf(linkLag, c);
        linkLagKind = Arrays.copyOf(linkLagKind, c);
    }
}
