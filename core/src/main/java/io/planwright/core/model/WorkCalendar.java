package io.planwright.core.model;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A working calendar: working hours per weekday and exceptions. A calendar may be based on another
 * one: weekdays it does not define, and the base's exceptions, are inherited. A weekday mapped to an
 * empty list is a non-working day.
 */
public record WorkCalendar(String id, String name, String baseId, Map<DayOfWeek, List<TimeRange>> week,
                           List<CalendarException> exceptions) {

    public static final List<TimeRange> STANDARD_DAY = List.of(new TimeRange(8 * 60, 12 * 60), new TimeRange(13 * 60, 17 * 60));

    public WorkCalendar {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        }
        week = Collections.unmodifiableMap(copy);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** Monday to Friday, 08:00-12:00 and 13:00-17:00, as Microsoft Project's Standard calendar. */
    public static WorkCalendar standard(String id) {
        EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            week.put(day, weekend ? List.of() : STANDARD_DAY);
        }
        return new WorkCalendar(id, "Standard", null, week, List.of());
    }

    /** Every day, around the clock. */
    public static WorkCalendar twentyFourSeven(String id) {
        EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new TimeRange(0, 1440)));
        }
        return new WorkCalendar(id, "24 hours", null, week, List.of());
    }

    public WorkCalendar withExceptions(List<CalendarException> newExceptions) {
        return new WorkCalendar(id, name, baseId, week, newExceptions);
    }
}
