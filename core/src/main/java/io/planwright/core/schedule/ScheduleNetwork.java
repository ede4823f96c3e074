package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;

/**
 * A plan compiled for the engines: compact arrays indexed by task number, dates as clock minutes
 * (see {@link WorkingTime#minutes}), durations and lags as minutes. Built once from the model by
 * {@link PlanCompiler}, or directly by {@link NetworkBuilder} for generated networks. Immutable.
 *
 * <p>Links are stored by successor (compressed rows): the links of task {@code s} are
 * {@code predOffset[s] .. predOffset[s + 1] - 1}.
 */
public final class ScheduleNetwork {

    public static final long NONE = Long.MIN_VALUE;

    // task flags
    static final int SUMMARY = 1;
    static final int MILESTONE = 2;
    static final int ELAPSED = 4;
    static final int MANUAL = 8;
    static final int ACTUAL_START = 16;
    static final int ACTUAL_FINISH = 32;

    // link lag kinds
    static final byte LAG_WORK = 0;
    static final byte LAG_ELAPSED = 1;
    /** Lag in hundredths of a percent of the predecessor's duration. */
    static final byte LAG_PERCENT = 2;

    // constraint codes (ConstraintType ordinals)
    static final byte ASAP = 0;
    static final byte ALAP = 1;
    static final byte SNET = 2;
    static final byte SNLT = 3;
    static final byte FNET = 4;
    static final byte FNLT = 5;
    static final byte MSO = 6;
    static final byte MFO = 7;

    final int n;
    final String[] ids;
    final int[] parent;
    final int[] firstChild;
    final int[] nextSibling;
    final byte[] flags;
    final long[] duration;
    final int[] calendar;
    final byte[] constraint;
    final long[] constraintDate;
    final long[] deadline;
    /** Manual start, or actual start; NONE when not fixed. Null when no task has one. */
    final long[] fixedStart;
    /** Manual finish, or actual finish; NONE when not fixed. Null when no task has one. */
    final long[] fixedFinish;

    final int[] predOffset;
    final int[] linkPred;
    final byte[] linkType;
    final long[] linkLag;
    final byte[] linkLagKind;
    /**
     * Where each link was declared among all links (for a network with summary tasks; null otherwise): a task's
     * links and those of the summaries above it are kept apart, and of links that allow the same start the one
     * declared first drives.
     */
    final int[] linkOrder;

    /**
     * Assignments that run on their resources' calendars (compressed rows by task, null when there are
     * none): each lasts its minutes on its calendar; such a task spans them all.
     */
    final int[] spanOffset;
    final int[] spanCalendar;
    final long[] spanMinutes;
    /** Working minutes a split task pauses, in all; null when no task is split. */
    final long[] pause;

    /** For a network renumbered into topological order: the original number of each task, and of each link. */
    final int[] originalTask;
    final int[] originalLink;

    final WorkingTime[] calendars;
    final long start;
    final long finish;
    final boolean backward;
    final boolean hasSummaries;

    ScheduleNetwork(int n, String[] ids, int[] parent, byte[] flags, long[] duration, int[] calendar, byte[] constraint,
                    long[] constraintDate, long[] deadline, long[] fixedStart, long[] fixedFinish, int[] predOffset,
                    int[] linkPred, byte[] linkType, long[] linkLag, byte[] linkLagKind, WorkingTime[] calendars,
                    long start, long finish, boolean backward, int[] spanOffset, int[] spanCalendar, long[] spanMinutes, long[] pause,
                    int[] linkOrder) {
        this(n, ids, parent, flags, duration, calendar, constraint, constraintDate, deadline, fixedStart, fixedFinish, predOffset,
                linkPred, linkType, linkLag, linkLagKind, calendars, start, finish, backward, spanOffset, spanCalendar, spanMinutes, pause,
                linkOrder, null, null);
    }

    private ScheduleNetwork(int n, String[] ids, int[] parent, byte[] flags, long[] duration, int[] calendar, byte[] constraint,
                            long[] constraintDate, long[] deadline, long[] fixedStart, long[] fixedFinish, int[] predOffset,
                            int[] linkPred, byte[] linkType, long[] linkLag, byte[] linkLagKind, WorkingTime[] calendars,
                            long start, long finish, boolean backward, int[] spanOffset, int[] spanCalendar, long[] spanMinutes,
                            long[] pause, int[] linkOrder, int[] originalTask, int[] originalLink) {
        this.pause = pause;
        this.linkOrder = linkOrder;
        this.spanOffset = spanOffset;
        this.spanCalendar = spanCalendar;
        this.spanMinutes = spanMinutes;
        this.originalTask = originalTask;
        this.originalLink = originalLink;
        this.n = n;
        this.ids = ids;
        this.parent = parent;
        this.flags = flags;
        this.duration = duration;
        this.calendar = calendar;
        this.constraint = constraint;
        this.constraintDate = constraintDate;
        this.deadline = deadline;
        this.fixedStart = fixedStart;
        this.fixedFinish = fixedFinish;
        this.predOffset = predOffset;
        this.linkPred = linkPred;
        this.linkType = linkType;
        this.linkLag = linkLag;
        this.linkLagKind = linkLagKind;
        this.calendars = calendars;
        this.start = start;
        this.finish = finish;
        this.backward = backward;
        this.firstChild = new int[n];
        this.nextSibling = new int[n];
        java.util.Arrays.fill(firstChild, -1);
        java.util.Arrays.fill(nextSibling, -1);
        boolean summaries = false;
        // link children in order: walk backwards so that prepending keeps WBS order
        for (int i = n - 1; i >= 0; i--) {
            int p = parent[i];
            if (p >= 0) {
                nextSibling[i] = firstChild[p];
                firstChild[p] = i;
                summaries = true;
            }
        }
        this.hasSummaries = summaries;
        for (int i = 0; i < n; i++) {
            if (firstChild[i] >= 0) {
                flags[i] |= SUMMARY;
            } else {
                flags[i] &= ~SUMMARY;
            }
        }
    }

    public int taskCount() {
        return n;
    }

    /** Each task's duration (working minutes, or clock minutes for elapsed ones), a copy. */
    public long[] durations() {
        return duration.clone();
    }

    /**
     * The same network with other durations (working minutes, or clock minutes for elapsed ones, per task
     * number; summaries' are ignored): work on resources' own calendars is scaled with the duration.
     */
    public ScheduleNetwork withDurations(long[] durations) {
        if (durations.length != n) {
            throw new IllegalArgumentException(durations.length + " durations for " + n + " tasks");
        }
        long[] spans = spanMinutes;
        if (spanOffset != null) {
            spans = spanMinutes.clone();
            for (int i = 0; i < n; i++) {
                if (duration[i] > 0 && durations[i] != duration[i]) {
                    for (int k = spanOffset[i]; k < spanOffset[i + 1]; k++) {
                        spans[k] = Math.round(spanMinutes[k] * (double) durations[i] / duration[i]);
                    }
                }
            }
        }
        return new ScheduleNetwork(n, ids, parent, flags, durations.clone(), calendar, constraint, constraintDate, deadline, fixedStart, fixedFinish,
                predOffset, linkPred, linkType, linkLag, linkLagKind, calendars, start, finish, backward, spanOffset, spanCalendar, spans, pause,
                linkOrder, originalTask, originalLink);
    }

    /**
     * The same network with tasks numbered in {@code sequence} (a topological order), so that the
     * passes walk memory forward instead of jumping: position {@code i} holds task {@code sequence[i]}.
     */
    ScheduleNetwork renumbered(int[] sequence) {
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[sequence[i]] = i;
        }
        String[] nIds = ids == null ? null : new String[n];
        int[] nParent = new int[n];
        byte[] nFlags = new byte[n];
        long[] nDuration = new long[n];
        int[] nCalendar = new int[n];
        byte[] nConstraint = new byte[n];
        long[] nConstraintDate = new long[n];
        long[] nDeadline = new long[n];
        long[] nFixedStart = fixedStart == null ? null : new long[n];
        long[] nFixedFinish = fixedFinish == null ? null : new long[n];
        int[] nOffset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int t = sequence[i];
            if (nIds != null) {
                nIds[i] = ids[t];
            }
            nParent[i] = parent[t] < 0 ? -1 : pos[parent[t]];
            nFlags[i] = flags[t];
            nDuration[i] = duration[t];
            nCalendar[i] = calendar[t];
            nConstraint[i] = constraint[t];
            nConstraintDate[i] = constraintDate[t];
            nDeadline[i] = deadline[t];
            if (nFixedStart != null) {
                nFixedStart[i] = fixedStart[t];
                nFixedFinish[i] = fixedFinish[t];
            }
            nOffset[i + 1] = nOffset[i] + predOffset[t + 1] - predOffset[t];
        }
        int m = predOffset[n];
        int[] nPred = new int[m];
        byte[] nType = new byte[m];
        long[] nLag = new long[m];
        byte[] nKind = new byte[m];
        int[] nOriginalLink = new int[m];
        int[] nLinkOrder = linkOrder == null ? null : new int[m];
        for (int i = 0; i < n; i++) {
            int t = sequence[i];
            int to = nOffset[i];
            for (int k = predOffset[t], end = predOffset[t + 1]; k < end; k++, to++) {
                nPred[to] = pos[linkPred[k]];
                nType[to] = linkType[k];
                nLag[to] = linkLag[k];
                nKind[to] = linkLagKind[k];
                nOriginalLink[to] = k;
                if (nLinkOrder != null) {
                    nLinkOrder[to] = linkOrder[k];
                }
            }
        }
        int[] nSpanOffset = null;
        int[] nSpanCalendar = null;
        long[] nSpanMinutes = null;
        if (spanOffset != null) {
            nSpanCalendar = new int[spanCalendar.length];
            nSpanMinutes = new long[spanMinutes.length];
            nSpanOffset = renumberedSpans(sequence, nSpanCalendar, nSpanMinutes);
        }
        return new ScheduleNetwork(n, nIds, nParent, nFlags, nDuration, nCalendar, nConstraint, nConstraintDate, nDeadline, nFixedStart,
                nFixedFinish, nOffset, nPred, nType, nLag, nKind, calendars, start, finish, backward, nSpanOffset, nSpanCalendar, nSpanMinutes,
                permute(pause, sequence), nLinkOrder, sequence.clone(), nOriginalLink);
    }

    /** The assignments' spans in the order of {@code sequence}: their calendars and minutes into the arrays given, the rows' offsets returned. */
    private int[] renumberedSpans(int[] sequence, int[] nSpanCalendar, long[] nSpanMinutes) {
        int[] nSpanOffset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int t = sequence[i];
            int at = nSpanOffset[i];
            for (int k = spanOffset[t]; k < spanOffset[t + 1]; k++, at++) {
                nSpanCalendar[at] = spanCalendar[k];
                nSpanMinutes[at] = spanMinutes[k];
            }
            nSpanOffset[i + 1] = at;
        }
        return nSpanOffset;
    }

    private static long[] permute(long[] values, int[] sequence) {
        if (values == null) {
            return null;
        }
        long[] out = new long[values.length];
        for (int i = 0; i < sequence.length; i++) {
            out[i] = values[sequence[i]];
        }
        return out;
    }

    public int linkCount() {
        return predOffset[n];
    }

    /** The task's id, or {@code #index} for generated networks without ids. */
    public String id(int task) {
        return ids == null ? "#" + task : ids[task];
    }

    public boolean isSummary(int task) {
        return (flags[task] & SUMMARY) != 0;
    }

    public boolean isMilestone(int task) {
        return (flags[task] & MILESTONE) != 0;
    }

    public int parent(int task) {
        return parent[task];
    }

    public long durationMinutes(int task) {
        return duration[task];
    }

    public boolean isElapsed(int task) {
        return (flags[task] & ELAPSED) != 0;
    }

    public WorkingTime calendarOf(int task) {
        return calendars[calendar[task]];
    }

    public long startMinutes() {
        return start;
    }

    public boolean isBackward() {
        return backward;
    }
}
