package io.planwright.core.check;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCheckerTest {

    static final LocalDateTime START = LocalDateTime.parse("2026-03-02T08:00");

    static Plan.Builder plan() {
        return Plan.builder("p").start(START);
    }

    static Task.Builder task(String id) {
        return Task.builder(id).duration("1d");
    }

    static List<Problem> check(Plan.Builder b) {
        return PlanChecker.check(b.build());
    }

    static Problem only(List<Problem> problems, String code) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(code)).toList();
        assertThat(matching).as("problems with code " + code + " in " + problems).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aSoundPlanHasNoProblems() {
        assertThat(check(plan().task(task("a").build()).task(task("b").after("a").build()))).isEmpty();
    }

    @Test
    void danglingReferencesSuggestTheClosestId() {
        Problem p = only(check(plan().task(task("design").build()).task(task("build").after("desing").build())), "unknown-task");
        assertThat(p.path()).isEqualTo("tasks/build/after/0");
        assertThat(p.message()).isEqualTo("task 'build' depends on unknown task 'desing' (did you mean 'design'?)");
        assertThat(p.isError()).isTrue();
    }

    @Test
    void duplicateIds() {
        Problem p = only(check(plan().task(task("a").build()).task(task("a").build())), "duplicate-id");
        assertThat(p.message()).contains("'a' is used twice in tasks");
    }

    @Test
    void cyclesArePrintedAsAPath() {
        Problem p = only(check(plan().task(task("design").after("test").build()).task(task("build").after("design").build())
                .task(task("test").after("build").build())), "cycle");
        assertThat(p.message()).startsWith("dependency cycle: ");
        assertThat(p.message()).containsAnyOf("design -> build -> test -> design", "build -> test -> design -> build",
                "test -> design -> build -> test");
    }

    @Test
    void aTaskCannotDependOnItsOwnSummary() {
        List<Problem> problems = check(plan().task(Task.builder("phase").build()).task(task("a").parentId("phase").after("phase").build()));
        assertThat(only(problems, "link-to-summary").message()).isEqualTo("task 'a' cannot depend on its own summary task 'phase'");
    }

    @Test
    void raciNeedsExactlyOneAccountable() {
        Plan.Builder b = plan().resource(Resource.builder("ann").build()).resource(Resource.builder("bob").build())
                .task(task("none").raci(List.of(new RaciEntry("ann", RaciRole.R))).build())
                .task(task("two").raci(List.of(new RaciEntry("ann", RaciRole.A), new RaciEntry("bob", RaciRole.A))).build());
        List<Problem> problems = check(b);
        assertThat(problems).filteredOn(p -> p.code().equals("raci-accountable")).extracting(Problem::message).containsExactly(
                "task 'none' has no one Accountable (A) in its RACI: exactly one person or role must be",
                "task 'two' has 2 Accountable (ann, bob); exactly one must be");
    }

    @Test
    void raciWithoutAResponsibleIsAWarning() {
        Plan.Builder b = plan().resource(Resource.builder("ann").build()).resource(Resource.builder("bob").build())
                .task(task("only-a").raci(List.of(new RaciEntry("ann", RaciRole.A), new RaciEntry("bob", RaciRole.C))).build())
                .task(task("both").raci(List.of(new RaciEntry("ann", RaciRole.A), new RaciEntry("bob", RaciRole.R))).build())
                .task(task("none").build());
        Problem p = only(check(b), "raci-responsible");
        assertThat(p.isError()).isFalse();
        assertThat(p.path()).isEqualTo("tasks/only-a/raci");
        assertThat(p.message()).isEqualTo("task 'only-a' has no one Responsible (R) in its RACI: who does the work?");
    }

    @Test
    void raciPartiesMustBeKnown() {
        Problem p = only(check(plan().roles(List.of("sponsor")).task(task("a")
                .raci(List.of(new RaciEntry("sponsr", RaciRole.A))).build())), "unknown-party");
        assertThat(p.message()).contains("(did you mean 'sponsor'?)");
        assertThat(p.path()).isEqualTo("tasks/a/raci/sponsr");
    }

    @Test
    void constraintsThatConflictWithTheirOwnDates() {
        List<Problem> problems = check(plan().task(task("a")
                .constraint(Constraint.of(ConstraintType.SNET, LocalDateTime.parse("2026-04-10T08:00")))
                .deadline(LocalDateTime.parse("2026-04-01T17:00")).build()));
        Problem p = problems.stream().filter(x -> x.code().equals("constraint-conflict")).findFirst().orElseThrow();
        assertThat(p.isError()).as("a start-no-earlier-than after the deadline misses it, as MS Project shows: a warning").isFalse();
        assertThat(p.message()).isEqualTo("task 'a' may not start before 2026-04-10 08:00 but its deadline is 2026-04-01 17:00: it will miss its deadline");
        assertThat(p.path()).isEqualTo("tasks/a/constraint");
        Problem mso = check(plan().task(task("a")
                .constraint(Constraint.of(ConstraintType.MSO, LocalDateTime.parse("2026-04-10T08:00")))
                .deadline(LocalDateTime.parse("2026-04-01T17:00")).build())).stream()
                .filter(x -> x.code().equals("constraint-conflict") && x.isError()).findFirst().orElseThrow();
        assertThat(mso.message()).isEqualTo("task 'a' must start on 2026-04-10 08:00 but its deadline is 2026-04-01 17:00: it can never meet it");
    }

    @Test
    void aFinishConstraintBeforeThePlanStart() {
        Problem p = only(check(plan().task(task("a").constraint(Constraint.of(ConstraintType.FNLT, LocalDateTime.parse("2026-02-01T17:00"))).build())),
                "constraint-conflict");
        assertThat(p.message()).contains("must finish by 2026-02-01 17:00, which is not after the plan start");
    }

    @Test
    void scheduleWarningsAreIncluded() {
        List<Problem> problems = check(plan().task(task("a").duration("10d").build())
                .task(task("b").after("a").deadline(LocalDateTime.parse("2026-03-06T17:00")).build()));
        Problem p = only(problems, "deadline-missed");
        assertThat(p.isError()).isFalse();
        assertThat(p.path()).isEqualTo("tasks/b/deadline");
    }

    @Test
    void estimatesMustBeInOrder() {
        Problem p = only(check(plan().task(task("a").estimate(Estimate.of(Duration.days(5), Duration.days(3), Duration.days(8))).build())),
                "bad-estimate");
        assertThat(p.message()).contains("5d / 3d / 8d is out of order");
    }

    @Test
    void riskProbabilityAndLinks() {
        List<Problem> problems = check(plan().task(task("a").build())
                .risk(Risk.builder("r1").probability(1.5).taskIds(List.of("b")).build()));
        assertThat(only(problems, "bad-probability").message()).contains("runs from 0 to 1");
        assertThat(only(problems, "unknown-task").path()).isEqualTo("risks/r1/tasks/0");
    }

    @Test
    void calendarsWithoutWorkingTime() {
        WorkCalendar never = new WorkCalendar("never", "Never", null, Map.of(DayOfWeek.MONDAY, List.of(), DayOfWeek.TUESDAY, List.of(),
                DayOfWeek.WEDNESDAY, List.of(), DayOfWeek.THURSDAY, List.of(), DayOfWeek.FRIDAY, List.of()), List.of());
        Problem p = only(check(plan().calendar(never).task(task("a").calendarId("never").build())), "calendar-without-work");
        assertThat(p.message()).contains("has no working time");
    }

    @Test
    void untracedWorkIsFlaggedAsPossibleScopeCreep() {
        List<Problem> problems = check(plan().objective(new Objective("o1", "Faster close", null, List.of()))
                .task(Task.builder("phase").objectiveIds(List.of("o1")).build())
                .task(task("traced").parentId("phase").build())
                .task(task("byDeliverable").build())
                .task(task("stray").build())
                .deliverable(new Deliverable("d", "D", null, List.of("o1"), List.of("byDeliverable"), null, null, List.of(), null)));
        Problem p = only(problems, "untraced-work");
        assertThat(p.path()).isEqualTo("tasks/stray");
        assertThat(p.message()).contains("possible scope creep");
        assertThat(p.isError()).isFalse();
    }

    @Test
    void resourcesAndAssignments() {
        List<Problem> problems = check(plan().resource(Resource.builder("crane").maxUnits(0).build())
                .task(task("a").assignment(Assignment.of("crane", 1)).assignment(Assignment.of("crain", 0)).build()));
        assertThat(only(problems, "bad-max-units").message()).contains("max units 0%");
        assertThat(only(problems, "unknown-resource").message()).contains("did you mean 'crane'");
        assertThat(only(problems, "bad-units").message()).contains("at 0%");
    }

    @Test
    void communicationAudienceMustBeKnown() {
        List<Problem> problems = check(plan().stakeholder(new Stakeholder("cfo", "CFO", null, null, null, null, null, null, null, null))
                .communication(new CommunicationItem("weekly", "Weekly", null, List.of("cf0"), "email", null, null, null))
                .task(task("a").build()));
        assertThat(only(problems, "unknown-party").message()).contains("did you mean 'cfo'");
    }

    @Test
    void backwardPlansNeedAFinish() {
        Problem p = only(check(Plan.builder("p").scheduleFrom(ScheduleFrom.FINISH).task(task("a").build())), "missing-finish");
        assertThat(p.path()).isEqualTo("plan/schedule-from");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Problem> problems = check(plan().task(task("a").after("x").build()).task(task("b").after("y").build())
                .task(task("c").duration(Duration.days(-1)).build()));
        assertThat(problems).filteredOn(Problem::isError).hasSize(3);
    }

    @Test
    void suggestionsIgnoreFarOffWords() {
        assertThat(Suggestions.closest("zzz", List.of("design", "build"))).isEmpty();
        assertThat(Suggestions.closest("dsign", List.of("design", "build"))).contains("design");
        assertThat(Suggestions.closest("duratoin", List.of("duration", "deadline"))).contains("duration");
    }
}
