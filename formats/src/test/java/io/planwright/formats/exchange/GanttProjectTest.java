package io.planwright.formats.exchange;

import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.PlanIO;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A GanttProject file: its hierarchy, resources and every dependency, nested ones included (MPXJ drops those). */
class GanttProjectTest {

    @Test
    void readsTasksResourcesAndNestedDependencies() throws Exception {
        Path gan = Path.of(GanttProjectTest.class.getResource("/ganttproject/launch.gan").toURI());
        Plan plan = PlanIO.readAndCheck(gan).plan();
        assertThat(plan.name()).isEqualTo("Product launch");
        assertThat(plan.tasks()).extracting(Task::name).containsExactly("Preparation", "Market study", "Pricing", "Launch");
        // ids 0, 3, 1, 2 in file order: MPXJ numbers them one up (t1, t4, t2, t3)
        assertThat(plan.tasks().get(2).links()).containsExactly(Link.of("t4", LinkType.FS, io.planwright.core.model.Duration.ZERO));
        assertThat(plan.tasks().get(3).links()).containsExactly(Link.of("t2", LinkType.FS, io.planwright.core.model.Duration.days(1)));
        assertThat(plan.tasks().get(0).links()).isEmpty();
        assertThat(plan.tasks().get(1).links()).isEmpty();
        assertThat(plan.tasks().get(1).assignments()).hasSize(1);
        PlanSchedule s = PlanScheduler.schedule(plan);
        assertThat(s.task("t3").orElseThrow().finish()).isEqualTo(LocalDateTime.of(2026, 1, 15, 17, 0));
    }
}
