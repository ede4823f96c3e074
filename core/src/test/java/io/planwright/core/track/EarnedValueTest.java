package io.planwright.core.track;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked example of docs/tracking.md, figure by figure: a plan of three tasks (Build: A then B, 5
 * days each; C beside them for 10 days), its baseline, and two status dates.
 */
class EarnedValueTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);
    /** The status dates as the plan file gives them (a date alone: the end of that day). */
    static final LocalDateTime FIRST_FRIDAY = LocalDateTime.of(2027, 1, 9, 0, 0);
    static final LocalDateTime SECOND_FRIDAY = LocalDateTime.of(2027, 1, 16, 0, 0);

    static Baseline baseline() {
        return new Baseline("baseline", "Baseline", MONDAY, List.of(
                new BaselineTask("build", MONDAY, at(15, 17), null, null, new BigDecimal("8000")),
                new BaselineTask("a", MONDAY, at(8, 17), Duration.parse("5d").orElseThrow(), null, new BigDecimal("4000")),
                new BaselineTask("b", at(11, 8), at(15, 17), Duration.parse("5d").orElseThrow(), null, new BigDecimal("4000")),
                new BaselineTask("c", MONDAY, at(15, 17), Duration.parse("10d").orElseThrow(), null, new BigDecimal("2000"))));
    }

    static LocalDateTime at(int day, int hour) {
        return LocalDateTime.of(2027, 1, day, hour, 0);
    }

    /** A costs 5,000 now (4,000 in the baseline); progress as of the first or the second Friday. */
    static Plan plan(boolean second) {
        Task build = Task.builder("build").name("Build").build();
        Task.Builder a = Task.builder("a").name("A").parentId("build").duration("5d").fixedCost(new BigDecimal("5000"))
                .percentComplete(100).actualStart(MONDAY).actualFinish(at(8, 17));
        Task.Builder b = Task.builder("b").name("B").parentId("build").duration("5d").after("a").fixedCost(new BigDecimal("4000"));
        Task.Builder c = Task.builder("c").name("C").duration("10d").fixedCost(new BigDecimal("2000")).actualStart(MONDAY);
        if (second) {
            b.percentComplete(50).actualStart(at(12, 8));
            c.percentComplete(100).actualFinish(at(15, 17));
        } else {
            c.percentComplete(40);
        }
        return Plan.builder("tracking").start(MONDAY).statusDate(second ? SECOND_FRIDAY : FIRST_FRIDAY)
                .tasks(List.of(build, a.build(), b.build(), c.build())).baselines(List.of(baseline())).build();
    }

    static EarnedValue.Report report(boolean second) {
        Plan plan = plan(second);
        PlanSchedule s = PlanScheduler.schedule(plan);
        return EarnedValue.at(plan, s, plan.baselines().get(0), plan.statusDate());
    }

    @Test
    void firstFridayThePlanIsSlightlyBehindAndOverBudget() {
        EarnedValue.Report r = report(false);
        Figures f = r.plan().figures();
        assertThat(f.bac()).isCloseTo(10_000, within(1e-9));
        assertThat(f.pv()).isCloseTo(5_000, within(1e-9));   // A 4,000 + C half of 2,000
        assertThat(f.ev()).isCloseTo(4_800, within(1e-9));   // A 4,000 + C 40 % of 2,000
        assertThat(f.ac()).isCloseTo(5_800, within(1e-9));   // A 5,000 + C 40 % of 2,000
        assertThat(f.sv()).isCloseTo(-200, within(1e-9));
        assertThat(f.cv()).isCloseTo(-1_000, within(1e-9));
        assertThat(f.spi()).isCloseTo(0.96, within(1e-9));
        assertThat(f.cpi()).isCloseTo(4_800 / 5_800.0, within(1e-9));
        assertThat(f.eac()).isCloseTo(12_083.333, within(1e-3));
        assertThat(f.eacAtPlanRate()).isCloseTo(11_000, within(1e-9));
        assertThat(f.eacComposite()).isCloseTo(12_345.139, within(1e-3));
        assertThat(f.etc()).isCloseTo(6_283.333, within(1e-3));
        assertThat(f.vac()).isCloseTo(-2_083.333, within(1e-3));
        assertThat(f.tcpi()).isCloseTo(5_200 / 4_200.0, within(1e-9));
        assertThat(f.tcpiToEac()).isCloseTo(5_200 / 6_283.333, within(1e-6));

        EarnedValue.Time t = r.plan().time();
        assertThat(t.baselineStart()).isEqualTo(MONDAY);
        assertThat(t.baselineFinish()).isEqualTo(at(15, 17));
        assertThat(t.es()).isEqualTo(LocalDateTime.of(2027, 1, 8, 15, 24));   // 4.8 working days
        assertThat(t.svDays()).isCloseTo(-0.2, within(1e-9));
        assertThat(t.spi()).isCloseTo(0.96, within(1e-9));
        assertThat(t.ieacDays()).isCloseTo(10 / 0.96, within(1e-9));
        assertThat(t.forecastFinish()).isEqualTo(LocalDateTime.of(2027, 1, 18, 11, 20));   // 10.4167 days
    }

    @Test
    void firstFridayThePhaseAndItsTasks() {
        EarnedValue.Report r = report(false);
        assertThat(r.entries()).extracting(EarnedValue.Entry::id).containsExactly(null, "build", "a", "b", "c");
        Figures build = r.entry("build").figures();
        assertThat(build.bac()).isCloseTo(8_000, within(1e-9));
        assertThat(build.pv()).isCloseTo(4_000, within(1e-9));
        assertThat(build.ev()).isCloseTo(4_000, within(1e-9));
        assertThat(build.ac()).isCloseTo(5_000, within(1e-9));
        assertThat(build.cpi()).isCloseTo(0.8, within(1e-9));
        assertThat(r.entry("build").time().svDays()).isCloseTo(0, within(1e-9));
        Figures b = r.entry("b").figures();
        assertThat(b.pv()).isZero();
        assertThat(b.spi()).isNull();
        assertThat(b.cpi()).isNull();
        assertThat(b.eac()).isCloseTo(4_000, within(1e-9));
        assertThat(r.entry("b").time().spi()).isNull();   // before its baseline start
        assertThat(r.entry("b").time().es()).isEqualTo(at(11, 8));   // nothing earned: its baseline start
        Figures c = r.entry("c").figures();
        assertThat(c.spi()).isCloseTo(0.8, within(1e-9));
        assertThat(r.entry("c").time().svDays()).isCloseTo(-1, within(1e-9));   // 4 of its 5 days earned
    }

    @Test
    void secondFridayEarnedScheduleStillSeesTheDelayThatSpiHidesAtTheEnd() {
        EarnedValue.Report r = report(true);
        Figures f = r.plan().figures();
        assertThat(f.pv()).isCloseTo(10_000, within(1e-9));
        assertThat(f.ev()).isCloseTo(8_000, within(1e-9));
        assertThat(f.ac()).isCloseTo(9_000, within(1e-9));
        assertThat(f.spi()).isCloseTo(0.8, within(1e-9));
        assertThat(f.cpi()).isCloseTo(8_000 / 9_000.0, within(1e-9));
        assertThat(f.eac()).isCloseTo(11_250, within(1e-9));
        EarnedValue.Time t = r.plan().time();
        assertThat(t.es()).isEqualTo(at(13, 17));   // 8 working days
        assertThat(t.svDays()).isCloseTo(-2, within(1e-9));
        assertThat(t.spi()).isCloseTo(0.8, within(1e-9));
        assertThat(t.ieacDays()).isCloseTo(12.5, within(1e-9));
        assertThat(t.forecastFinish()).isEqualTo(at(20, 12));
        // C finished on its baseline finish: its actual time stops there, so it is on time whatever the status date
        EarnedValue.Time c = r.entry("c").time();
        assertThat(c.spi()).isCloseTo(1, within(1e-9));
        assertThat(c.svDays()).isCloseTo(0, within(1e-9));
        Plan later = plan(true).toBuilder().statusDate(at(29, 17)).build();
        EarnedValue.Time cLater = EarnedValue.at(later, PlanScheduler.schedule(later), later.baselines().get(0), later.statusDate()).entry("c").time();
        assertThat(cLater.spi()).isCloseTo(1, within(1e-9));
        assertThat(cLater.forecastFinish()).isEqualTo(at(15, 17));
    }

    @Test
    void workAddedAfterTheBaselineCostsButEarnsNothing() {
        Plan base = plan(false);
        Task extra = Task.builder("extra").name("Extra").duration("2d").fixedCost(new BigDecimal("600")).percentComplete(50).actualStart(MONDAY).build();
        List<Task> tasks = new java.util.ArrayList<>(base.tasks());
        tasks.add(extra);
        Plan plan = base.toBuilder().tasks(tasks).build();
        EarnedValue.Report r = EarnedValue.at(plan, PlanScheduler.schedule(plan), plan.baselines().get(0), plan.statusDate());
        Figures e = r.entry("extra").figures();
        assertThat(e.bac()).isZero();
        assertThat(e.ev()).isZero();
        assertThat(e.ac()).isCloseTo(300, within(1e-9));
        assertThat(r.plan().figures().ac()).isCloseTo(6_100, within(1e-9));
    }

    @Test
    void aTaskEarningByPhysicalPercentCompleteAndAnAssignmentReportingItsActualCost() {
        Plan base = plan(false);
        io.planwright.core.model.Resource ann = io.planwright.core.model.Resource.builder("ann").type(io.planwright.core.model.ResourceType.WORK)
                .standardRate(new io.planwright.core.model.Rate(new BigDecimal("50"), io.planwright.core.model.RateUnit.HOUR)).build();
        List<Task> tasks = new java.util.ArrayList<>();
        for (Task t : base.tasks()) {
            if (t.id().equals("c")) {
                // C: 40 % of its duration gone, but the team judges a quarter of the deliverable done; ann (50/h, half-time: 2,000
                // over the 10 days) reports 700 spent
                t = t.toBuilder().physicalPercentComplete(25.0).earnedValueMethod(io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE)
                        .assignment(new io.planwright.core.model.Assignment("ann", 0.5, null, null, null, new BigDecimal("700"))).build();
            }
            tasks.add(t);
        }
        Plan plan = base.toBuilder().resources(List.of(ann)).tasks(tasks).build();
        EarnedValue.Report r = EarnedValue.at(plan, PlanScheduler.schedule(plan), plan.baselines().get(0), plan.statusDate());
        Figures c = r.entry("c").figures();
        assertThat(c.ev()).isCloseTo(500, within(1e-9));            // 25 % of its 2,000 budget
        assertThat(c.ac()).isCloseTo(0.4 * 2_000 + 700, within(1e-9));   // its fixed cost by the duration done (40 %), ann's as reported
    }

    @Test
    void theWeeklySeriesGrowsToTheFiguresAtTheStatusDate() {
        Plan plan = plan(true);
        PlanSchedule s = PlanScheduler.schedule(plan);
        List<LocalDateTime> dates = EarnedValue.weekly(MONDAY.minusHours(8), SECOND_FRIDAY, 10);
        assertThat(dates).hasSize(3);
        List<EarnedValue.Report> series = EarnedValue.series(plan, s, plan.baselines().get(0), plan.statusDate(), dates);
        assertThat(series.get(0).plan().figures().pv()).isZero();
        assertThat(series.get(0).plan().figures().ev()).isZero();
        // a week in: A done (4,000), C half of its actual span (1,000), B not started
        assertThat(series.get(1).plan().figures().pv()).isCloseTo(5_000, within(1e-9));
        assertThat(series.get(1).plan().figures().ev()).isCloseTo(5_000, within(1e-9));
        EarnedValue.Report now = EarnedValue.at(plan, s, plan.baselines().get(0), plan.statusDate());
        assertThat(series.get(2).plan().figures()).isEqualTo(now.plan().figures());
        // the series reads earned schedule from each entry's PV curve, a single date by halving: the same minute
        for (int e = 0; e < now.entries().size(); e++) {
            assertThat(series.get(2).entries().get(e).time().es()).isEqualTo(now.entries().get(e).time().es());
            for (int d = 0; d < dates.size(); d++) {
                EarnedValue.Report single = EarnedValue.series(plan, s, plan.baselines().get(0), plan.statusDate(), List.of(dates.get(d))).get(0);
                assertThat(series.get(d).entries().get(e).time().es()).isEqualTo(single.entries().get(e).time().es());
            }
        }
    }
}
