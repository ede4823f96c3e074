package io.planwright.core.change;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario merged back: its changes carried over entry by entry, conflicts with the plan's own changes shown and not overwritten. */
class PlanMergeTest {

    static Plan base() {
        return Plan.builder("Launch").start(LocalDateTime.of(2027, 1, 4, 8, 0)).tasks(List.of(
                Task.builder("build").name("Build").build(),
                Task.builder("code").name("Code").parentId("build").duration("5d").build(),
                Task.builder("test").name("Test").parentId("build").duration("3d").after("code").build(),
                Task.builder("docs").name("Docs").duration("2d").build())).build();
    }

    static Plan withTasks(Plan p, Task... tasks) {
        return p.toBuilder().tasks(List.of(tasks)).build();
    }

    @Test
    void theScenariosChangesAreCarriedIntoThePlanAsItIsNow() {
        Plan base = base();
        // the scenario: code longer, a review added inside build after code, docs removed, a risk added
        Plan scenario = withTasks(base, base.tasks().get(0), base.tasks().get(1).toBuilder().duration("8d").build(),
                Task.builder("review").name("Review").parentId("build").duration("1d").after("code").build(), base.tasks().get(2))
                .toBuilder().risks(List.of(Risk.builder("r1").title("Vendor late").probability(0.2).build())).build();
        // the plan meanwhile: test renamed (an entry the scenario did not touch)
        Plan plan = withTasks(base, base.tasks().get(0), base.tasks().get(1), base.tasks().get(2).toBuilder().name("System test").build(),
                base.tasks().get(3));
        assertThat(PlanMerge.changes(base, scenario)).containsExactly("tasks/code", "tasks/review", "tasks/docs", "risks/r1");
        PlanMerge.Result r = PlanMerge.merge(base, plan, scenario, null);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.applied()).containsExactly("tasks/code", "tasks/review", "tasks/docs", "risks/r1");
        assertThat(r.plan().tasks()).extracting(t -> t.id() + " " + t.name() + " " + t.duration())
                .containsExactly("build Build null", "code Code 8d", "review Review 1d", "test System test 3d");
        assertThat(r.plan().risks()).extracting(Risk::id).containsExactly("r1");
    }

    @Test
    void onlyTheChosenChangesAreTakenAndAnEntryBothChangedIsAConflictKeptAsThePlanHasIt() {
        Plan base = base();
        Plan scenario = withTasks(base, base.tasks().get(0), base.tasks().get(1).toBuilder().duration("8d").build(), base.tasks().get(2),
                base.tasks().get(3).toBuilder().duration("4d").build());
        Plan plan = withTasks(base, base.tasks().get(0), base.tasks().get(1).toBuilder().duration("6d").build(), base.tasks().get(2),
                base.tasks().get(3));
        PlanMerge.Result r = PlanMerge.merge(base, plan, scenario, Set.of("tasks/code", "tasks/docs"));
        assertThat(r.applied()).containsExactly("tasks/docs");
        assertThat(r.conflicts()).hasSize(1);
        PlanMerge.Conflict c = r.conflicts().get(0);
        assertThat(c.key()).isEqualTo("tasks/code");
        assertThat(c.plan()).containsExactly(new PlanDiff.FieldChange("duration", "5d", "6d"));
        assertThat(c.scenario()).containsExactly(new PlanDiff.FieldChange("duration", "5d", "8d"));
        assertThat(r.plan().task("code").orElseThrow().duration().toString()).as("the plan's change is kept").isEqualTo("6d");
        assertThat(r.plan().task("docs").orElseThrow().duration().toString()).isEqualTo("4d");
        // not chosen: nothing taken
        assertThat(PlanMerge.merge(base, plan, scenario, Set.of()).plan()).isEqualTo(plan);
        // the same change on both sides is no conflict
        assertThat(PlanMerge.merge(base, scenario, scenario, null).conflicts()).isEmpty();
    }

    @Test
    void theSettingsAreOneEntry() {
        Plan base = base();
        Plan scenario = base.toBuilder().name("Launch (fast track)").build();
        PlanMerge.Result r = PlanMerge.merge(base, base, scenario, null);
        assertThat(r.applied()).containsExactly("plan");
        assertThat(r.plan().name()).isEqualTo("Launch (fast track)");
        assertThat(r.plan().tasks()).isEqualTo(base.tasks());
        PlanMerge.Result both = PlanMerge.merge(base, base.toBuilder().name("Launch 2").build(), scenario, null);
        assertThat(both.conflicts()).extracting(PlanMerge.Conflict::key).containsExactly("plan");
        assertThat(both.plan().name()).isEqualTo("Launch 2");
    }
}
