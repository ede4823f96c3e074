package io.planwright.core.calendar;

import io.planwright.core.model.CalendarException;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar compiled for arithmetic on working time. Times are clock minutes since 1970-01-01T00:00
 * (local time, no zone). The working-minute ordinal of a time is the number of working minutes
 * between a fixed anchor day and that time (negative before the anchor), so ordinals stay valid
 * while the table grows in either direction.
 *
 * <p>Two conventions from Microsoft Project: a finish lies at the end of a working minute
 * ({@link #finishOf}: Friday 17:00 rather than Monday 08:00), a start at the beginning of one
 * ({@link #startOf}: Monday 08:00).
 *
 * <p>Thread-safe: the table grows on demand under a lock, and readers see immutable snapshots, so
 * one compiled calendar serves any number of scheduling runs at once.
 */
public final class WorkingTime {

    /** Guard against calendars that never work: stop looking after this many days without work. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366 * 5;
    private static final int BUCKET_SHIFT = 6;
    private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final String calendarId;
    private final DayRule rule;
    private final long anchorDay;

    /** The current table; replaced (never changed) when it grows, so readers need no lock. */
    private volatile Table table;

    /**
     * An immutable snapshot: days [firstDay, firstDay + dayCount), the distinct day patterns (the
     * working days of this calendar by their hours) flattened into arrays.
     */
    private static final class Table {
        final long firstDay;
        final int dayCount;
        final int[] dayPattern;
        /** cum[i] = ordinal at the start of day firstDay + i; dayCount + 1 entries. */
        final long[] cum;
        /** The days that have work, in order: their index in the table, and the ordinal at their start (one more entry at the end). */
        final int[] workDay;
        final long[] workCum;
        /** bucket[b] = the working day (an index into workDay) that holds ordinal workCum[0] + (b << BUCKET_SHIFT), or the one before it. */
        final int[] bucket;
        /** The work of every working day when they are all alike (holidays aside), else 0: then no search is needed. */
        final int uniformWork;
        /** When every working day has the same hours: where their minutes start in startMinute, else -1. */
        final int uniformOffset;
        /** The clock minute at which each working day begins (midnight). */
        final long[] workDayClock;
        final int[] patternWork;
        /** Per pattern, 1441 entries: working minutes in [0, m) of the day. */
        final short[] before;
        /** Per pattern, one entry per working minute: the minute of day at which it begins. */
        final short[] startMinute;
        final int[] startMinuteOffset;

        Table(long firstDay, int dayCount, int[] dayPattern, long[] cum, int[] workDay, long[] workCum, int[] bucket, Patterns p) {
            this.firstDay = firstDay;
            this.dayCount = dayCount;
            this.dayPattern = dayPattern;
            this.cum = cum;
            this.workDay = workDay;
            this.workCum = workCum;
            this.bucket = bucket;
            int uniform = -1;
            for (int i = 0; i < workDay.length && uniform != 0; i++) {
                int w = p.work[dayPattern[workDay[i]]];
                uniform = uniform < 0 || uniform == w ? w : 0;
            }
            this.uniformWork = Math.max(uniform, 0);
            int pattern = workDay.length == 0 ? -1 : dayPattern[workDay[0]];
            for (int i = 1; i < workDay.length && pattern >= 0; i++) {
                if (dayPattern[workDay[i]] != pattern) {
                    pattern = -1;
                }
            }
            this.uniformOffset = pattern < 0 ? -1 : p.startMinuteOffset[pattern];
            this.workDayClock = new long[workDay.length];
            for (int j = 0; j < workDay.length; j++) {
                workDayClock[j] = (firstDay + workDay[j]) * 1440;
            }
            this.patternWork = Arrays.copyOf(p.work, p.count);
            this.before = Arrays.copyOf(p.before, p.count * 1441);
            this.startMinute = Arrays.copyOf(p.startMinute, p.startMinuteLength);
            this.startMinuteOffset = Arrays.copyOf(p.startMinuteOffset, p.count);
        }
    }

    /** The distinct working days met so far; only touched under the lock while growing. */
    private static final class Patterns {
        final Map<List<TimeRange>, Integer> index = new HashMap<>();
        int count;
        int[] work = new int[4];
        short[] before = new short[4 * 1441];
        short[] startMinute = new short[4 * 480];
        int startMinuteLength;
        int[] startMinuteOffset = new int[4];

        int of(List<TimeRange> hours) {
            Integer existing = index.get(hours);
            if (existing != null) {
                return existing;
            }
            int p = count++;
            if (p >= work.length) {
                work = Arrays.copyOf(work, p * 2);
                startMinuteOffset = Arrays.copyOf(startMinuteOffset, p * 2);
                before = Arrays.copyOf(before, p * 2 * 1441);
            }
            int minutes = 0;
            for (TimeRange r : hours) {
                minutes += r.minutes();
            }
            work[p] = minutes;
            if (startMinuteLength + minutes > startMinute.length) {
                startMinute = Arrays.copyOf(startMinute, Math.max(startMinute.length * 2, startMinuteLength + minutes));
            }
            startMinuteOffset[p] = startMinuteLength;
            boolean[] working = new boolean[1440];
            for (TimeRange r : hours) {
                Arrays.fill(working, r.from(), r.to(), true);
            }
            int c = 0;
            for (int m = 0; m < 1440; m++) {
                before[p * 1441 + m] = (short) c;
                if (working[m]) {
                    startMinute[startMinuteLength + c] = (short) m;
                    c++;
                }
            }
            before[p * 1441 + 1440] = (short) c;
            startMinuteLength += minutes;
            index.put(List.copyOf(hours), p);
            return p;
        }
    }

    private final Patterns patterns = new Patterns();

    private WorkingTime(String calendarId, DayRule rule, LocalDate anchor) {
        this.calendarId = calendarId;
        this.rule = rule;
        this.anchorDay = anchor.toEpochDay();
        synchronized (this) {
            table = build(anchorDay - 370, 370 + 3 * 366);
        }
    }

    /**
     * Compiles a calendar, resolving its base calendars through {@code byId}.
     *
     * @param anchor the day whose start is ordinal 0 (usually the plan start)
     * @throws IllegalArgumentException if the base chain loops or names a missing calendar
     */
    public static WorkingTime compile(WorkCalendar calendar, Map<String, WorkCalendar> byId, LocalDate anchor) {
        return new WorkingTime(calendar.id(), DayRule.resolve(calendar, byId), anchor);
    }

    public static WorkingTime compile(WorkCalendar calendar, LocalDate anchor) {
        return compile(calendar, Map.of(calendar.id(), calendar), anchor);
    }

    public String calendarId() {
        return calendarId;
    }

    // ---------------------------------------------------------------- conversions

    public static long minutes(LocalDateTime time) {
        return Math.floorDiv(time.toEpochSecond(ZoneOffset.UTC), 60);
    }

    public static LocalDateTime dateTime(long minutes) {
        return LocalDateTime.ofEpochSecond(minutes * 60, 0, ZoneOffset.UTC);
    }

    /** Working minutes from the anchor to {@code t} (negative before the anchor). */
    public long ordinal(long t) {
        long day = Math.floorDiv(t, 1440);
        Table tb = table;
        long idx = day - tb.firstDay;
        if (idx < 0 || idx >= tb.dayCount) {
            tb = ensureDay(day);
            idx = day - tb.firstDay;
        }
        int i = (int) idx;
        int m = (int) (t - day * 1440);
        return tb.cum[i] + tb.before[tb.dayPattern[i] * 1441 + m];
    }

    /** The time at which working minute {@code w} begins: after any non-working time. */
    public long startOf(long w) {
        Table tb = tableFor(w);
        if (tb.uniformOffset >= 0) {
            long rel = w - tb.workCum[0];
            int j = (int) (rel / tb.uniformWork);
            return tb.workDayClock[j] + tb.startMinute[tb.uniformOffset + (int) (rel - (long) j * tb.uniformWork)];
        }
        int j = workingDayHolding(tb, w);
        int i = tb.workDay[j];
        return tb.workDayClock[j] + tb.startMinute[tb.startMinuteOffset[tb.dayPattern[i]] + (int) (w - tb.workCum[j])];
    }

    /** The time at which working minute {@code w - 1} ends: before any non-working time. */
    public long finishOf(long w) {
        Table tb = tableFor(w - 1);
        if (tb.uniformOffset >= 0) {
            long rel = w - 1 - tb.workCum[0];
            int j = (int) (rel / tb.uniformWork);
            return tb.workDayClock[j] + tb.startMinute[tb.uniformOffset + (int) (rel - (long) j * tb.uniformWork)] + 1;
        }
        int j = workingDayHolding(tb, w - 1);
        int i = tb.workDay[j];
        return tb.workDayClock[j] + tb.startMinute[tb.startMinuteOffset[tb.dayPattern[i]] + (int) (w - 1 - tb.workCum[j])] + 1;
    }

    /** Moves a time forward to the start of the next working period, if it is not in working time. */
    public long nextWorkStart(long t) {
        return startOf(ordinal(t));
    }

    /** Moves a time back to the end of the previous working period, if it is not in working time. */
    public long previousWorkFinish(long t) {
        return finishOf(ordinal(t));
    }

    /** True if {@code t} is the end of a working period (such as 17:00 on a working day). */
    public boolean isWorkFinish(long t) {
        return previousWorkFinish(t) == t && nextWorkStart(t) != t;
    }

    /** Working minutes between two times (negative if {@code to} is before {@code from}). */
    public long workBetween(long from, long to) {
        return ordinal(to) - ordinal(from);
    }

    /** Working minutes on one date. */
    public int workOn(LocalDate date) {
        long day = date.toEpochDay();
        Table tb = ensureDay(day);
        return tb.patternWork[tb.dayPattern[(int) (day - tb.firstDay)]];
    }

    /** The table, grown if needed so that it holds working minute {@code w}. */
    private Table tableFor(long w) {
        Table tb = table;
        if (w < tb.cum[0] || w >= tb.cum[tb.dayCount] || tb.workDay.length == 0) {
            tb = ensureOrdinal(w);
        }
        return tb;
    }

    /** The working day (index into workDay) holding working minute {@code w}: workCum[j] <= w < workCum[j + 1]. */
    private static int workingDayHolding(Table tb, long w) {
        long[] workCum = tb.workCum;
        if (tb.uniformWork > 0) {
            return (int) ((w - workCum[0]) / tb.uniformWork);
        }
        int j = tb.bucket[(int) ((w - workCum[0]) >>> BUCKET_SHIFT)];
        while (workCum[j + 1] <= w) {
            j++;
        }
        return j;
    }

    // ---------------------------------------------------------------- table

    private synchronized Table ensureDay(long day) {
        if (day < MIN_DAY || day > MAX_DAY) {
            throw new CalendarRangeException(calendarId, "the date lies outside the years 1 to 9999");
        }
        Table tb = table;
        long lo = tb.firstDay;
        long hi = tb.firstDay + tb.dayCount;
        while (day < lo) {
            lo = Math.max(MIN_DAY, lo - Math.max(366, (hi - lo)));
        }
        while (day >= hi) {
            hi = Math.min(MAX_DAY + 1, hi + Math.max(366, (hi - lo)));
        }
        if (lo != tb.firstDay || hi != tb.firstDay + tb.dayCount) {
            tb = build(lo, (int) (hi - lo));
            table = tb;
        }
        return tb;
    }

    private synchronized Table ensureOrdinal(long w) {
        Table tb = table;
        while (w < tb.cum[0]) {
            long oldFirst = tb.firstDay;
            tb = ensureDay(tb.firstDay - 1);
            if (tb.firstDay == oldFirst || worklessDaysAtStart(tb) > MAX_DAYS_WITHOUT_WORK && w < tb.cum[0]) {
                throw new CalendarRangeException(calendarId, "it has no working time early enough");
            }
        }
        while (w >= tb.cum[tb.dayCount]) {
            long oldEnd = tb.firstDay + tb.dayCount;
            tb = ensureDay(tb.firstDay + tb.dayCount);
            if (tb.firstDay + tb.dayCount == oldEnd || worklessDaysAtEnd(tb) > MAX_DAYS_WITHOUT_WORK && w >= tb.cum[tb.dayCount]) {
                throw new CalendarRangeException(calendarId, "it has no working time late enough");
            }
        }
        return tb;
    }

    private static int worklessDaysAtStart(Table tb) {
        int n = 0;
        while (n < tb.dayCount && tb.patternWork[tb.dayPattern[n]] == 0) {
            n++;
        }
        return n;
    }

    private static int worklessDaysAtEnd(Table tb) {
        int n = 0;
        while (n < tb.dayCount && tb.patternWork[tb.dayPattern[tb.dayCount - 1 - n]] == 0) {
            n++;
        }
        return n;
    }

    /** Builds a table for the given days; the caller holds the lock. */
    private Table build(long newFirstDay, int newDayCount) {
        int[] pat = new int[newDayCount];
        for (int i = 0; i < newDayCount; i++) {
            pat[i] = patterns.of(rule.hours(LocalDate.ofEpochDay(newFirstDay + i)));
        }
        long[] c = new long[newDayCount + 1];
        for (int i = 0; i < newDayCount; i++) {
            c[i + 1] = c[i] + patterns.work[pat[i]];
        }
        // ordinal 0 at the start of the anchor day, wherever the table begins
        long anchorOffset;
        if (anchorDay < newFirstDay) {
            long work = 0;
            for (long d = anchorDay; d < newFirstDay; d++) {
                work += patterns.work[patterns.of(rule.hours(LocalDate.ofEpochDay(d)))];
            }
            anchorOffset = -work;
        } else if (anchorDay >= newFirstDay + newDayCount) {
            long work = 0;
            for (long d = newFirstDay + newDayCount; d < anchorDay; d++) {
                work += patterns.work[patterns.of(rule.hours(LocalDate.ofEpochDay(d)))];
            }
            anchorOffset = c[newDayCount] + work;
        } else {
            anchorOffset = c[(int) (anchorDay - newFirstDay)];
        }
        for (int i = 0; i <= newDayCount; i++) {
            c[i] -= anchorOffset;
        }
        int workDays = 0;
        for (int i = 0; i < newDayCount; i++) {
            if (patterns.work[pat[i]] > 0) {
                workDays++;
            }
        }
        int[] workDay = new int[workDays];
        long[] workCum = new long[workDays + 1];
        int j = 0;
        for (int i = 0; i < newDayCount; i++) {
            if (patterns.work[pat[i]] > 0) {
                workDay[j] = i;
                workCum[j] = c[i];
                j++;
            }
        }
        workCum[workDays] = c[newDayCount];
        long total = c[newDayCount] - c[0];
        int[] b = new int[(int) (total >>> BUCKET_SHIFT) + 2];
        int day = 0;
        for (int k = 0; k < b.length; k++) {
            long w = c[0] + ((long) k << BUCKET_SHIFT);
            while (day < workDays - 1 && workCum[day + 1] <= w) {
                day++;
            }
            b[k] = day;
        }
        return new Table(newFirstDay, newDayCount, pat, c, workDay, workCum, b, patterns);
    }

    /** The working hours of each date, with the base calendars and exceptions resolved. */
    static final class DayRule {
        private final List<TimeRange>[] week;
        private final List<CalendarException> exceptions;

        /** Exceptions by day (the first one listed wins), and the rare ones spanning years. */
        private final Map<Long, List<TimeRange>> exceptionDays = new HashMap<>();
        private final List<CalendarException> longExceptions = new ArrayList<>();

        private DayRule(List<TimeRange>[] week, List<CalendarException> exceptions) {
            this.week = week;
            this.exceptions = exceptions;
            for (CalendarException e : exceptions) {
                long from = e.from().toEpochDay();
                long to = e.to().toEpochDay();
                if (to - from > 3660) {
                    longExceptions.add(e);
                    continue;
                }
                for (long d = from; d <= to; d++) {
                    // an earlier exception wins: a long one listed before this one is found by hours()
                    LocalDate date = LocalDate.ofEpochDay(d);
                    if (longExceptions.stream().noneMatch(x -> x.covers(date))) {
                        exceptionDays.putIfAbsent(d, e.hours());
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        static DayRule resolve(WorkCalendar calendar, Map<String, WorkCalendar> byId) {
            List<WorkCalendar> chain = new ArrayList<>();
            WorkCalendar c = calendar;
            while (c != null) {
                if (chain.contains(c)) {
                    throw new IllegalArgumentException("calendar '" + calendar.id() + "' is based on itself");
                }
                chain.add(c);
                if (c.baseId() == null) {
                    break;
                }
                WorkCalendar base = byId.get(c.baseId());
                if (base == null) {
                    throw new IllegalArgumentException("calendar '" + c.id() + "' is based on unknown calendar '" + c.baseId() + "'");
                }
                c = base;
            }
            List<TimeRange>[] week = new List[7];
            List<CalendarException> exceptions = new ArrayList<>();
            // most derived first: its weekdays and exceptions win
            for (WorkCalendar link : chain) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (week[day.ordinal()] == null && link.week().containsKey(day)) {
                        week[day.ordinal()] = normalise(link.week().get(day));
                    }
                }
                for (CalendarException e : link.exceptions()) {
                    exceptions.add(new CalendarException(e.name(), e.from(), e.to(), normalise(e.hours())));
                }
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                if (week[day.ordinal()] == null) {
                    boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
                    week[day.ordinal()] = weekend ? List.of() : WorkCalendar.STANDARD_DAY;
                }
            }
            return new DayRule(week, exceptions);
        }

        private static List<TimeRange> normalise(List<TimeRange> ranges) {
            List<TimeRange> sorted = new ArrayList<>(ranges);
            sorted.sort(null);
            List<TimeRange> merged = new ArrayList<>();
            for (TimeRange r : sorted) {
                if (!merged.isEmpty() && merged.get(merged.size() - 1).to() >= r.from()) {
                    TimeRange last = merged.remove(merged.size() - 1);
                    merged.add(new TimeRange(last.from(), Math.max(last.to(), r.to())));
                } else {
                    merged.add(r);
                }
            }
            return List.copyOf(merged);
        }

        List<TimeRange> hours(LocalDate date) {
            List<TimeRange> byDate = exceptionDays.get(date.toEpochDay());
            if (byDate != null) {
                return byDate;
            }
            for (CalendarException e : longExceptions) {
                if (e.covers(date)) {
                    return e.hours();
                }
            }
            return week[date.getDayOfWeek().ordinal()];
        }
    }
}
