package io.planwright.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An exception to the working week for a range of dates, both inclusive: a holiday when it has no
 * hours, a special working day (or changed hours) when it has some.
 */
public record CalendarException(String name, LocalDate from, LocalDate to, List<TimeRange> hours) {

    public CalendarException {
        Objects.requireNonNull(from, "from");
        to = to == null ? from : to;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an exception ends before it starts");
        }
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    public static CalendarException holiday(String name, LocalDate date) {
        return new CalendarException(name, date, date, List.of());
    }

    public boolean isWorking() {
        return !hours.isEmpty();
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
