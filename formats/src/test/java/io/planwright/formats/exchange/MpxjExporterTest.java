package io.planwright.formats.exchange;

import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.plan.PlanFiles;
import org.junit.jupiter.api.Test;
import org.mpxj.ConstraintType;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.ResourceAssignment;
import org.mpxj.Task;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What the exporter puts into MPXJ's project, field by field, for MS Project and for Primavera. */
class MpxjExporterTest {

    static Plan plan() {
        return PlanFiles.parse("e.plan.yaml", """
                planwright: 1
                plan: {name: Export, start: 2026-03-02, status-date: 2026-03-13, currency: EUR}
                resources:
                  anna: {name: Anna Berg, rate: 95/h}
                tasks:
                  build:
                    name: Build
                    tasks:
                      design: {name: Design, duration: 5d, resources: {anna: 50%}, deadline: 2026-03-11}
                      review: {name: Review, duration: 4h, after: [design SS+2d], constraint: FNLT 2026-03-20}
                  live: {name: Live, milestone: true, after: [build]}
                """, null).plan();
    }

    static Task task(ProjectFile f, String name) {
        return f.getTasks().stream().filter(t -> name.equals(t.getName())).findFirst().orElseThrow();
    }

    @Test
    void tasksLinksConstraintsDeadlinesAndAssignmentsGoToMsProject() {
        Plan plan = plan();
        MpxjExporter.Result r = MpxjExporter.export(plan, PlanScheduler.schedule(plan));
        ProjectFile f = r.project();
        assertThat(f.getProjectProperties().getProjectTitle()).isEqualTo("Export");
        assertThat(f.getProjectProperties().getCurrencyCode()).isEqualTo("EUR");
        // the status date and the deadline given as dates: their day's last working moment
        assertThat(f.getProjectProperties().getStatusDate()).isEqualTo(LocalDateTime.of(2026, 3, 13, 17, 0));
        Task design = task(f, "Design");
        assertThat(design.getDeadline()).isEqualTo(LocalDateTime.of(2026, 3, 11, 17, 0));
        assertThat(design.getWBS()).isEqualTo("1.1");
        assertThat(design.getParentTask().getName()).isEqualTo("Build");
        ResourceAssignment a = design.getResourceAssignments().get(0);
        assertThat(a.getResource().getName()).isEqualTo("Anna Berg");
        assertThat(a.getUnits().doubleValue()).isEqualTo(50.0);
        Task review = task(f, "Review");
        assertThat(review.getConstraintType()).isEqualTo(ConstraintType.FINISH_NO_LATER_THAN);
        assertThat(review.getConstraintDate()).isEqualTo(LocalDateTime.of(2026, 3, 20, 17, 0));
        Relation link = review.getPredecessors().get(0);
        assertThat(link.getPredecessorTask().getName()).isEqualTo("Design");
        assertThat(link.getType()).isEqualTo(RelationType.START_START);
        assertThat(link.getLag().getDuration()).isEqualTo(2.0);
        assertThat(task(f, "Live").getMilestone()).isTrue();
        // the schedule's dates are Planwright's
        assertThat(design.getStart()).isEqualTo(LocalDateTime.of(2026, 3, 2, 8, 0));
        assertThat(design.getFinish()).isEqualTo(LocalDateTime.of(2026, 3, 6, 17, 0));
    }

    @Test
    void primaveraGetsTheDeadlineAsASecondaryConstraintAndNoSummaryLinks() {
        Plan plan = plan();
        MpxjExporter.Result r = MpxjExporter.export(plan, PlanScheduler.schedule(plan), MpxjExporter.Target.PRIMAVERA);
        Task design = task(r.project(), "Design");
        assertThat(design.getSecondaryConstraintType()).isEqualTo(ConstraintType.FINISH_NO_LATER_THAN);
        assertThat(design.getSecondaryConstraintDate()).isEqualTo(LocalDateTime.of(2026, 3, 11, 17, 0));
        assertThat(design.getDeadline()).isNull();
        // Live follows the summary Build: Primavera has no summary links, so it follows Build's tasks or the loss is listed
        Task live = task(r.project(), "Live");
        boolean spread = live.getPredecessors().stream().noneMatch(l -> "Build".equals(l.getPredecessorTask().getName()));
        assertThat(spread || r.losses().stream().anyMatch(l -> l.taskId().equals("live"))).isTrue();
    }
}
