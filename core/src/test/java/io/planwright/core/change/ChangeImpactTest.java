package io.planwright.core.change;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.Baselines;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A change's impact, each figure checked against scheduling both versions directly; and the scope guard. */
class ChangeImpactTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);

    static Plan plan() {
        return Plan.builder("Launch").start(MONDAY)
                .resources(List.of(Resource.builder("ann").name("Ann").build(), Resource.builder("bob").name("Bob").build()))
                .tasks(List.of(
                        Task.builder("code").name("Code").duration("5d").assignment(Assignment.of("ann", 1)).build(),
                        Task.builder("docs").name("Docs").duration("5d").assignment(Assignment.of("bob", 1)).build(),
                        Task.builder("launch").name("Launch").milestone(true).after("code").deadline(LocalDateTime.of(2027, 1, 12, 0, 0)).build()))
                .build();
    }

    @Test
    void everyFigureIsWhatSchedulingBothVersionsGives() {
        Plan plan = plan();
        // the proposal: code takes 8 days, and Ann also writes the docs at the same time
        Plan proposed = plan.toBuilder().tasks(List.of(
                plan.tasks().get(0).toBuilder().duration("8d").build(),
                plan.tasks().get(1).toBuilder().assignments(List.of(Assignment.of("ann", 1))).build(),
                plan.tasks().get(2))).build();
        PlanSchedule ps = PlanScheduler.schedule(plan);
        PlanSchedule ss = PlanScheduler.schedule(proposed);
        ChangeImpact.Figures f = ChangeImpact.of(plan, ps, proposed, ss);
        assertThat(f.finishBefore()).isEqualTo(ps.finish()).isEqualTo(LocalDateTime.of(2027, 1, 8, 17, 0));
        assertThat(f.finishAfter()).isEqualTo(ss.finish()).isEqualTo(LocalDateTime.of(2027, 1, 13, 17, 0));
        assertThat(f.work()).extracting(w -> w.resourceId() + " " + w.before() + " -> " + w.after())
                .containsExactly("ann 40.0 -> 104.0", "bob 40.0 -> 0.0");
        assertThat(f.overallocations()).extracting(ChangeImpact.NewOverallocation::resourceId).containsExactly("ann");
        assertThat(f.deadlinesMissed()).extracting(m -> m.taskId() + " " + m.finish()).containsExactly("launch 2027-01-13T17:00");
        assertThat(f.p80After()).isAfterOrEqualTo(f.p80Before());
        assertThat(f.costDelta()).isZero(); // no rates
        assertThat(ChangeImpact.of(plan, ps, plan, ps).work()).isEmpty();
    }

    @Test
    void theScopeGuardCountsWorkAddedAfterTheBaselineOutsideChangeRequests() {
        Plan plan = plan();
        Plan baselined = Baselines.save(plan, Baselines.capture(plan, PlanScheduler.schedule(plan), Baselines.MAIN, "Approved", MONDAY));
        assertThat(ScopeGuard.of(plan, PlanScheduler.schedule(plan), Set.of()).guarded()).isFalse();
        Plan grown = baselined.toBuilder().tasks(List.of(plan.tasks().get(0), plan.tasks().get(1), plan.tasks().get(2),
                Task.builder("extra").name("Extra report").duration("2d").assignment(Assignment.of("bob", 1)).build(),
                Task.builder("approved").name("Approved add").duration("1d").assignment(Assignment.of("ann", 1)).build())).build();
        ScopeGuard.Report r = ScopeGuard.of(grown, PlanScheduler.schedule(grown), Set.of("approved"));
        assertThat(r.guarded()).isTrue();
        assertThat(r.added()).extracting(ScopeGuard.Added::taskId).containsExactly("extra");
        assertThat(r.workHours()).isEqualTo(16);
    }
}
