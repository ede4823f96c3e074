package io.planwright.core.track;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Update Project as of a date, as MS Project does it. */
class ProgressUpdateTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);
    /** Wednesday 2027-01-13 as a date alone: the end of that day. */
    static final LocalDateTime WEDNESDAY = LocalDateTime.of(2027, 1, 14, 0, 0);

    static Plan plan() {
        return Plan.builder("update").start(MONDAY).tasks(List.of(
                Task.builder("a").duration("5d").build(),
                Task.builder("b").duration("5d").after("a").build(),
                Task.builder("m").milestone(true).after("a").build(),
                Task.builder("c").duration("2d").after("b").build())).build();
    }

    @Test
    void workBeforeTheDateIsDoneAndWorkUnderWayGetsItsShareElapsed() {
        Plan plan = plan();
        ProgressUpdate.Result r = ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), WEDNESDAY, ProgressUpdate.Rule.SHARE_ELAPSED);
        Task a = r.plan().task("a").orElseThrow();
        assertThat(a.percentComplete()).isEqualTo(100);
        assertThat(a.actualStart()).isEqualTo(MONDAY);
        assertThat(a.actualFinish()).isEqualTo(LocalDateTime.of(2027, 1, 8, 17, 0));
        assertThat(r.plan().task("m").orElseThrow().actualFinish()).isEqualTo(LocalDateTime.of(2027, 1, 8, 17, 0));
        Task b = r.plan().task("b").orElseThrow();
        assertThat(b.percentComplete()).isEqualTo(60);   // 3 of its 5 days
        assertThat(b.actualStart()).isEqualTo(LocalDateTime.of(2027, 1, 11, 8, 0));
        assertThat(b.actualFinish()).isNull();
        assertThat(r.plan().task("c").orElseThrow().percentComplete()).isZero();
        assertThat(r.completed()).containsExactly("a", "m");
        assertThat(r.advanced()).containsExactly("b");
        assertThat(r.plan().statusDate()).isEqualTo(WEDNESDAY);
    }

    @Test
    void zeroOrHundredLeavesWorkUnderWayAlone() {
        Plan plan = plan();
        ProgressUpdate.Result r = ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), WEDNESDAY, ProgressUpdate.Rule.ZERO_OR_HUNDRED);
        assertThat(r.plan().task("b").orElseThrow().percentComplete()).isZero();
        assertThat(r.plan().task("b").orElseThrow().actualStart()).isNull();
        assertThat(r.completed()).containsExactly("a", "m");
    }

    @Test
    void progressReportedNeverGoesDownAndTheUpdateIsIdempotent() {
        Plan plan = plan();
        Task b = plan.task("b").orElseThrow().toBuilder().percentComplete(80).actualStart(LocalDateTime.of(2027, 1, 11, 9, 0)).build();
        plan = plan.toBuilder().tasks(List.of(plan.tasks().get(0), b, plan.tasks().get(2), plan.tasks().get(3))).build();
        ProgressUpdate.Result r = ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), WEDNESDAY, ProgressUpdate.Rule.SHARE_ELAPSED);
        assertThat(r.plan().task("b").orElseThrow().percentComplete()).isEqualTo(80);
        assertThat(r.plan().task("b").orElseThrow().actualStart()).isEqualTo(LocalDateTime.of(2027, 1, 11, 9, 0));
        ProgressUpdate.Result again = ProgressUpdate.asOf(r.plan(), PlanScheduler.schedule(r.plan()), WEDNESDAY, ProgressUpdate.Rule.SHARE_ELAPSED);
        assertThat(again.changed()).isFalse();
        assertThat(again.plan().tasks()).isEqualTo(r.plan().tasks());
    }
}
