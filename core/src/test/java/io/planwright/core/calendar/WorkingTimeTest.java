package io.planwright.core.calendar;

import io.planwright.core.model.CalendarException;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.planwright.core.calendar.WorkingTime.dateTime;
import static io.planwright.core.calendar.WorkingTime.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingTimeTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static long at(String iso) {
        return minutes(LocalDateTime.parse(iso));
    }

    private final WorkingTime standard = WorkingTime.compile(WorkCalendar.standard("standard"), MONDAY);

    @Test
    void ordinalCountsWorkingMinutesFromTheAnchorDay() {
        assertThat(standard.ordinal(at("2026-03-02T00:00"))).isZero();
        assertThat(standard.ordinal(at("2026-03-02T08:00"))).isZero();
        assertThat(standard.ordinal(at("2026-03-02T10:00"))).isEqualTo(120);
        assertThat(standard.ordinal(at("2026-03-02T12:30"))).isEqualTo(240);
        assertThat(standard.ordinal(at("2026-03-02T17:00"))).isEqualTo(480);
        assertThat(standard.ordinal(at("2026-03-07T12:00"))).isEqualTo(5 * 480);
        assertThat(standard.ordinal(at("2026-02-27T17:00"))).isZero();
        assertThat(standard.ordinal(at("2026-02-27T16:00"))).isEqualTo(-60);
    }

    @Test
    void finishesSitAtTheEndOfWorkAndStartsAtTheBeginning() {
        long w = standard.ordinal(at("2026-03-06T17:00")); // Friday evening
        assertThat(dateTime(standard.finishOf(w))).isEqualTo("2026-03-06T17:00");
        assertThat(dateTime(standard.startOf(w))).isEqualTo("2026-03-09T08:00");
        assertThat(dateTime(standard.finishOf(240))).isEqualTo("2026-03-02T12:00");
        assertThat(dateTime(standard.startOf(240))).isEqualTo("2026-03-02T13:00");
        assertThat(dateTime(standard.nextWorkStart(at("2026-03-07T10:00")))).isEqualTo("2026-03-09T08:00");
        assertThat(dateTime(standard.previousWorkFinish(at("2026-03-09T08:00")))).isEqualTo("2026-03-06T17:00");
        assertThat(standard.isWorkFinish(at("2026-03-06T17:00"))).isTrue();
        assertThat(standard.isWorkFinish(at("2026-03-06T16:00"))).isFalse();
    }

    @Test
    void holidaysAndSpecialWorkingDaysOverrideTheWeek() {
        WorkCalendar cal = WorkCalendar.standard("c").withExceptions(List.of(
                CalendarException.holiday("Day off", LocalDate.of(2026, 3, 3)),
                new CalendarException("Saturday shift", LocalDate.of(2026, 3, 7), null, List.of(new TimeRange(9 * 60, 13 * 60)))));
        WorkingTime wt = WorkingTime.compile(cal, MONDAY);
        assertThat(wt.workOn(LocalDate.of(2026, 3, 3))).isZero();
        assertThat(wt.workOn(LocalDate.of(2026, 3, 7))).isEqualTo(240);
        // Monday 17:00 + 1 day of work skips Tuesday
        long mondayEvening = wt.ordinal(at("2026-03-02T17:00"));
        assertThat(dateTime(wt.finishOf(mondayEvening + 480))).isEqualTo("2026-03-04T17:00");
        assertThat(dateTime(wt.finishOf(wt.ordinal(at("2026-03-06T17:00")) + 240))).isEqualTo("2026-03-07T13:00");
    }

    @Test
    void derivedCalendarsInheritWeekdaysAndExceptionsOfTheirBase() {
        WorkCalendar base = WorkCalendar.standard("base").withExceptions(List.of(CalendarException.holiday("Holiday", LocalDate.of(2026, 3, 4))));
        WorkCalendar derived = new WorkCalendar("late", "Late shift", "base",
                Map.of(DayOfWeek.MONDAY, List.of(new TimeRange(12 * 60, 20 * 60))), List.of());
        WorkingTime wt = WorkingTime.compile(derived, Map.of("base", base, "late", derived), MONDAY);
        assertThat(dateTime(wt.startOf(0))).isEqualTo("2026-03-02T12:00");
        assertThat(wt.workOn(LocalDate.of(2026, 3, 3))).isEqualTo(480);
        assertThat(wt.workOn(LocalDate.of(2026, 3, 4))).isZero();
    }

    @Test
    void tableGrowsInBothDirectionsKeepingOrdinals() {
        long before = standard.ordinal(at("2026-03-04T09:00"));
        long far = standard.ordinal(at("2040-06-01T09:00"));
        long past = standard.ordinal(at("2010-06-01T09:00"));
        assertThat(standard.ordinal(at("2026-03-04T09:00"))).isEqualTo(before);
        assertThat(dateTime(standard.startOf(far))).isEqualTo("2040-06-01T09:00");
        assertThat(dateTime(standard.startOf(past))).isEqualTo("2010-06-01T09:00");
        assertThat(far).isPositive();
        assertThat(past).isNegative();
    }

    @Test
    void aCalendarWithoutWorkingTimeFailsWithAClearMessage() {
        WorkCalendar never = new WorkCalendar("never", "Never", null,
                Map.of(DayOfWeek.MONDAY, List.of(), DayOfWeek.TUESDAY, List.of(), DayOfWeek.WEDNESDAY, List.of(),
                        DayOfWeek.THURSDAY, List.of(), DayOfWeek.FRIDAY, List.of(), DayOfWeek.SATURDAY, List.of(),
                        DayOfWeek.SUNDAY, List.of()), List.of());
        WorkingTime wt = WorkingTime.compile(never, MONDAY);
        assertThatThrownBy(() -> wt.startOf(10)).isInstanceOf(CalendarRangeException.class).hasMessageContaining("never");
    }

    @Test
    void baseCalendarLoopsAreRejected() {
        WorkCalendar a = new WorkCalendar("a", "A", "b", Map.of(), List.of());
        WorkCalendar b = new WorkCalendar("b", "B", "a", Map.of(), List.of());
        assertThatThrownBy(() -> WorkingTime.compile(a, Map.of("a", a, "b", b), MONDAY))
                .hasMessageContaining("based on itself");
    }

    @Test
    void oneCalendarServesManyThreadsWhileItGrows() throws Exception {
        WorkingTime shared = WorkingTime.compile(WorkCalendar.standard("s"), MONDAY);
        WorkingTime reference = WorkingTime.compile(WorkCalendar.standard("s"), MONDAY);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int k = 0; k < 3000; k++) {
                        long t = at("2026-03-02T08:00") + (long) (k * 7919 + offset * 104729) % (200L * 365 * 1440) * (k % 2 == 0 ? 1 : -1);
                        long w = shared.ordinal(t);
                        ok &= shared.startOf(w) >= t || shared.finishOf(w) <= t;
                        ok &= shared.startOf(w) == reference.startOf(w) && shared.finishOf(w) == reference.finishOf(w);
                    }
                    return ok;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
