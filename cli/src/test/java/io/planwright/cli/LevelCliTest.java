package io.planwright.cli;

import io.planwright.core.level.Overallocations;
import io.planwright.core.level.PlanLeveler;
import io.planwright.core.level.RcpspSolver;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.PlanIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.planwright.cli.CliTest.ERP;
import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code planwright level}: the example plans levelled without an over-allocation left, links and constraints kept, the delays listed. */
class LevelCliTest {

    @TempDir
    Path tmp;

    @Test
    void theExamplesAreLevelledWithoutOverAllocationsAndTheirLinksKept() {
        for (Path file : List.of(ERP, CliTest.RELOCATION)) {
            Plan plan = PlanIO.readAndCheck(file).plan();
            PlanLeveler.Result r = PlanLeveler.level(plan, RcpspSolver.Options.schedules(3000, 1, 2));
            assertThat(Overallocations.of(plan, r.before())).as(file + " has over-allocations to remove").isNotEmpty();
            // what is left is between tasks leveling may not move (started, manually scheduled, fixed dates, dates they must not pass),
            // as MS Project leaves what it cannot resolve
            // and, rarely, work on a calendar of its own in time the plan's calendar does not work (a Saturday the search cannot see)
            int approximated = 0;
            for (Overallocations.Overallocation o : Overallocations.of(r.levelled(), r.after())) {
                boolean ownCalendar = o.taskIds().stream().anyMatch(id -> task(plan, id).calendarId() != null
                        && !task(plan, id).calendarId().equals(plan.effectiveCalendarId()));
                assertThat(r.unavoidable(o) || ownCalendar).as(file + ": " + o).isTrue();
                approximated += r.unavoidable(o) ? 0 : 1;
            }
            assertThat(approximated).isLessThanOrEqualTo(1);
            assertThat(r.remaining()).isEqualTo(Overallocations.of(r.levelled(), r.after()));
            // the finish the search found is the finish the scheduler gives the levelled plan, to the minute (elapsed lead times,
            // calendars of their own and tasks as late as possible counted in the plan's working time, as the scheduler counts them).
            // The search counts whole working hours (durations and lags rounded up), the scheduler minutes; they still agree because
            // the tasks the search moved are held at the search's starts, so the last one ends where the search says (on the
            // relocation plan the 37.5 h staff survey ends at 1223.5 h, the finish milestone "closed" at the search's 1224 h)
            io.planwright.core.calendar.WorkingTime time = io.planwright.core.schedule.PlanCalendars.planCalendar(plan);
            long minutes = time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(r.after().finish()))
                    - time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(r.before().start()));
            assertThat(minutes).as(file + ": working minutes to the levelled finish vs the search's " + r.periodsAfter() + " hours")
                    .isEqualTo(60L * r.periodsAfter());
            assertThat(r.after().finish()).isAfterOrEqualTo(r.before().finish());
            for (ScheduledTask t : r.after().tasks()) {
                ScheduledTask b = r.before().task(t.id()).orElseThrow();
                if (t.type() != ScheduledTask.Kind.SUMMARY) {
                    assertThat(t.durationMinutes()).as("never shortened: " + t.id()).isEqualTo(b.durationMinutes());
                }
                if (t.type() != ScheduledTask.Kind.SUMMARY) {
                    assertThat(t.start()).as("never earlier: " + t.id()).isAfterOrEqualTo(b.start());
                }
            }
            // the levelled plan's own check finds no error (a delayed task past its deadline is a warning)
            assertThat(io.planwright.core.check.PlanChecker.check(r.levelled()).stream().filter(p -> p.isError()).toList()).isEmpty();
        }
    }

    static io.planwright.core.model.Task task(Plan plan, String id) {
        return plan.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCsvHasTheDelaysAndTheSameSeedGivesTheSameResult() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        CliTest.Run first = run("level", ERP.toString(), "--schedules", "2000", "--seed", "7", "--format", "csv", "-o", a.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("over-allocations before; finish").contains("tasks delayed");
        assertThat(run("level", ERP.toString(), "--schedules", "2000", "--seed", "7", "--format", "csv", "-o", b.toString()).exit()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines.get(0)).startsWith("id,wbs,name,type,duration_hours,start,finish").endsWith(",leveling_delay_hours");
        assertThat(lines.stream().skip(1).filter(l -> !l.endsWith(",") && !l.endsWith(",0")).count()).as("some tasks delayed").isPositive();
        CliTest.Run json = run("level", ERP.toString(), "--schedules", "500", "--format", "json");
        assertThat(json.out()).startsWith("{\"leveling\":{\"finish_before\":").contains("\"delay_hours\":{");
        assertThat(run("level", ERP.toString(), "--schedules", "500").out()).contains("Finish before leveling");
    }

    @Test
    void levelingWithinFloatKeepsTheFinishAndLeavesWhatDoesNotFit() {
        Plan plan = PlanIO.readAndCheck(ERP).plan();
        PlanLeveler.Result full = PlanLeveler.level(plan, RcpspSolver.Options.schedules(2000, 1, 1));
        PlanLeveler.Result within = PlanLeveler.level(plan, RcpspSolver.Options.schedules(2000, 1, 1), true);
        assertThat(within.after().finish()).as("the finish does not move").isEqualTo(within.before().finish());
        assertThat(full.after().finish()).isAfter(full.before().finish());
        assertThat(within.remaining().size()).as("fewer over-allocations than before, more than after full leveling")
                .isLessThan(within.overallocatedBefore().size()).isGreaterThan(full.remaining().size());
        assertThat(within.delayMinutes().values().stream().filter(m -> m > 0).count()).isPositive();
        CliTest.Run r = run("level", ERP.toString(), "--within-float", "--schedules", "500", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("no float to delay into");
    }

    @Test
    void priorityDecidesWhoWaitsWhenTheFinishIsTheSameEitherWay() throws Exception {
        // three tasks of two days, one person: whichever order, the finish is six days out; the priorities decide the order
        String template = """
                planwright: 1
                plan:
                  name: Priorities
                  start: 2026-03-02
                resources:
                  ana: {name: Ana, max-units: 100%%}
                tasks:
                  a: {name: First listed, duration: 2d, priority: %d, resources: {ana: 100%%}}
                  b: {name: Second listed, duration: 2d, priority: %d, resources: {ana: 100%%}}
                  c: {name: Third listed, duration: 2d, priority: %d, resources: {ana: 100%%}}
                """;
        for (int[] priorities : new int[][] {{100, 500, 900}, {900, 100, 500}, {500, 900, 100}}) {
            Path file = tmp.resolve("priorities.plan.yaml");
            Files.writeString(file, template.formatted(priorities[0], priorities[1], priorities[2]));
            Plan plan = PlanIO.readAndCheck(file).plan();
            PlanLeveler.Result r = PlanLeveler.level(plan, RcpspSolver.Options.schedules(400, 3, 2));
            List<String> byStart = r.after().tasks().stream().sorted(java.util.Comparator.comparing(ScheduledTask::start))
                    .map(ScheduledTask::id).toList();
            List<String> byPriority = List.of("a", "b", "c").stream()
                    .sorted(java.util.Comparator.comparingInt((String id) -> -priorities[id.charAt(0) - 'a'])).toList();
            assertThat(byStart).as("priorities " + java.util.Arrays.toString(priorities)).isEqualTo(byPriority);
            assertThat(r.remaining()).isEmpty();
        }
    }

    @Test
    void aTaskOnAPartTimeCalendarTakesItsRealLengthInTheSearch() throws Exception {
        // Ana works on a three-day week for 'a' (6 days of it: Monday to Wednesday of the next week), and 'b' needs her too:
        // a goes first (its priority), and leveling must count its length on its calendar, or b would start while a still works
        Path file = tmp.resolve("part-time.plan.yaml");
        Files.writeString(file, """
                planwright: 1
                plan:
                  name: Part time
                  start: 2026-03-02
                  calendar: standard
                calendars:
                  standard:
                    name: Monday to Friday
                    week:
                      mon: 08:00-12:00, 13:00-17:00
                      tue: 08:00-12:00, 13:00-17:00
                      wed: 08:00-12:00, 13:00-17:00
                      thu: 08:00-12:00, 13:00-17:00
                      fri: 08:00-12:00, 13:00-17:00
                      sat: off
                      sun: off
                  part-time:
                    name: Monday to Wednesday
                    week:
                      mon: 08:00-12:00, 13:00-17:00
                      tue: 08:00-12:00, 13:00-17:00
                      wed: 08:00-12:00, 13:00-17:00
                      thu: off
                      fri: off
                      sat: off
                      sun: off
                resources:
                  ana: {name: Ana, max-units: 100%}
                tasks:
                  a: {name: Analyse, duration: 6d, calendar: part-time, priority: 900, resources: {ana: 100%}}
                  b: {name: Build, duration: 2d, priority: 100, resources: {ana: 100%}}
                """);
        Plan plan = PlanIO.readAndCheck(file).plan();
        PlanLeveler.Result r = PlanLeveler.level(plan, RcpspSolver.Options.schedules(300, 1, 1));
        assertThat(r.remaining()).as("nothing left over-allocated").isEmpty();
        ScheduledTask a = r.after().task("a").orElseThrow();
        ScheduledTask b = r.after().task("b").orElseThrow();
        assertThat(b.start()).as(a.start() + "-" + a.finish() + " / " + b.start() + "-" + b.finish()).isAfterOrEqualTo(a.finish());
    }

    @Test
    void aTaskThatMustFinishByADateKeepsItsConstraintAndOthersMakeRoom() throws Exception {
        Path file = tmp.resolve("deadline.plan.yaml");
        Files.writeString(file, """
                planwright: 1
                plan:
                  name: Finish no later than
                  start: 2026-03-02
                resources:
                  ana: {name: Ana, max-units: 100%}
                tasks:
                  a: {name: Draft, duration: 2d, priority: 900, resources: {ana: 100%}}
                  b: {name: Report, duration: 2d, constraint: FNLT 2026-03-03T17:00, resources: {ana: 100%}}
                """);
        Plan plan = PlanIO.readAndCheck(file).plan();
        PlanLeveler.Result r = PlanLeveler.level(plan, RcpspSolver.Options.schedules(300, 1, 1));
        // b's date is the user's: leveling never replaces it (a higher priority does not move it either); a waits
        io.planwright.core.model.Task b = task(r.levelled(), "b");
        assertThat(b.constraintType()).isEqualTo(io.planwright.core.model.ConstraintType.FNLT);
        assertThat(b.constraint().date()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 3, 17, 0));
        assertThat(r.remaining()).isEmpty();
        assertThat(r.after().task("a").orElseThrow().start()).isAfterOrEqualTo(r.after().task("b").orElseThrow().finish());
    }

    @Test
    void aPlanScheduledFromItsFinishIsLevelledByMovingTasksEarlier() {
        Plan plan = PlanIO.readAndCheck(CliTest.RELEASE).plan();
        assertThat(plan.scheduleFrom()).isEqualTo(io.planwright.core.model.ScheduleFrom.FINISH);
        PlanLeveler.Result r = PlanLeveler.level(plan, RcpspSolver.Options.schedules(3000, 1, 2));
        assertThat(r.overallocatedBefore()).as("the release plan over-allocates its people").isNotEmpty();
        for (Overallocations.Overallocation o : r.remaining()) {
            assertThat(r.unavoidable(o)).as(o.toString()).isTrue();
        }
        io.planwright.core.calendar.WorkingTime time = io.planwright.core.schedule.PlanCalendars.planCalendar(plan);
        java.util.function.Function<java.time.LocalDateTime, Long> w = t -> time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(t));
        assertThat(w.apply(r.after().finish())).as("the finish stays").isEqualTo(w.apply(r.before().finish()));
        long movedEarlier = 0;
        for (ScheduledTask t : r.after().tasks()) {
            ScheduledTask b = r.before().task(t.id()).orElseThrow();
            if (t.type() != ScheduledTask.Kind.SUMMARY) {
                assertThat(t.durationMinutes()).as("never shortened: " + t.id()).isEqualTo(b.durationMinutes());
                assertThat(w.apply(t.finish())).as("never later: " + t.id()).isLessThanOrEqualTo(w.apply(b.finish()));
                movedEarlier += w.apply(t.finish()) < w.apply(b.finish()) ? 1 : 0;
            }
        }
        assertThat(movedEarlier).isPositive();
        assertThat(r.delayMinutes().values().stream().filter(m -> m > 0).count()).isEqualTo(movedEarlier);
        // the dates the user set are kept as written: a start no earlier than (which leveling backwards must not pass) is never replaced
        for (io.planwright.core.model.Task t : plan.tasks()) {
            if (t.constraint() != null && t.constraint().date() != null && PlanLeveler.held(t, true)) {
                assertThat(task(r.levelled(), t.id()).constraint()).as(t.id()).isEqualTo(t.constraint());
            }
        }
        assertThat(io.planwright.core.check.PlanChecker.check(r.levelled()).stream().filter(p -> p.isError()).toList()).isEmpty();
        CliTest.Run cli = run("level", CliTest.RELEASE.toString(), "--schedules", "500", "--format", "csv");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("moved earlier");
    }

    @Test
    void theResourceReportListsUsageOverAllocationsAndCosts() {
        CliTest.Run r = run("resources", ERP.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("resource", "peak", "days over").contains("Over-allocations: 19")
                .contains("Marco Bellini (marco) at 125 % of 100 % from Thu 2026-03-26 14:00 to Thu 2026-03-26 16:00: "
                        + "Authorisation roles and segregation-of-duties concept (auth-concept), "
                        + "Briefing of the supervisory board on the design direction (board-briefing)")
                .contains("Cost of the plan: ").contains(" EUR").contains("Initiation and mobilisation");
        assertThat(run("resources", "nowhere.plan.yaml").exit()).isNotZero();
    }

    @Test
    void aTaskThatCanNeverFitIsNamedWithItsResource() throws Exception {
        Path plan = tmp.resolve("overbooked.plan.yaml");
        Files.writeString(plan, """
                planwright: 1
                plan:
                  name: Overbooked
                  start: 2026-03-02
                resources:
                  ana: {name: Ana, max-units: 100%}
                tasks:
                  a: {name: Write, duration: 2d, resources: {ana: 150%}}
                """);
        CliTest.Run r = run("level", plan.toString(), "--schedules", "100");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("task 'a' needs 150 % of resource 'ana', which has at most 100 %").doesNotContain("Exception");
        Files.writeString(plan, Files.readString(plan).replace("ana: {name: Ana, max-units: 100%}", "ana: {name: Ana, max-units: 0%}"));
        CliTest.Run zero = run("level", plan.toString(), "--schedules", "100");
        assertThat(zero.exit()).isNotZero();
        assertThat(zero.err()).contains("resource 'ana' has max units 0%").doesNotContain("Exception");
        assertThat(run("level", plan.toString(), "--threads", "0").err()).contains("--threads");
        assertThat(run("level", plan.toString(), "--time-limit", "0").err()).contains("--time-limit");
    }
}
