package io.planwright.core.schedule;

import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerTest {

    static final LocalDateTime MONDAY = LocalDateTime.parse("2026-03-02T08:00");

    static Plan plan(Task.Builder... tasks) {
        Plan.Builder b = Plan.builder("test").start(MONDAY);
        for (Task.Builder t : tasks) {
            b.task(t.build());
        }
        return b.build();
    }

    static Task.Builder task(String id, String duration) {
        return Task.builder(id).duration(duration);
    }

    static ScheduledTask get(PlanSchedule s, String id) {
        return s.task(id).orElseThrow();
    }

    static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void aChainFinishesAtTheEndOfTheDayAndTheNextTaskStartsNextMorning() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"), task("b", "2d").after("a"), task("c", "4h").after("b")));
        assertThat(get(s, "a").earlyStart()).isEqualTo(t("2026-03-02T08:00"));
        assertThat(get(s, "a").earlyFinish()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-09T08:00"));
        assertThat(get(s, "b").earlyFinish()).isEqualTo(t("2026-03-10T17:00"));
        assertThat(get(s, "c").earlyFinish()).isEqualTo(t("2026-03-11T12:00"));
        assertThat(s.finish()).isEqualTo(t("2026-03-11T12:00"));
        assertThat(s.tasks()).allMatch(ScheduledTask::critical);
        assertThat(s.criticalPath()).containsExactly("a", "b", "c");
        assertThat(get(s, "b").drivingPredecessor()).isEqualTo("a");
        assertThat(get(s, "a").driver()).isEqualTo("the plan start");
    }

    @Test
    void aForwardPlansTargetFinishIsADeadlineOfThePlan() {
        Plan.Builder b = plan(task("a", "5d"), task("b", "5d").after("a"), task("c", "2d")).toBuilder();
        // the plan file's "finish: 2026-03-10": the end of that day
        PlanSchedule s = PlanScheduler.schedule(b.finish(t("2026-03-11T00:00")).build());
        assertThat(s.finish()).isEqualTo(t("2026-03-13T17:00"));
        assertThat(get(s, "a").totalFloatMinutes()).isEqualTo(-3 * 480);
        assertThat(get(s, "b").totalFloatMinutes()).isEqualTo(-3 * 480);
        assertThat(get(s, "b").lateFinish()).isEqualTo(t("2026-03-10T17:00"));
        assertThat(get(s, "c").totalFloatMinutes()).isEqualTo(5 * 480);
        assertThat(s.warnings()).extracting(ScheduleWarning::kind).containsExactly(ScheduleWarning.Kind.TARGET_MISSED);
        // a target after the finish changes nothing
        PlanSchedule later = PlanScheduler.schedule(b.finish(t("2026-03-21T00:00")).build());
        assertThat(get(later, "b").totalFloatMinutes()).isZero();
        assertThat(later.warnings()).isEmpty();
    }

    @Test
    void aMustFinishOnADateAloneFinishesThatDay() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "2d").constraint(
                io.planwright.core.model.Constraint.of(io.planwright.core.model.ConstraintType.MFO, t("2026-03-14T00:00")))));
        // MFO 2026-03-13: the end of Friday, shown as its last working moment
        assertThat(get(s, "a").finish()).isEqualTo(t("2026-03-13T17:00"));
        assertThat(get(s, "a").start()).isEqualTo(t("2026-03-12T08:00"));
        assertThat(s.finish()).isEqualTo(t("2026-03-13T17:00"));
    }

    @Test
    void floatOfAParallelBranch() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "1d"), task("long", "5d").after("a"), task("short", "2d").after("a"),
                task("end", "1d").after("long", "short")));
        ScheduledTask shortTask = get(s, "short");
        assertThat(shortTask.totalFloatMinutes()).isEqualTo(3 * 480);
        assertThat(shortTask.freeFloatMinutes()).isEqualTo(3 * 480);
        assertThat(shortTask.critical()).isFalse();
        assertThat(shortTask.lateStart()).isEqualTo(t("2026-03-06T08:00"));
        assertThat(shortTask.lateFinish()).isEqualTo(t("2026-03-09T17:00"));
        assertThat(get(s, "long").critical()).isTrue();
        assertThat(s.criticalPath()).containsExactly("a", "long", "end");
    }

    @Test
    void freeFloatIsLessThanTotalFloatWhenASuccessorAlsoHasFloat() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "10d"), task("b", "2d"), task("c", "2d").after("b"),
                task("end", "1d").after("a", "c")));
        assertThat(get(s, "b").totalFloatMinutes()).isEqualTo(6 * 480);
        assertThat(get(s, "b").freeFloatMinutes()).isZero();
        assertThat(get(s, "c").freeFloatMinutes()).isEqualTo(6 * 480);
    }

    @Test
    void allFourLinkTypesWithLagsAndLeads() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("a", "4d"),
                task("ss", "2d").link(Link.of("a", LinkType.SS, Duration.days(1))),
                task("ff", "2d").link(Link.of("a", LinkType.FF, Duration.days(1))),
                task("sf", "2d").link(Link.of("a", LinkType.SF, Duration.days(3))),
                task("lead", "1d").link(Link.of("a", LinkType.FS, Duration.days(-2))),
                task("pct", "1d").link(Link.of("a", LinkType.FS, Duration.of(50, io.planwright.core.model.TimeUnit.PERCENT))),
                task("elapsed", "1d").link(Link.of("a", LinkType.FS, Duration.of(2, io.planwright.core.model.TimeUnit.ELAPSED_DAYS)))));
        // a: Mon 08:00 .. Thu 17:00
        assertThat(get(s, "ss").earlyStart()).isEqualTo(t("2026-03-03T08:00"));
        assertThat(get(s, "ff").earlyFinish()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "ff").earlyStart()).isEqualTo(t("2026-03-05T08:00"));
        assertThat(get(s, "sf").earlyFinish()).isEqualTo(t("2026-03-04T17:00"));
        assertThat(get(s, "lead").earlyStart()).isEqualTo(t("2026-03-04T08:00"));
        assertThat(get(s, "pct").earlyStart()).isEqualTo(t("2026-03-10T08:00"));
        // Thursday 17:00 + 48 hours = Saturday 17:00, next work Monday
        assertThat(get(s, "elapsed").earlyStart()).isEqualTo(t("2026-03-09T08:00"));
    }

    @Test
    void milestonesSitAtTheFinishOfTheirPredecessor() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"), Task.builder("done").milestone(true).duration("0d").after("a"),
                task("b", "1d").after("done")));
        assertThat(get(s, "done").start()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "done").finish()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "done").type()).isEqualTo(ScheduledTask.Kind.MILESTONE);
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-09T08:00"));
        assertThat(get(s, "done").critical()).isTrue();
    }

    @Test
    void aMilestoneWithoutPredecessorsIsAtThePlanStart() {
        PlanSchedule s = PlanScheduler.schedule(plan(Task.builder("kickoff").duration("0d")));
        assertThat(get(s, "kickoff").start()).isEqualTo(MONDAY);
    }

    @Test
    void startConstraintsAndFinishConstraints() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("a", "2d"),
                task("snet", "1d").after("a").constraint(Constraint.of(ConstraintType.SNET, t("2026-03-10T00:00"))),
                task("fnet", "1d").after("a").constraint(Constraint.of(ConstraintType.FNET, t("2026-03-13T17:00"))),
                task("mso", "1d").constraint(Constraint.of(ConstraintType.MSO, t("2026-03-04T13:00")))));
        assertThat(get(s, "snet").earlyStart()).isEqualTo(t("2026-03-10T08:00"));
        assertThat(get(s, "snet").driver()).contains("constraint");
        assertThat(get(s, "fnet").earlyStart()).isEqualTo(t("2026-03-13T08:00"));
        assertThat(get(s, "mso").earlyStart()).isEqualTo(t("2026-03-04T13:00"));
        assertThat(get(s, "mso").earlyFinish()).isEqualTo(t("2026-03-05T12:00"));
    }

    @Test
    void aHardConstraintAgainstTheLinksWinsAndShowsNegativeFloat() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"),
                task("b", "1d").after("a").constraint(Constraint.of(ConstraintType.MSO, t("2026-03-04T08:00")))));
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-04T08:00"));
        assertThat(get(s, "a").totalFloatMinutes()).isEqualTo(-3 * 480);
        assertThat(s.warnings()).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo(ScheduleWarning.Kind.CONSTRAINT_CONFLICT);
            assertThat(w.taskId()).isEqualTo("b");
            assertThat(w.message()).contains("must start on").contains("2026-03-09");
        });
    }

    @Test
    void aMissedDeadlineGivesNegativeFloatAndAWarning() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"),
                task("b", "5d").after("a").deadline(t("2026-03-11T17:00"))));
        assertThat(get(s, "b").finish()).isEqualTo(t("2026-03-13T17:00"));
        assertThat(get(s, "b").totalFloatMinutes()).isEqualTo(-2 * 480);
        assertThat(get(s, "a").totalFloatMinutes()).isEqualTo(-2 * 480);
        assertThat(get(s, "b").lateFinish()).isEqualTo(t("2026-03-11T17:00"));
        assertThat(s.warnings()).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo(ScheduleWarning.Kind.DEADLINE_MISSED);
            assertThat(w.message()).contains("2 working days after its deadline");
        });
    }

    @Test
    void aDeadlineThatIsMetGivesFloatButDoesNotMoveTheTask() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d").deadline(t("2026-03-13T17:00")), task("b", "10d")));
        assertThat(get(s, "a").finish()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "a").totalFloatMinutes()).isEqualTo(5 * 480);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void summaryTasksRollUpAndTheirLinksApplyToTheirChildren() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("design", "3d"),
                Task.builder("build").after("design"),
                task("frontend", "4d").parentId("build"),
                task("backend", "6d").parentId("build"),
                task("test", "2d").after("build")));
        assertThat(get(s, "build").type()).isEqualTo(ScheduledTask.Kind.SUMMARY);
        assertThat(get(s, "frontend").earlyStart()).isEqualTo(t("2026-03-05T08:00"));
        assertThat(get(s, "backend").earlyStart()).isEqualTo(t("2026-03-05T08:00"));
        assertThat(get(s, "build").start()).isEqualTo(t("2026-03-05T08:00"));
        assertThat(get(s, "build").finish()).isEqualTo(t("2026-03-12T17:00"));
        assertThat(get(s, "build").durationMinutes()).isEqualTo(6 * 480);
        assertThat(get(s, "build").wbs()).isEqualTo("2");
        assertThat(get(s, "backend").wbs()).isEqualTo("2.2");
        assertThat(get(s, "test").earlyStart()).isEqualTo(t("2026-03-13T08:00"));
        assertThat(get(s, "frontend").totalFloatMinutes()).isEqualTo(2 * 480);
        assertThat(get(s, "build").critical()).isTrue();
        assertThat(get(s, "frontend").driver()).contains("summary task build");
        assertThat(s.criticalPath()).containsExactly("design", "backend", "test");
    }

    @Test
    void alapTasksAreScheduledAtTheirLateDates() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"), task("b", "1d").constraint(Constraint.ALAP),
                task("end", "1d").after("a", "b")));
        assertThat(get(s, "b").start()).isEqualTo(t("2026-03-06T08:00"));
        assertThat(get(s, "b").earlyStart()).isEqualTo(MONDAY);
    }

    @Test
    void taskCalendarsAndHolidays() {
        WorkCalendar cal = WorkCalendar.standard("standard").withExceptions(List.of(
                CalendarException.holiday("Holiday", LocalDate.of(2026, 3, 4))));
        Plan p = Plan.builder("p").start(MONDAY).calendar(cal).calendar(WorkCalendar.twentyFourSeven("always"))
                .task(task("a", "3d").build())
                .task(task("b", "24h").calendarId("always").after("a").build())
                .build();
        PlanSchedule s = PlanScheduler.schedule(p);
        assertThat(get(s, "a").earlyFinish()).isEqualTo(t("2026-03-05T17:00"));
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-05T17:00"));
        assertThat(get(s, "b").earlyFinish()).isEqualTo(t("2026-03-06T17:00"));
    }

    @Test
    void backwardSchedulingFromARequiredFinish() {
        Plan p = Plan.builder("retro").scheduleFrom(ScheduleFrom.FINISH).finish(t("2026-03-20T17:00"))
                .task(task("a", "5d").build())
                .task(task("b", "2d").after("a").build())
                .task(task("c", "1d").build())
                .build();
        PlanSchedule s = PlanScheduler.schedule(p);
        assertThat(get(s, "b").finish()).isEqualTo(t("2026-03-20T17:00"));
        assertThat(get(s, "b").start()).isEqualTo(t("2026-03-19T08:00"));
        assertThat(get(s, "a").finish()).isEqualTo(t("2026-03-18T17:00"));
        assertThat(get(s, "a").start()).isEqualTo(t("2026-03-12T08:00"));
        assertThat(get(s, "c").start()).isEqualTo(t("2026-03-20T08:00"));
        assertThat(s.start()).isEqualTo(t("2026-03-12T08:00"));
        assertThat(s.finish()).isEqualTo(t("2026-03-20T17:00"));
        assertThat(get(s, "a").critical()).isTrue();
        assertThat(get(s, "c").totalFloatMinutes()).isEqualTo(6 * 480);
    }

    @Test
    void manualTasksKeepTheirDates() {
        PlanSchedule s = PlanScheduler.schedule(plan(task("a", "5d"),
                task("m", "1d").after("a").manual(true).start(t("2026-03-03T08:00")).finish(t("2026-03-03T17:00")),
                task("after", "1d").after("m")));
        assertThat(get(s, "m").start()).isEqualTo(t("2026-03-03T08:00"));
        assertThat(get(s, "after").earlyStart()).isEqualTo(t("2026-03-04T08:00"));
        assertThat(get(s, "m").driver()).isEqualTo("manually scheduled");
    }

    @Test
    void actualDatesFixStartedWork() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("a", "5d").actualStart(t("2026-03-03T08:00")).actualFinish(t("2026-03-10T17:00")).percentComplete(100),
                task("b", "2d").after("a")));
        assertThat(get(s, "a").start()).isEqualTo(t("2026-03-03T08:00"));
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-11T08:00"));
    }

    @Test
    void aStartedTaskFinishesWhenItsRemainingDurationIsDone() {
        // 40 % of 5d done (2d), 4d reported left: its duration becomes 6d, as in MS Project
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("a", "5d").actualStart(t("2026-03-02T08:00")).percentComplete(40).remainingDuration(Duration.days(4)),
                task("b", "2d").after("a")));
        assertThat(get(s, "a").finish()).isEqualTo(t("2026-03-09T17:00"));
        assertThat(get(s, "b").earlyStart()).isEqualTo(t("2026-03-10T08:00"));
        // progress alone: the rest of its duration
        PlanSchedule p = PlanScheduler.schedule(plan(task("a", "5d").actualStart(t("2026-03-02T08:00")).percentComplete(40)));
        assertThat(get(p, "a").finish()).isEqualTo(t("2026-03-06T17:00"));
    }

    static Plan inProgress(boolean reschedule, double percent, String statusDate) {
        return Plan.builder("progress").start(MONDAY).statusDate(t(statusDate)).rescheduleRemaining(reschedule)
                .task(task("a", "5d").actualStart(t("2026-03-02T08:00")).percentComplete(percent).build())
                .task(task("b", "1d").after("a").build())
                .build();
    }

    @Test
    void remainingWorkBehindTheStatusDateResumesThereWhenThePlanSaysSo() {
        // 20 % of 5d done: the done part ends Monday 17:00; status date Wednesday evening
        PlanSchedule moved = PlanScheduler.schedule(inProgress(true, 20, "2026-03-05T00:00"));
        assertThat(get(moved, "a").start()).isEqualTo(t("2026-03-02T08:00"));
        assertThat(get(moved, "a").finish()).isEqualTo(t("2026-03-10T17:00")); // 4d from Thursday 08:00
        assertThat(get(moved, "b").earlyStart()).isEqualTo(t("2026-03-11T08:00"));
        assertThat(get(moved, "a").critical()).isTrue();
        // the option off: the remaining work follows the done part (MS Project's default)
        PlanSchedule kept = PlanScheduler.schedule(inProgress(false, 20, "2026-03-05T00:00"));
        assertThat(get(kept, "a").finish()).isEqualTo(t("2026-03-06T17:00"));
        // ahead of the status date: nothing moves
        PlanSchedule ahead = PlanScheduler.schedule(inProgress(true, 80, "2026-03-05T00:00"));
        assertThat(get(ahead, "a").finish()).isEqualTo(t("2026-03-06T17:00"));
        // a finished task never moves
        Plan done = inProgress(true, 100, "2026-03-12T00:00").toBuilder()
                .tasks(List.of(task("a", "5d").actualStart(t("2026-03-02T08:00")).actualFinish(t("2026-03-06T17:00")).percentComplete(100).build()))
                .build();
        assertThat(get(PlanScheduler.schedule(done), "a").finish()).isEqualTo(t("2026-03-06T17:00"));
    }

    @Test
    void cyclesAreReportedWithTheTasksInvolved() {
        Plan p = plan(task("design", "1d").after("test"), task("build", "1d").after("design"), task("test", "1d").after("build"),
                task("other", "1d"));
        PlanCompiler.Compiled c = PlanCompiler.compile(p);
        assertThatThrownBy(() -> CriticalPathScheduler.schedule(c.network()))
                .isInstanceOfSatisfying(DependencyCycleException.class,
                        e -> assertThat(e.tasks()).extracting(c.network()::id).containsExactlyInAnyOrder("design", "build", "test"));
    }

    @Test
    void cyclesThroughASummaryTaskAreFound() {
        Plan p = plan(Task.builder("phase").after("x"), task("a", "1d").parentId("phase"), task("x", "1d").after("a"));
        PlanCompiler.Compiled c = PlanCompiler.compile(p);
        assertThatThrownBy(() -> CriticalPathScheduler.schedule(c.network()))
                .isInstanceOfSatisfying(DependencyCycleException.class,
                        e -> assertThat(e.tasks()).extracting(c.network()::id).contains("phase", "a", "x"));
    }

    @Test
    void anEmptyPlanHasNoTasksAndFinishesAtItsStart() {
        PlanSchedule s = PlanScheduler.schedule(plan());
        assertThat(s.tasks()).isEmpty();
        assertThat(s.finish()).isEqualTo(MONDAY);
    }

    @Test
    void summaryConstraintsAndDeadlinesBindTheirTasks() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                Task.builder("phase").constraint(Constraint.of(ConstraintType.SNET, t("2026-03-04T08:00"))).deadline(t("2026-03-05T17:00")),
                task("a", "3d").parentId("phase")));
        assertThat(get(s, "a").earlyStart()).isEqualTo(t("2026-03-04T08:00"));
        assertThat(get(s, "a").lateFinish()).isEqualTo(t("2026-03-05T17:00"));
        assertThat(get(s, "a").totalFloatMinutes()).isEqualTo(-480);
    }

    static Plan backward(String finish, Task.Builder... tasks) {
        Plan.Builder b = Plan.builder("retro").scheduleFrom(ScheduleFrom.FINISH).finish(t(finish));
        for (Task.Builder t : tasks) {
            b.task(t.build());
        }
        return b.build();
    }

    @Test
    void anExplicitAsapTaskInABackwardPlanIsEarlyAndFollowsItsPredecessors() {
        PlanSchedule s = PlanScheduler.schedule(backward("2026-03-20T17:00",
                task("prep", "2d"), task("asap", "1d").after("prep").constraint(Constraint.ASAP), task("long", "8d"),
                task("end", "1d").after("asap", "long")));
        // prep sits late (ALAP by default), asap starts right after it, not at its own early date
        assertThat(get(s, "asap").start()).isEqualTo(get(s, "prep").finish().plusHours(15));
        assertThat(get(s, "asap").start()).isAfterOrEqualTo(get(s, "prep").finish());
    }

    @Test
    void aStartedTaskInABackwardPlanKeepsItsOwnDuration() {
        PlanSchedule s = PlanScheduler.schedule(backward("2026-03-27T17:00",
                task("a", "3d").actualStart(t("2026-03-02T08:00")), task("b", "2d")));
        assertThat(get(s, "a").start()).isEqualTo(t("2026-03-02T08:00"));
        assertThat(get(s, "a").finish()).isEqualTo(t("2026-03-04T17:00"));
    }

    @Test
    void aDateConstrainedTaskInABackwardPlanIsPlacedLateAndKeepsItsLinks() {
        PlanSchedule s = PlanScheduler.schedule(backward("2026-03-27T17:00",
                task("a", "2d"), task("b", "1d").after("a").constraint(Constraint.of(ConstraintType.FNLT, t("2026-03-25T17:00"))),
                task("c", "1d")));
        assertThat(get(s, "b").finish()).isEqualTo(t("2026-03-25T17:00"));
        assertThat(get(s, "b").start()).isAfterOrEqualTo(get(s, "a").finish());
    }

    @Test
    void aMilestoneOnOneCalendarLeavesTheWeekendToAPredecessorWorkingSaturdays() {
        java.util.Map<java.time.DayOfWeek, List<io.planwright.core.model.TimeRange>> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            week.put(d, d == java.time.DayOfWeek.SUNDAY ? List.of() : WorkCalendar.STANDARD_DAY);
        }
        Plan p = Plan.builder("p").start(MONDAY).calendar(WorkCalendar.standard("standard"))
                .calendar(new WorkCalendar("crew", "Crew", null, week, List.of()))
                .task(task("cutover", "6d").calendarId("crew").build())
                .task(Task.builder("golive").milestone(true).after("cutover").deadline(t("2026-03-09T08:00")).build())
                .build();
        PlanSchedule s = PlanScheduler.schedule(p);
        assertThat(get(s, "cutover").finish()).isEqualTo(t("2026-03-07T17:00"));
        assertThat(get(s, "cutover").totalFloatMinutes()).isZero();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void actualAndManualDatesWithoutATimeAreMovedIntoWorkingTime() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("done", "5d").actualStart(t("2026-03-02T00:00")).actualFinish(t("2026-03-07T00:00")).percentComplete(100),
                task("manual", "1d").manual(true).start(t("2026-03-10T00:00")).finish(t("2026-03-11T00:00"))));
        assertThat(get(s, "done").start()).isEqualTo(t("2026-03-02T08:00"));
        assertThat(get(s, "done").finish()).isEqualTo(t("2026-03-06T17:00"));
        assertThat(get(s, "manual").start()).isEqualTo(t("2026-03-10T08:00"));
        assertThat(get(s, "manual").finish()).isEqualTo(t("2026-03-10T17:00"));
    }

    @Test
    void finishedWorkIsNeverCriticalAndAReachedMilestoneIsOneMoment() {
        PlanSchedule s = PlanScheduler.schedule(plan(
                task("done", "2d").actualStart(t("2026-03-02T00:00")).actualFinish(t("2026-03-04T00:00")).percentComplete(100),
                Task.builder("reached").milestone(true).after("done").actualStart(t("2026-03-04T00:00")).actualFinish(t("2026-03-04T00:00")),
                task("next", "3d").after("reached")));
        assertThat(get(s, "done").critical()).isFalse();
        assertThat(get(s, "reached").start()).isEqualTo(get(s, "reached").finish()).isEqualTo(t("2026-03-03T17:00"));
        assertThat(get(s, "next").critical()).isTrue();
    }

    @Test
    void finishedWorkInABackwardPlanKeepsItsActualDates() {
        PlanSchedule s = PlanScheduler.schedule(backward("2026-03-27T17:00",
                task("done", "2d").actualStart(t("2026-03-02T00:00")).actualFinish(t("2026-03-04T00:00")), task("b", "2d").after("done")));
        assertThat(get(s, "done").lateStart()).isEqualTo(t("2026-03-02T08:00"));
        assertThat(get(s, "done").lateFinish()).isEqualTo(t("2026-03-03T17:00"));
        assertThat(s.warnings()).isEmpty();
    }
}
