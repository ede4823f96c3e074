package io.planwright.core.level;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resource usage, over-allocations and leveling of a plan, on plans small enough to check by hand. */
class PlanLevelerTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 8, 0);
    static final RcpspSolver.Options OPTIONS = new RcpspSolver.Options(0, 2_000, 1, 1);

    /** anna on two parallel tasks of 3 and 2 days at 100 %, and on a later one at 50 %. */
    static Plan twoAtOnce() {
        Resource anna = Resource.builder("anna").type(ResourceType.WORK).maxUnits(1).build();
        return Plan.builder("p").start(MONDAY).resources(List.of(anna)).tasks(List.of(
                Task.builder("a").duration("3d").assignment(Assignment.of("anna", 1)).build(),
                Task.builder("b").duration("2d").assignment(Assignment.of("anna", 1)).build(),
                Task.builder("c").duration("1d").after("a").assignment(Assignment.of("anna", 0.5)).build())).build();
    }

    @Test
    void usageIsThePeakOfEachDayAndAnOverallocationNamesItsTasks() {
        Plan plan = twoAtOnce();
        PlanSchedule s = PlanScheduler.schedule(plan);
        ResourceUsage.Usage u = ResourceUsage.byDay(plan, s).get(0);
        assertThat(u.firstDay()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(u.peak()).containsExactly(2.0, 2.0, 1.0, 0.5);
        assertThat(u.overallocated()).isTrue();
        List<Overallocations.Overallocation> over = Overallocations.of(plan, s);
        assertThat(over).singleElement().satisfies(o -> {
            assertThat(o.resourceId()).isEqualTo("anna");
            assertThat(o.units()).isEqualTo(2.0);
            assertThat(o.from()).isEqualTo(MONDAY);
            assertThat(o.to()).isEqualTo(LocalDateTime.of(2026, 3, 3, 17, 0));
            assertThat(o.taskIds()).containsExactlyInAnyOrder("a", "b");
        });
    }

    @Test
    void levelingDelaysATaskUntilNobodyIsDoubleBookedAndSaysWhatMoved() {
        Plan plan = twoAtOnce();
        PlanLeveler.Result r = PlanLeveler.level(plan, OPTIONS);
        assertThat(r.overallocatedBefore()).hasSize(1);
        assertThat(r.remaining()).isEmpty();
        assertThat(Overallocations.of(r.levelled(), r.after())).isEmpty();
        // the shortest way takes six days: anna works 5.5 days, and c (half-time) cannot share a day with a or b at full time
        assertThat(r.after().finish()).isEqualTo(LocalDateTime.of(2026, 3, 9, 17, 0));
        long delayed = r.delayMinutes().values().stream().filter(m -> m > 0).count();
        assertThat(delayed).isPositive();
        // work is delayed, never shortened
        for (Task t : plan.tasks()) {
            assertThat(r.after().task(t.id()).orElseThrow().durationMinutes()).isEqualTo(r.before().task(t.id()).orElseThrow().durationMinutes());
            assertThat(r.after().task(t.id()).orElseThrow().start()).isAfterOrEqualTo(r.before().task(t.id()).orElseThrow().start());
        }
    }

    @Test
    void withinFloatTheFinishStays() {
        Plan plan = twoAtOnce();
        PlanLeveler.Result r = PlanLeveler.level(plan, OPTIONS, true);
        assertThat(r.after().finish()).isEqualTo(r.before().finish());
    }

    @Test
    void aTaskAskingMoreThanItsResourceHasCanNeverFit() {
        Resource anna = Resource.builder("anna").type(ResourceType.WORK).maxUnits(0.5).build();
        Plan plan = Plan.builder("p").start(MONDAY).resources(List.of(anna))
                .tasks(List.of(Task.builder("a").duration("1d").assignment(Assignment.of("anna", 1)).build())).build();
        assertThatThrownBy(() -> PlanLeveler.level(plan, OPTIONS)).isInstanceOf(PlanLeveler.Unschedulable.class)
                .hasMessageContaining("task 'a' needs 100").hasMessageContaining("resource 'anna'");
    }
}
