package io.planwright.core.track;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Saving baselines, and the variance of a plan that moved against one. */
class BaselinesTest {

    static final LocalDateTime SAVED = LocalDateTime.of(2027, 1, 1, 9, 0);

    @Test
    void aSavedBaselineKeepsEveryTasksDatesDurationWorkAndCostPhasesSummingTheirTasks() {
        Plan plan = io.planwright.core.cost.CostsTest.plan().toBuilder().baselines(List.of()).build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        Baseline b = Baselines.capture(plan, s, "baseline", null, SAVED);
        assertThat(b.name()).isEqualTo("Baseline");
        assertThat(b.tasks()).extracting(t -> t.taskId()).containsExactly("phase", "design", "code", "launch");
        var design = b.tasks().get(1);
        assertThat(design.start()).isEqualTo(s.task("design").orElseThrow().start());
        assertThat(design.finish()).isEqualTo(s.task("design").orElseThrow().finish());
        assertThat(design.duration().amount()).isEqualTo(5);
        assertThat(design.work().amount()).isEqualTo(20);   // hours: anna half-time for 5 days
        assertThat(design.cost().doubleValue()).isEqualTo(1900);
        var phase = b.tasks().get(0);
        assertThat(phase.cost().doubleValue()).isEqualTo(1900 + 2510);
        assertThat(phase.work().amount()).isEqualTo(32);
    }

    @Test
    void baselinesAreKeptInMsProjectsOrderAndReplacedByTheirId() {
        Plan plan = io.planwright.core.cost.CostsTest.plan().toBuilder().baselines(List.of()).build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        plan = Baselines.save(plan, Baselines.capture(plan, s, "baseline3", null, SAVED));
        plan = Baselines.save(plan, Baselines.capture(plan, s, "baseline", "Signed off", SAVED));
        plan = Baselines.save(plan, Baselines.capture(plan, s, "baseline3", null, SAVED.plusDays(1)));
        assertThat(plan.baselines()).extracting(Baseline::id).containsExactly("baseline", "baseline3");
        assertThat(plan.baselines().get(1).name()).isEqualTo("Baseline 3");
        assertThat(plan.baselines().get(1).savedAt()).isEqualTo(SAVED.plusDays(1));
        assertThat(Baselines.find(plan, "Signed off")).map(Baseline::id).contains("baseline");
        assertThat(Baselines.clear(plan, "baseline7")).isEmpty();
        assertThat(Baselines.clear(plan, "baseline3").orElseThrow().baselines()).extracting(Baseline::id).containsExactly("baseline");
        assertThatThrownBy(() -> Baselines.capture(io.planwright.core.cost.CostsTest.plan(), s, "baseline11", null, SAVED))
                .hasMessageContaining("baseline1 to baseline10");
    }

    @Test
    void varianceOfAPlanThatSlippedAndGrew() {
        Plan plan = EarnedValueTest.plan(false);
        // B takes two more days than its baseline: it and the phase finish 2 days late; A's cost overran by 1,000
        List<Task> tasks = new ArrayList<>();
        for (Task t : plan.tasks()) {
            tasks.add(t.id().equals("b") ? t.toBuilder().duration("7d").build() : t);
        }
        plan = plan.toBuilder().tasks(tasks).build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        List<Variance.Line> lines = Variance.of(plan, s, plan.baselines().get(0));
        assertThat(lines).extracting(Variance.Line::id).containsExactly(null, "build", "a", "b", "c");
        Variance.Line b = lines.get(3);
        assertThat(b.startDays()).isCloseTo(0, within(1e-9));
        assertThat(b.finishDays()).isCloseTo(2, within(1e-9));
        assertThat(b.durationDays()).isCloseTo(2, within(1e-9));
        assertThat(lines.get(2).cost()).isCloseTo(1000, within(1e-9));
        assertThat(lines.get(1).finishDays()).isCloseTo(2, within(1e-9));
        assertThat(lines.get(1).cost()).isCloseTo(1000, within(1e-9));   // the phase: A's overrun
        assertThat(lines.get(0).finishDays()).isCloseTo(2, within(1e-9));
        assertThat(lines.get(0).cost()).isCloseTo(1000, within(1e-9));
        assertThat(Variance.slipped(lines, 1)).extracting(Variance.Line::id).containsExactly("b");
        assertThat(Variance.slipped(lines, 2)).isEmpty();
    }
}
