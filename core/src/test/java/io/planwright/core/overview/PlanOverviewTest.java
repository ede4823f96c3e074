package io.planwright.core.overview;

import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Level;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.risk.RiskScore;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.stakeholders.PowerInterest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanOverviewTest {

    /** The standard calendar with Good Friday and Easter Monday 2026 (3 and 6 April) as holidays. */
    private static WorkCalendar withEaster2026() {
        WorkCalendar standard = WorkCalendar.standard("standard");
        return new WorkCalendar("standard", "Standard", null, standard.week(),
                List.of(new CalendarException("Good Friday", LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 3), List.of()),
                        new CalendarException("Easter Monday", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 6), List.of())));
    }

    @Test
    void theFloatOfTheFinishCountsTheCalendarsWorkingDaysNotWeekdays() {
        WorkCalendar withEaster = withEaster2026();
        // 20 working days from Monday 2 March end on Friday 27 March; the target is the end of Thursday 9 April:
        // 9 weekdays later (30 March to 9 April), of which Good Friday and Easter Monday are holidays: 7 working days
        Plan plan = Plan.builder("p").start(LocalDateTime.of(2026, 3, 2, 8, 0)).finish(LocalDateTime.of(2026, 4, 10, 0, 0))
                .calendars(List.of(withEaster)).task(Task.builder("a").duration("20d").build()).build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        assertThat(s.finish()).isEqualTo(LocalDateTime.of(2026, 3, 27, 17, 0));
        assertThat(PlanOverview.finishFloatDays(plan, s)).isEqualTo(7.0);
        // past the target: the negative float the scheduler gives
        Plan late = plan.toBuilder().finish(LocalDateTime.of(2026, 3, 26, 0, 0)).build(); // the end of Wednesday 25 March
        assertThat(PlanOverview.finishFloatDays(late, PlanScheduler.schedule(late))).isEqualTo(-2.0);
    }

    @Test
    void kpiProgressRunsFromTheBaselineToTheTarget() {
        assertThat(PlanOverview.kpiProgress(new Kpi("k", null, null, 20000.0, 30000.0, null, 25000.0))).isEqualTo(50);
        assertThat(PlanOverview.kpiProgress(new Kpi("k", null, null, 20000.0, 30000.0, null, 40000.0))).isEqualTo(100);
        assertThat(PlanOverview.kpiProgress(new Kpi("k", null, null, 20000.0, 30000.0, null, null))).isNull();
    }

    @Test
    void risksAreRatedOnTheHeatMapsScaleAndClosedOnesLeftOut() {
        Risk high = Risk.builder("r1").probability(0.8).impact(Level.VERY_HIGH).build();
        Risk low = Risk.builder("r2").probability(0.05).impact(Level.LOW).build();
        Risk closed = Risk.builder("r3").probability(0.9).impact(Level.VERY_HIGH).status(RiskStatus.CLOSED).build();
        assertThat(RiskScore.of(high)).isEqualTo(25);
        assertThat(RiskScore.band(RiskScore.of(high))).isEqualTo(RiskScore.Band.HIGH);
        assertThat(RiskScore.band(RiskScore.of(low))).isEqualTo(RiskScore.Band.LOW);
        Plan plan = Plan.builder("p").risks(List.of(low, closed, high)).build();
        assertThat(RiskScore.top(plan, 5)).extracting(Risk::id).containsExactly("r1", "r2");
        assertThat(RiskScore.at(plan, 5, 5)).extracting(Risk::id).containsExactly("r1");
    }

    @Test
    void stakeholdersFallOnThePowerInterestGrid() {
        Stakeholder cfo = new Stakeholder("cfo", null, null, null, Level.VERY_HIGH, Level.LOW, null, null, null, null);
        Stakeholder users = new Stakeholder("users", null, null, null, Level.LOW, Level.HIGH, null, null, null, null);
        assertThat(PowerInterest.of(cfo)).isEqualTo(PowerInterest.KEEP_SATISFIED);
        assertThat(PowerInterest.of(users)).isEqualTo(PowerInterest.KEEP_INFORMED);
        assertThat(PowerInterest.isKey(cfo)).isTrue();
    }

    @Test
    void workingDaysBetweenTwoMomentsLeaveOutTheCalendarsHolidays() {
        WorkCalendar standard = WorkCalendar.standard("standard");
        WorkCalendar withEaster = withEaster2026();
        Plan plan = Plan.builder("p").start(LocalDateTime.of(2026, 3, 30, 8, 0)).calendars(List.of(withEaster)).build();
        // Monday 30 March to the end of Thursday 9 April: nine weekdays, which a Monday-to-Friday count would give,
        // but Good Friday and Easter Monday are holidays of the plan's calendar: seven working days
        assertThat(PlanOverview.workingDaysBetween(plan, LocalDateTime.of(2026, 3, 30, 8, 0), LocalDateTime.of(2026, 4, 9, 17, 0)))
                .isEqualTo(7.0);
        assertThat(PlanOverview.workingDaysBetween(plan, LocalDateTime.of(2026, 4, 9, 17, 0), LocalDateTime.of(2026, 3, 30, 8, 0)))
                .isEqualTo(-7.0);
        Plan weekdays = plan.toBuilder().calendars(List.of(standard)).build();
        assertThat(PlanOverview.workingDaysBetween(weekdays, LocalDateTime.of(2026, 3, 30, 8, 0), LocalDateTime.of(2026, 4, 9, 17, 0)))
                .isEqualTo(9.0);
    }

    @Test
    void kpisCarryTheirObjectiveAndProgress() {
        Plan plan = Plan.builder("p").objectives(List.of(new Objective("o1", "Faster close", null, List.of(
                new Kpi("days", "Days to close", "d", 10.0, 5.0, null, 7.5),
                new Kpi("errors", "Errors", null, null, 0.0, null, null))))).build();
        assertThat(PlanOverview.kpis(plan)).containsExactly(
                new PlanOverview.KpiStatus("o1", "Faster close", "days", "Days to close", "d", 10.0, 5.0, 7.5, 50),
                new PlanOverview.KpiStatus("o1", "Faster close", "errors", "Errors", null, null, 0.0, null, null));
    }

    @Test
    void theOverviewLooksAheadFromTheStatusDateElseTheStart() {
        LocalDateTime start = LocalDateTime.of(2026, 3, 2, 8, 0);
        Plan plan = Plan.builder("p").start(start).task(Task.builder("a").duration("2d").build()).build();
        assertThat(PlanOverview.asOf(plan, null)).isEqualTo(start);
        assertThat(PlanOverview.asOf(plan.toBuilder().statusDate(start.plusDays(3)).build(), null)).isEqualTo(start.plusDays(3));
        Plan noStart = Plan.builder("p").build();
        assertThat(PlanOverview.asOf(noStart, null)).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
    }

    @Test
    void healthIsProblemsThenLateThenAtRiskUnderFiveWorkingDays() {
        assertThat(PlanOverview.health(1, 30.0)).isEqualTo(PlanOverview.Health.PROBLEMS);
        assertThat(PlanOverview.health(0, -0.5)).isEqualTo(PlanOverview.Health.LATE);
        assertThat(PlanOverview.health(0, 4.9)).isEqualTo(PlanOverview.Health.AT_RISK);
        assertThat(PlanOverview.health(0, 5.0)).isEqualTo(PlanOverview.Health.ON_TRACK);
        assertThat(PlanOverview.health(0, null)).isEqualTo(PlanOverview.Health.ON_TRACK);
    }
}
