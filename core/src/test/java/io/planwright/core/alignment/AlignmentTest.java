package io.planwright.core.alignment;

import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which work serves which objective: directly, through its phase, through a deliverable; and what serves none. */
class AlignmentTest {

    static Plan plan() {
        return Plan.builder("align").start(LocalDateTime.of(2027, 1, 4, 8, 0))
                .objectives(List.of(new Objective("faster", "Faster service", null, List.of()),
                        new Objective("cheaper", "Lower cost", null, List.of()),
                        new Objective("greener", "Greener office", null, List.of())))
                .tasks(List.of(
                        Task.builder("build").objectiveIds(List.of("faster")).build(),
                        Task.builder("code").parentId("build").duration("5d").fixedCost(new BigDecimal("1000")).build(),
                        Task.builder("test").parentId("build").duration("2d").objectiveIds(List.of("cheaper")).fixedCost(new BigDecimal("400")).build(),
                        Task.builder("manual").duration("1d").fixedCost(new BigDecimal("300")).build(),
                        Task.builder("party").duration("1d").fixedCost(new BigDecimal("250")).build()))
                .deliverables(List.of(new Deliverable("docs", "Documentation", null, List.of("cheaper"), List.of("manual"), null, null, List.of(), null)))
                .build();
    }

    @Test
    void aTaskServesItsOwnItsPhasesAndItsDeliverablesObjectives() {
        assertThat(Alignment.objectivesOf(plan())).containsExactly(
                java.util.Map.entry("code", Set.of("faster")),
                java.util.Map.entry("test", Set.of("cheaper", "faster")),
                java.util.Map.entry("manual", Set.of("cheaper")),
                java.util.Map.entry("party", Set.of()));
    }

    @Test
    void theReportCountsWorkAndCostPerObjectiveAndNamesWhatServesNone() {
        Plan plan = plan();
        Alignment.Report r = Alignment.of(plan, PlanScheduler.schedule(plan));
        assertThat(r.objectives()).extracting(s -> s.objective().id()).containsExactly("faster", "cheaper", "greener");
        assertThat(r.objectives().get(0).taskIds()).containsExactly("code", "test");
        assertThat(r.objectives().get(0).cost()).isCloseTo(1400, within(1e-9));
        assertThat(r.objectives().get(1).taskIds()).containsExactly("test", "manual");
        assertThat(r.objectives().get(1).cost()).isCloseTo(700, within(1e-9));
        assertThat(r.untraced()).containsExactly("party");
        assertThat(r.untracedCost()).isCloseTo(250, within(1e-9));
        assertThat(r.withoutWork()).extracting(Objective::id).containsExactly("greener");
    }
}
