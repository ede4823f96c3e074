package io.planwright.core.track;

import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The headline of the worked example at its two status dates. */
class ProjectStatusTest {

    @Test
    void firstFridayOnScheduleButOverBudgetIsAtRisk() {
        Plan plan = EarnedValueTest.plan(false);
        ProjectStatus s = ProjectStatus.of(PlanScheduler.schedule(plan), plan.baselines().get(0), plan.statusDate());
        assertThat(s.headline()).isEqualTo(ProjectStatus.Headline.AT_RISK);
        assertThat(s.reasons()).containsExactly("the work done cost more than its budget: CPI 0.83");
        assertThat(s.finishVarianceDays()).isCloseTo(0, within(1e-9));
        assertThat(s.slipped()).isEmpty();
        assertThat(s.earnedValue().plan().figures().ev()).isCloseTo(4_800, within(1e-9));
        // the S-curves: weekly from the baseline's start, the status date among them; EV and AC known up to it
        assertThat(s.curve()).extracting(ProjectStatus.Point::date).containsExactly(java.time.LocalDateTime.of(2027, 1, 4, 0, 0),
                java.time.LocalDateTime.of(2027, 1, 9, 0, 0), java.time.LocalDateTime.of(2027, 1, 11, 0, 0), java.time.LocalDateTime.of(2027, 1, 18, 0, 0));
        assertThat(s.curve().get(1).pv()).isCloseTo(5_000, within(1e-9));
        assertThat(s.curve().get(1).ev()).isCloseTo(4_800, within(1e-9));
        assertThat(s.curve().get(3).pv()).isCloseTo(10_000, within(1e-9));
        assertThat(s.curve().get(3).ev()).isNull();
    }

    @Test
    void secondFridayTheFinishHasSlippedADay() {
        Plan plan = EarnedValueTest.plan(true);
        ProjectStatus s = ProjectStatus.of(PlanScheduler.schedule(plan), plan.baselines().get(0), plan.statusDate());
        assertThat(s.headline()).isEqualTo(ProjectStatus.Headline.LATE);
        assertThat(s.finishVarianceDays()).isCloseTo(1, within(1e-9));
        assertThat(s.reasons()).containsExactly("the finish is 1 working day later than the baseline's",
                "the work done is behind the baseline: SPI(t) 0.80, 2 working days of schedule",
                "the work done cost more than its budget: CPI 0.89");
        assertThat(s.slipped()).isEmpty();   // B is a day late: not beyond the threshold of one day
    }

    @Test
    void withoutABaselineOnlyTheScheduleSpeaks() {
        Plan plan = EarnedValueTest.plan(false).toBuilder().baselines(java.util.List.of()).build();
        ProjectStatus s = ProjectStatus.of(PlanScheduler.schedule(plan), null, plan.statusDate());
        assertThat(s.headline()).isEqualTo(ProjectStatus.Headline.ON_TRACK);
        assertThat(s.earnedValue()).isNull();
        assertThat(s.reasons()).containsExactly("the schedule meets its dates (no baseline to measure progress against)");
    }
}
