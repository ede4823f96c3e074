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
 * <p>Not thread-safe: it grows its table on demand. Use one per scheduling run, or {@link #copy()}.
 */
public final class WorkingTime {

    /** Guard against calendars that never work: stop looking after this many days without work. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366 * 5;
    private static final int BUCKET_SHIFT = 7;
    private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final String calendarId;
    private final DayRule rule;
    private final long anchorDay;

    // Day patterns: the distinct working days of this calendar (by their hours).
    private final Map<List<TimeRange>, Integer> patternIndex = new HashMap<>();
    private int patternCount;
    private int[] patternWork = new int[4];
    /** Per pattern, 1441 entries: working minutes in [0, m) of the day. Flattened. */
    private short[] before = new short[0];
    /** Per pattern, one entry per working minute: the minute of day at which it begins. Flattened. */
    private short[] startMinute = new short[0];
    private int[] startMinuteOffset = new int[4];

    // The table: days [firstDay, firstDay + dayCount).
    private long firstDay;
    private int dayCount;
    private int[] dayPattern;
    /** cum[i] = ordinal at the start of day firstDay + i; dayCount + 1 entries. */
    private long[] cum;
    /** bucket[b] = first day index whose working minutes reach ordinal cum[0] + (b << BUCKET_SHIFT). */
    private int[] bucket;

    private WorkingTime(String calendarId, DayRule rule, LocalDate anchor) {
        this.calendarId = calendarId;
        this.rule = rule;
        this.anchorDay = anchor.toEpochDay();
        build(anchorDay - 370, 370 + 3 * 366);
    }

    private WorkingTime(WorkingTime other) {
        this.calendarId = other.calendarId;
        this.rule = other.rule;
        this.anchorDay = other.anchorDay;
        this.patternIndex.putAll(other.patternIndex);
        this.patternCount = other.patternCount;
        this.patternWork = other.patternWork.clone();
        this.before = other.before.clone();
        this.startMinute = other.startMinute.clone();
        this.startMinuteOffset = other.startMinuteOffset.clone();
        this.firstDay = other.firstDay;
        this.dayCount = other.dayCount;
        this.dayPattern = other.dayPattern.clone();
        this.cum = other.cum.clone();
        this.bucket = other.bucket.clone();
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

    /** An independent copy with its own table, for use on another thread. */
    public WorkingTime copy() {
        return new WorkingTime(this);
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
        long idx = day - firstDay;
        if (idx < 0 || idx >= dayCount) {
            ensureDay(day);
            idx = day - firstDay;
        }
        int i = (int) idx;
        int m = (int) (t - day * 1440);
        return cum[i] + before[dayPattern[i] * 1441 + m];
    }

    /** The time at which working minute {@code w} begins: after any non-working time. */
    public long startOf(long w) {
        int i = dayStarting(w);
        int p = dayPattern[i];
        return (firstDay + i) * 1440 + startMinute[startMinuteOffset[p] + (int) (w - cum[i])];
    }

    /** The time at which working minute {@code w - 1} ends: before any non-working time. */
    public long finishOf(long w) {
        int i = dayStarting(w - 1);
        int p = dayPattern[i];
        return (firstDay + i) * 1440 + startMinute[startMinuteOffset[p] + (int) (w - 1 - cum[i])] + 1;
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
        ensureDay(day);
        return patternWork[dayPattern[(int) (day - firstDay)]];
    }

    /** Index of the day holding working minute {@code w}, i.e. cum[i] <= w < cum[i + 1]. */
    private int dayStarting(long w) {
        if (w < cum[0] || w >= cum[dayCount]) {
            ensureOrdinal(w);
        }
        int i = bucket[(int) ((w - cum[0]) >>> BUCKET_SHIFT)];
        while (cum[i + 1] <= w) {
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------- table

    private void ensureDay(long day) {
        if (day < MIN_DAY || day > MAX_DAY) {
            throw new CalendarRangeException(calendarId, "the date lies outside the years 1 to 9999");
        }
        long lo = firstDay;
        long hi = firstDay + dayCount;
        while (day < lo) {
            lo = Math.max(MIN_DAY, lo - Math.max(366, (hi - lo)));
        }
        while (day >= hi) {
            hi = Math.min(MAX_DAY + 1, hi + Math.max(366, (hi - lo)));
        }
        if (lo != firstDay || hi != firstDay + dayCount) {
            build(lo, (int) (hi - lo));
        }
    }

    private void ensureOrdinal(long w) {
        while (w < cum[0]) {
            long oldFirst = firstDay;
            ensureDay(firstDay - 1);
            if (firstDay == oldFirst || countWorklessDaysAtStart() > MAX_DAYS_WITHOUT_WORK && w < cum[0]) {
                throw new CalendarRangeException(calendarId, "it has no working time early enough");
            }
        }
        while (w >= cum[dayCount]) {
            long oldEnd = firstDay + dayCount;
            ensureDay(firstDay + dayCount);
            if (firstDay + dayCount == oldEnd || countWorklessDaysAtEnd() > MAX_DAYS_WITHOUT_WORK && w >= cum[dayCount]) {
                throw new CalendarRangeException(calendarId, "it has no working time late enough");
            }
        }
    }

    private int countWorklessDaysAtStart() {
        int n = 0;
        while (n < dayCount && patternWork[dayPattern[n]] == 0) {
            n++;
        }
        return n;
    }

    private int countWorklessDaysAtEnd() {
        int n = 0;
        while (n < dayCount && patternWork[dayPattern[dayCount - 1 - n]] == 0) {
            n++;
        }
        return n;
    }

    private void build(long newFirstDay, int newDayCount) {
        int[] pat = new int[newDayCount];
        for (int i = 0; i < newDayCount; i++) {
            pat[i] = pattern(rule.hours(LocalDate.ofEpochDay(newFirstDay + i)));
        }
        long[] c = new long[newDayCount + 1];
        for (int i = 0; i < newDayCount; i++) {
            c[i + 1] = c[i] + patternWork[pat[i]];
        }
        // re-anchor: ordinal 0 at the start of the anchor day
        long anchorOffset;
        if (anchorDay < newFirstDay) {
            // anchor before the table: count work from the anchor to the table start
            long work = 0;
            for (long d = anchorDay; d < newFirstDay; d++) {
                work += patternWork[pattern(rule.hours(LocalDate.ofEpochDay(d)))];
            }
            anchorOffset = -work;
        } else if (anchorDay >= newFirstDay + newDayCount) {
            long work = 0;
            for (long d = newFirstDay + newDayCount; d < anchorDay; d++) {
                work += patternWork[pattern(rule.hours(LocalDate.ofEpochDay(d)))];
            }
            anchorOffset = c[newDayCount] + work;
        } else {
            anchorOffset = c[(int) (anchorDay - newFirstDay)];
        }
        for (int i = 0; i <= newDayCount; i++) {
            c[i] -= anchorOffset;
        }
        long total = c[newDayCount] - c[0];
        int[] b = new int[(int) (total >>> BUCKET_SHIFT) + 2];
        int day = 0;
        for (int k = 0; k < b.length; k++) {
            long w = c[0] + ((long) k << BUCKET_SHIFT);
            while (day < newDayCount - 1 && c[day + 1] <= w) {
                day++;
            }
            b[k] = day;
        }
        this.firstDay = newFirstDay;
        this.dayCount = newDayCount;
        this.dayPattern = pat;
        this.cum = c;
        this.bucket = b;
    }

    private int pattern(List<TimeRange> hours) {
        Integer existing = patternIndex.get(hours);
        if (existing != null) {
            return existing;
        }
        int p = patternCount++;
        if (p >= patternWork.length) {
            patternWork = Arrays.copyOf(patternWork, p * 2);
            startMinuteOffset = Arrays.copyOf(startMinuteOffset, p * 2);
        }
        int work = 0;
        for (TimeRange r : hours) {
            work += r.minutes();
        }
        patternWork[p] = work;
        short[] bf = Arrays.copyOf(before, (p + 1) * 1441);
        short[] sm = Arrays.copyOf(startMinute, startMinute.length + work);
        startMinuteOffset[p] = startMinute.length;
        boolean[] working = new boolean[1440];
        for (TimeRange r : hours) {
            Arrays.fill(working, r.from(), r.to(), true);
        }
        int count = 0;
        for (int m = 0; m < 1440; m++) {
            bf[p * 1441 + m] = (short) count;
            if (working[m]) {
                sm[startMinute.length + count] = (short) m;
                count++;
            }
        }
        bf[p * 1441 + 1440] = (short) count;
        before = bf;
        startMinute = sm;
        patternIndex.put(List.copyOf(hours), p);
        return p;
    }

    /** The working hours of each date, with the base calendars and exceptions resolved. */
    static final class DayRule {
        private final List<TimeRange>[] week;
        private final List<CalendarException> exceptions;

        @SuppressWarnings("unchecked")
        private DayRule(List<TimeRange>[] week, List<CalendarException> exceptions) {
            this.week = week;
            this.exceptions = exceptions;
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
            for (CalendarException e : exceptions) {
                if (e.covers(date)) {
                    return e.hours();
                }
            }
            return week[date.getDayOfWeek().ordinal()];
        }
    }
}
