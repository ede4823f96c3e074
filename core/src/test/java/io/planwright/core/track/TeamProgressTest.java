package io.planwright.core.track;

import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's work due now, and the progress they report applied to the plan. */
class TeamProgressTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);
    /** Wednesday 2027-01-13: the week of Monday 11 and the next one are the member's now. */
    static final LocalDate WEDNESDAY = LocalDate.of(2027, 1, 13);

    static Plan plan() {
        return Plan.builder("team").start(MONDAY).resources(List.of(Resource.builder("dana").build(), Resource.builder("lee").build())).tasks(List.of(
                Task.builder("late").duration("3d").assignment(Assignment.of("dana", 1)).build(),            // Jan 4-6: overdue
                Task.builder("now").duration("6d").after("late").assignment(Assignment.of("dana", 1)).build(),  // Jan 7-14
                Task.builder("next").duration("5d").after("now").assignment(Assignment.of("dana", 0.5)).build(), // Jan 15-21
                Task.builder("later").duration("10d").after("next").assignment(Assignment.of("dana", 1)).build(), // Jan 22-Feb 4
                Task.builder("far").duration("5d").after("later").assignment(Assignment.of("dana", 1)).build(), // Feb 5-11: after next week
                Task.builder("others").duration("5d").assignment(Assignment.of("lee", 1)).build(),
                Task.builder("done").duration("2d").percentComplete(100).actualStart(MONDAY).actualFinish(MONDAY.plusDays(1).withHour(17))
                        .assignment(Assignment.of("dana", 1)).build())).build();
    }

    @Test
    void myWorkIsTheResourcesOpenTasksOfThisWeekAndNextOverdueFirst() {
        Plan plan = plan();
        List<TeamProgress.WorkItem> work = TeamProgress.myWork(plan, PlanScheduler.schedule(plan), "dana", WEDNESDAY);
        assertThat(work).extracting(TeamProgress.WorkItem::taskId).containsExactly("late", "now", "next", "later");
        assertThat(work.get(0).overdue()).isTrue();
        assertThat(work.get(1).overdue()).isFalse();
        assertThat(work.get(2).plannedWorkHours()).isEqualTo(20.0);   // half-time over 5 days
        assertThat(TeamProgress.myWork(plan, PlanScheduler.schedule(plan), "nobody", WEDNESDAY)).isEmpty();
    }

    @Test
    void aReportSetsTheMembersWorkAndTheTasksProgressAndStartsAndFinishesIt() {
        Plan plan = plan();
        Plan started = TeamProgress.apply(plan, List.of(new TeamProgress.Report("now", "dana", Duration.hours(16), Duration.hours(24), 40.0)), WEDNESDAY);
        Task now = started.task("now").orElseThrow();
        assertThat(now.percentComplete()).isEqualTo(40);
        assertThat(now.actualStart()).isEqualTo(LocalDateTime.of(2027, 1, 13, 0, 0));
        assertThat(now.actualFinish()).isNull();
        assertThat(now.assignments().get(0).actualWork()).isEqualTo(Duration.hours(16));
        assertThat(now.assignments().get(0).remainingWork()).isEqualTo(Duration.hours(24));
        assertThat(PlanChecker.check(started)).noneMatch(Problem::isError);

        Plan finished = TeamProgress.apply(started, List.of(new TeamProgress.Report("now", "dana", Duration.hours(40), null, 100.0)), WEDNESDAY);
        Task done = finished.task("now").orElseThrow();
        assertThat(done.actualStart()).as("kept").isEqualTo(LocalDateTime.of(2027, 1, 13, 0, 0));
        assertThat(done.actualFinish()).as("the end of the day").isEqualTo(LocalDateTime.of(2027, 1, 14, 0, 0));
        assertThat(done.assignments().get(0).remainingWork().isZero()).isTrue();
        assertThat(PlanChecker.check(finished)).noneMatch(Problem::isError);

        assertThat(TeamProgress.apply(plan, List.of(new TeamProgress.Report("others", "dana", Duration.hours(1), null, 10.0)), WEDNESDAY))
                .as("not dana's task").isSameAs(plan);
    }

    @Test
    void theDayIsTheStatusDateElseToday() {
        Plan plan = plan();
        assertThat(TeamProgress.asOfDay(plan, WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(TeamProgress.asOfDay(plan.toBuilder().statusDate(LocalDateTime.of(2027, 1, 9, 0, 0)).build(), WEDNESDAY)).isEqualTo(LocalDate.of(2027, 1, 8));
    }
}
