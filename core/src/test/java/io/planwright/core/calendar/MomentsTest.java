package io.planwright.core.calendar;

import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.planwright.core.calendar.Moments.Edge.FINISH;
import static io.planwright.core.calendar.Moments.Edge.START;
import static org.assertj.core.api.Assertions.assertThat;

/** A date alone in a finish is the end of that day, and every face shows it as that day. */
class MomentsTest {

    private static final WorkingTime STANDARD = WorkingTime.compile(WorkCalendar.standard("standard"), LocalDate.of(2026, 3, 2));

    /** Friday 13 March 2026 as a status date or deadline: stored as the next day's 00:00. */
    private static final LocalDateTime END_OF_FRIDAY = LocalDateTime.of(2026, 3, 14, 0, 0);

    @Test
    void aDateAloneIsTheStartOrTheEndOfItsDay() {
        assertThat(Moments.of(LocalDate.of(2026, 3, 13), START)).isEqualTo(LocalDateTime.of(2026, 3, 13, 0, 0));
        assertThat(Moments.of(LocalDate.of(2026, 3, 13), FINISH)).isEqualTo(END_OF_FRIDAY);
    }

    @Test
    void anEndOfDayIsShownAsThatDay() {
        assertThat(Moments.day(END_OF_FRIDAY, FINISH)).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(Moments.date(END_OF_FRIDAY, FINISH)).isEqualTo("2026-03-13");
        assertThat(Moments.humanDay(END_OF_FRIDAY, FINISH)).isEqualTo("Fri 2026-03-13");
        // a start at midnight is that day
        assertThat(Moments.date(END_OF_FRIDAY, START)).isEqualTo("2026-03-14");
        // other times are what they are
        assertThat(Moments.date(LocalDateTime.of(2026, 3, 13, 17, 0), FINISH)).isEqualTo("2026-03-13");
    }

    @Test
    void withATimeItIsTheDaysLastWorkingMoment() {
        assertThat(Moments.shown(END_OF_FRIDAY, FINISH, STANDARD)).isEqualTo(LocalDateTime.of(2026, 3, 13, 17, 0));
        assertThat(Moments.human(END_OF_FRIDAY, FINISH, STANDARD)).isEqualTo("Fri 2026-03-13 17:00");
        assertThat(Moments.iso(END_OF_FRIDAY, FINISH, STANDARD)).isEqualTo("2026-03-13T17:00");
        // a Sunday deadline: that Sunday, at the time a working day ends
        assertThat(Moments.shown(LocalDateTime.of(2026, 3, 16, 0, 0), FINISH, STANDARD)).isEqualTo(LocalDateTime.of(2026, 3, 15, 17, 0));
        // without a calendar: 24:00 of the day, never 00:00 of the next
        assertThat(Moments.human(END_OF_FRIDAY, FINISH, null)).isEqualTo("Fri 2026-03-13 24:00");
        // starts are not moved
        assertThat(Moments.shown(END_OF_FRIDAY, START, STANDARD)).isEqualTo(END_OF_FRIDAY);
    }

    @Test
    void whereWorkRunsToMidnightTheMomentIsMidnight() {
        Map<DayOfWeek, List<TimeRange>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, d.getValue() <= 5 ? List.of(new TimeRange(0, 1440)) : List.of());
        }
        WorkCalendar round = new WorkCalendar("24h", "Round the clock", null, week, List.of());
        WorkingTime time = WorkingTime.compile(round, LocalDate.of(2026, 3, 2));
        assertThat(Moments.shown(END_OF_FRIDAY, FINISH, time)).isEqualTo(END_OF_FRIDAY);
        assertThat(Moments.human(END_OF_FRIDAY, FINISH, time)).isEqualTo("Fri 2026-03-13 24:00");
    }

    @Test
    void writtenAsThePlanFileReadsIt() {
        assertThat(Moments.written(END_OF_FRIDAY, FINISH)).isEqualTo("2026-03-13");
        assertThat(Moments.written(END_OF_FRIDAY, START)).isEqualTo("2026-03-14");
        assertThat(Moments.written(LocalDateTime.of(2026, 3, 13, 14, 30), FINISH)).isEqualTo("2026-03-13T14:30");
    }
}
