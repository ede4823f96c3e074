package io.planwright.core.change;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What changed between two versions of a plan, field by field, and what it does to the schedule. */
class PlanDiffTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);

    static Plan before() {
        return Plan.builder("Launch").start(MONDAY)
                .resources(List.of(Resource.builder("ann").build()))
                .tasks(List.of(
                        Task.builder("build").name("Build").build(),
                        Task.builder("code").name("Code").parentId("build").duration("5d").assignment(Assignment.of("ann", 1)).build(),
                        Task.builder("test").name("Test").parentId("build").duration("3d").after("code").build(),
                        Task.builder("docs").name("Docs").duration("2d").build(),
                        Task.builder("old").name("Old task").duration("1d").assignment(Assignment.of("ann", 1)).build()))
                .build();
    }

    @Test
    void identicalPlansHaveNoDifferences() {
        assertThat(PlanDiff.of(before(), before()).isEmpty()).isTrue();
    }

    @Test
    void addedRemovedMovedAndChangedTasksFieldByField() {
        Plan before = before();
        Plan after = before.toBuilder().name("Launch 2").tasks(List.of(
                        before.tasks().get(0),
                        before.tasks().get(1).toBuilder().duration("8d").assignment(Assignment.of("ann", 0.5)).build(),
                        before.tasks().get(2),
                        before.tasks().get(3).toBuilder().parentId("build").build(),
                        Task.builder("deploy").name("Deploy").duration("1d").after("test").fixedCost(new BigDecimal("500")).build()))
                .risks(List.of(Risk.builder("r1").title("Vendor late").probability(0.3).build()))
                .build();
        PlanDiff.Result d = PlanDiff.of(before, after, PlanScheduler.schedule(before), PlanScheduler.schedule(after));
        assertThat(d.plan()).containsExactly(new PlanDiff.FieldChange("name", "Launch", "Launch 2"));
        assertThat(d.entries()).extracting(e -> e.section() + " " + e.id() + " " + e.kind().text())
                .containsExactly("tasks code changed", "tasks docs moved", "tasks deploy added", "tasks old removed", "risks r1 added");
        assertThat(d.entries().get(0).fields()).containsExactly(new PlanDiff.FieldChange("duration", "5d", "8d"),
                new PlanDiff.FieldChange("resources", "ann 100%", "ann 100%, ann 50%"));
        assertThat(d.entries().get(1).fields()).containsExactly(new PlanDiff.FieldChange("parent", null, "build"));
        assertThat(d.count("tasks", PlanDiff.Kind.ADDED)).isEqualTo(1);
        // the impact: code 3 days longer and deploy after test: the finish moves from Wed 13 Jan to Tue 19 Jan
        assertThat(d.impact().finishBefore()).isEqualTo(LocalDateTime.of(2027, 1, 13, 17, 0));
        assertThat(d.impact().finishAfter()).isEqualTo(LocalDateTime.of(2027, 1, 19, 17, 0));
        assertThat(d.impact().costAfter() - d.impact().costBefore()).isEqualTo(500);
        assertThat(d.impact().criticalAdded()).contains("deploy");
        // what slipped, by working hours; the work of the tasks added (none: deploy has no one) and removed (old: 8 hours)
        assertThat(d.impact().slipped()).extracting(x -> x.id() + " " + x.finishAfter().toLocalDate() + " +" + x.hours())
                .containsExactly("code 2027-01-13 +24.0", "test 2027-01-18 +24.0");
        assertThat(d.impact().workAddedHours()).isZero();
        assertThat(d.impact().workRemovedHours()).isEqualTo(8);
    }

    @Test
    void listsOfEntriesWithIdsInsideAnEntryAreComparedEntryByEntry() {
        java.time.LocalDateTime saved = MONDAY.minusDays(3);
        io.planwright.core.model.Baseline b1 = new io.planwright.core.model.Baseline("baseline", "Approved", saved, List.of(
                new io.planwright.core.model.BaselineTask("code", MONDAY, null, io.planwright.core.model.Duration.days(5), null, null),
                new io.planwright.core.model.BaselineTask("docs", MONDAY, null, null, null, null)));
        io.planwright.core.model.Baseline b2 = new io.planwright.core.model.Baseline("baseline", "Approved", saved, List.of(
                new io.planwright.core.model.BaselineTask("code", MONDAY, null, io.planwright.core.model.Duration.days(8), null, null),
                new io.planwright.core.model.BaselineTask("deploy", MONDAY, null, null, null, new BigDecimal("500"))));
        PlanDiff.Result d = PlanDiff.of(before().toBuilder().baselines(List.of(b1)).build(), before().toBuilder().baselines(List.of(b2)).build());
        assertThat(d.entries()).hasSize(1);
        assertThat(d.entries().get(0).fields()).containsExactly(
                new PlanDiff.FieldChange("tasks/code/duration", "5d", "8d"),
                new PlanDiff.FieldChange("tasks/deploy", null, "{task-id: deploy, start: 2027-01-04T08:00, cost: 500}"),
                new PlanDiff.FieldChange("tasks/docs", "{task-id: docs, start: 2027-01-04T08:00}", null));
    }
}
