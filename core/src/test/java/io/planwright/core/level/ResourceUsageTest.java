package io.planwright.core.level;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each work resource's peak units day by day, by hand. */
class ResourceUsageTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);

    /**
     * ann works on a (Mon-Wed, 100 %) and b (Tue-Thu, 50 %): 100, 150, 150, 50 % from Monday to Thursday;
     * bob (max 200 %) on c (Wed, 100 %); the room is material and has no usage; dan works on nothing.
     */
    static Plan plan() {
        return Plan.builder("usage").start(MONDAY)
                .resources(List.of(Resource.builder("ann").name("Ann").build(), Resource.builder("bob").maxUnits(2).build(),
                        Resource.builder("room").type(ResourceType.MATERIAL).build(), Resource.builder("dan").build()))
                .tasks(List.of(
                        Task.builder("a").duration("3d").assignment(Assignment.of("ann", 1)).assignment(Assignment.of("room", 1)).build(),
                        Task.builder("b").duration("3d").constraint(io.planwright.core.model.Constraint.of(io.planwright.core.model.ConstraintType.SNET, MONDAY.plusDays(1)))
                                .assignment(Assignment.of("ann", 0.5)).build(),
                        Task.builder("c").duration("1d").constraint(io.planwright.core.model.Constraint.of(io.planwright.core.model.ConstraintType.SNET, MONDAY.plusDays(2)))
                                .assignment(Assignment.of("bob", 1)).build()))
                .build();
    }

    @Test
    void peakUnitsPerDayOfEachWorkResourceThatWorks() {
        Plan plan = plan();
        List<ResourceUsage.Usage> usage = ResourceUsage.byDay(plan, PlanScheduler.schedule(plan));
        assertThat(usage).extracting(ResourceUsage.Usage::resourceId).containsExactly("ann", "bob");
        ResourceUsage.Usage ann = usage.get(0);
        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(ann.firstDay()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(ann.peak()).containsExactly(1.0, 1.5, 1.5, 0.5);
        assertThat(ann.overallocated()).isTrue();
        ResourceUsage.Usage bob = usage.get(1);
        assertThat(bob.firstDay()).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(bob.peak()).containsExactly(1.0);
        assertThat(bob.overallocated()).isFalse();
    }
}
