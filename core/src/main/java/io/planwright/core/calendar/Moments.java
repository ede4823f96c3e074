package io.planwright.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a moment of the plan is shown to people and written to files: the one place that decides it.
 *
 * <p>A date written without a time means the start of that day where a start is meant and the end of
 * that day where a finish is meant (a finish, a deadline, an actual finish, the status date, a
 * finish-no-earlier/later-than date). The model keeps an end of day as 00:00 of the next day, which is
 * the right moment for arithmetic but the wrong date to show: 2026-03-13 as a status date is stored as
 * 2026-03-14T00:00 and must still read "2026-03-13" everywhere. A finish moment at 00:00 is therefore
 * shown as the day before; where a time is shown, as that day's last working moment (17:00 on a
 * standard day), as Microsoft Project does. A day without work shows the time its calendar's working
 * day ends. Where work runs up to midnight (a 24-hour calendar) the moment is midnight itself: people
 * read it as 24:00 of the day before, files keep 00:00 of the next day as Microsoft Project does.
 */
public final class Moments {

    /** Which end of a span a moment is: a date alone means the day's start, or its end. */
    public enum Edge {
        START,
        FINISH
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private Moments() {
    }

    /**
     * A moment as people and files write it: a date alone (the start of that day for starts, its end for
     * finishes), {@code ...T24:00} (the end of that day), or a local date-time with {@code T} or a space;
     * null when the text is none of these.
     */
    public static LocalDateTime parse(String text, Edge edge) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return of(LocalDate.parse(t), edge);
            }
            if (t.length() >= 16 && t.startsWith("24:00", 11) && t.substring(16).matches("(:00(\\.0+)?)?")) {
                return of(LocalDate.parse(t.substring(0, 10)), Edge.FINISH);
            }
            return LocalDateTime.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The moment a date alone stands for: its start ({@code 00:00}) or its end ({@code 00:00} of the next day). */
    public static LocalDateTime of(LocalDate date, Edge edge) {
        return edge == Edge.FINISH ? date.plusDays(1).atStartOfDay() : date.atStartOfDay();
    }

    /** True for a finish that is the end of a day (00:00 of the next), the form a date alone takes. */
    public static boolean isEndOfDay(LocalDateTime finish) {
        return finish.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    /** The day a moment falls on as people count it: a finish at 00:00 belongs to the day before. */
    public static LocalDate day(LocalDateTime moment, Edge edge) {
        return edge == Edge.FINISH && isEndOfDay(moment) ? moment.toLocalDate().minusDays(1) : moment.toLocalDate();
    }

    /** {@link #day} as an ISO date, {@code 2026-03-13}. */
    public static String date(LocalDateTime moment, Edge edge) {
        return moment == null ? "" : day(moment, edge).toString();
    }

    /**
     * The moment to show for a finish: an end of day becomes that day's last working moment on
     * {@code time} (null: the moment is kept, except that it still shows as that day; see {@link #human}).
     * Other moments are returned as they are. Arithmetic equal: no working time lies between the two.
     */
    public static LocalDateTime shown(LocalDateTime moment, Edge edge, WorkingTime time) {
        if (moment == null || edge != Edge.FINISH || !isEndOfDay(moment) || time == null) {
            return moment;
        }
        LocalDate day = moment.toLocalDate().minusDays(1);
        LocalDateTime last;
        try {
            last = WorkingTime.dateTime(time.previousWorkFinish(WorkingTime.minutes(moment)));
        } catch (CalendarRangeException e) {
            return moment;
        }
        if (last.equals(moment) || isEndOfDay(last)) {
            return moment; // work runs up to midnight: 24:00 is the moment itself
        }
        // the day's last working moment, or on a day without work the time a working day ends
        return last.toLocalDate().equals(day) ? last : day.atTime(last.toLocalTime());
    }

    /** ISO local date-time to the minute, {@code 2026-03-13T17:00}, of {@link #shown}. */
    public static String iso(LocalDateTime moment, Edge edge, WorkingTime time) {
        LocalDateTime m = shown(moment, edge, time);
        return m == null ? "" : ISO_MINUTES.format(m);
    }

    /**
     * For people: {@code Fri 2026-03-13 17:00}. A finish at midnight that is not moved to an earlier
     * working moment shows as {@code 24:00} of its day, never as the next day.
     */
    public static String human(LocalDateTime moment, Edge edge, WorkingTime time) {
        if (moment == null) {
            return "";
        }
        LocalDateTime m = shown(moment, edge, time);
        if (edge == Edge.FINISH && isEndOfDay(m)) {
            return DAY.format(m.toLocalDate().minusDays(1)) + " 24:00";
        }
        return DAY.format(m) + " " + CLOCK.format(m);
    }

    /** For people, the day only: {@code Fri 2026-03-13}. */
    public static String humanDay(LocalDateTime moment, Edge edge) {
        return moment == null ? "" : DAY.format(day(moment, edge));
    }

    /**
     * How the plan file and the API write a moment the user gave: a date alone when it is the start
     * or end of a day (so that reading it back gives the same moment), else {@code 2026-03-13T14:30}.
     */
    public static String written(LocalDateTime moment, Edge edge) {
        if (moment == null) {
            return null;
        }
        if (moment.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return day(moment, edge).toString();
        }
        return moment.toString();
    }
}
