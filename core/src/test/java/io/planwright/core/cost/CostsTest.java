package io.planwright.core.cost;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Rate;
import io.planwright.core.model.RateUnit;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a plan costs, figure by figure, against sums done by hand. */
public class CostsTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 8, 0);

    /**
     * A phase of two tasks and a task on its own: anna (95/h) half-time for 5 days = 20 h = 1,900;
     * ben (80/h, 50 EUR per use) with 12 h of fixed work = 960 + 50; 5 seats of licences at 300 = 1,500;
     * a fixed cost of 1,000.
     */
    public static Plan plan() {
        Resource anna = Resource.builder("anna").type(ResourceType.WORK).maxUnits(1).standardRate(new Rate(new BigDecimal("95"), RateUnit.HOUR)).build();
        Resource ben = Resource.builder("ben").type(ResourceType.WORK).maxUnits(1).standardRate(new Rate(new BigDecimal("80"), RateUnit.HOUR))
                .costPerUse(new BigDecimal("50")).build();
        Resource seats = Resource.builder("seats").type(ResourceType.MATERIAL).standardRate(new Rate(new BigDecimal("300"), RateUnit.UNIT)).build();
        Task phase = Task.builder("phase").name("Build").build();
        Task design = Task.builder("design").parentId("phase").duration("5d").assignment(Assignment.of("anna", 0.5)).build();
        Task code = Task.builder("code").parentId("phase").duration("3d").after("design")
                .assignment(new Assignment("ben", 1, Duration.parse("12h").orElseThrow())).assignment(Assignment.of("seats", 5)).build();
        Task launch = Task.builder("launch").duration("1d").after("phase").fixedCost(new BigDecimal("1000")).build();
        Baseline main = new Baseline("b0", "Baseline", MONDAY, List.of(new BaselineTask("design", null, null, null, null, new BigDecimal("2000")),
                new BaselineTask("code", null, null, null, null, new BigDecimal("2000")),
                new BaselineTask("phase", null, null, null, null, new BigDecimal("4000")),
                new BaselineTask("launch", null, null, null, null, new BigDecimal("900"))));
        return Plan.builder("costs").start(MONDAY).resources(List.of(anna, ben, seats)).tasks(List.of(phase, design, code, launch))
                .baselines(List.of(main)).build();
    }

    @Test
    void eachTaskCostsItsWorkAtTheRateItsUsesItsMaterialAndItsFixedCost() {
        Plan plan = plan();
        PlanSchedule s = PlanScheduler.schedule(plan);
        Map<String, Double> costs = Costs.taskCosts(plan, s);
        assertThat(costs).doesNotContainKey("phase");
        assertThat(costs.get("design")).isCloseTo(20 * 95.0, within(1e-9));
        assertThat(costs.get("code")).isCloseTo(12 * 80.0 + 50 + 5 * 300, within(1e-9));
        assertThat(costs.get("launch")).isCloseTo(1000, within(1e-9));
        assertThat(Costs.total(costs)).isCloseTo(1900 + 2510 + 1000, within(1e-9));
    }

    @Test
    void resourcesCountTheirHoursAndCost() {
        Plan plan = plan();
        Map<String, Costs.ResourceCost> r = Costs.byResource(plan, PlanScheduler.schedule(plan));
        assertThat(r.keySet()).containsExactly("anna", "ben", "seats");
        assertThat(r.get("anna").workHours()).isCloseTo(20, within(1e-9));
        assertThat(r.get("ben").workHours()).isCloseTo(12, within(1e-9));
        assertThat(r.get("ben").cost()).isCloseTo(1010, within(1e-9));
        assertThat(r.get("seats").workHours()).isZero();
        assertThat(r.get("seats").cost()).isCloseTo(1500, within(1e-9));
    }

    @Test
    void theBudgetIsTheMainBaselinesTasksAndPhasesCompareWithIt() {
        Plan plan = plan();
        // the phase's own baseline cost is its tasks' sum: counted once
        assertThat(Costs.budget(plan)).isCloseTo(4900, within(1e-9));
        List<Costs.PhaseCost> phases = Costs.phaseCosts(plan, Costs.taskCosts(plan, PlanScheduler.schedule(plan)));
        assertThat(phases).extracting(Costs.PhaseCost::id).containsExactly("phase", "launch");
        assertThat(phases.get(0).forecast()).isCloseTo(1900 + 2510, within(1e-9));
        assertThat(phases.get(0).budget()).isCloseTo(4000, within(1e-9));
        assertThat(phases.get(1).budget()).isCloseTo(900, within(1e-9));
        assertThat(Costs.budget(plan.toBuilder().baselines(List.of()).build())).isNull();
    }

    @Test
    void onlyWorkAtARateThatIsNotFixedGrowsWithTheDuration() {
        Plan plan = plan();
        assertThat(Costs.costPerWorkingMinute(plan, plan.task("design").orElseThrow())).isCloseTo(0.5 * 95 / 60.0, within(1e-12));
        // fixed work (ben's 12 h), cost per use and material do not
        assertThat(Costs.costPerWorkingMinute(plan, plan.task("code").orElseThrow())).isZero();
    }
}
