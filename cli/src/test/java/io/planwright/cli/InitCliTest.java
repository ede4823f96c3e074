package io.planwright.cli;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `init` from a template, re-dated to the user's start. */
class InitCliTest {

    @TempDir
    Path dir;

    private static Plan parse(String name, String text) {
        ReadResult r = PlanFiles.check(PlanFiles.parse(name, text, PlanFormat.YAML));
        assertThat(r.plan()).as(r.problems().toString()).isNotNull();
        return r.plan();
    }

    @Test
    void anExampleTemplateIsReDatedToTheGivenStart() throws Exception {
        Path file = dir.resolve("erp.plan.yaml");
        CliTest.Run r = run("init", file.toString(), "-t", "erp-rollout", "--start", "2026-09-07");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("re-dated from 2026-01-12 to 2026-09-07 (+170 working days");
        CliTest.Run v = run("validate", file.toString());
        assertThat(v.out()).as(v.out()).contains(" 0 errors");

        Plan before = parse("erp", Files.readString(CliTest.ERP));
        Plan after = parse("erp", Files.readString(file));
        assertThat(after.start()).isEqualTo(LocalDateTime.of(2026, 9, 7, 0, 0));
        // 2026-03-13 is the 45th working day after 2026-01-12; 45 working days after 2026-09-07 is Friday 2026-11-06
        assertThat(after.statusDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 7)); // the end of 2026-11-06
        assertThat(after.calendars()).isEqualTo(before.calendars());
        for (Task t : before.tasks()) {
            Task a = after.task(t.id()).orElseThrow();
            assertThat(a.duration()).as(t.id()).isEqualTo(t.duration());
            assertThat(a.percentComplete()).as(t.id()).isEqualTo(t.percentComplete());
            assertThat(a.deadline() == null).as(t.id()).isEqualTo(t.deadline() == null);
            assertThat(a.actualStart() == null).as(t.id()).isEqualTo(t.actualStart() == null);
        }
    }

    @Test
    void theReDatedPlanSchedulesTheSameWorkShifted() {
        String plan = """
                plan:
                  name: Shift me
                  start: 2026-03-02
                  status-date: 2026-03-04
                tasks:
                  a: {duration: 3d, progress: 100%, actual-start: 2026-03-02, actual-finish: 2026-03-04}
                  b: {duration: 2d, after: [a]}
                  c: {duration: 1d, constraint: SNET 2026-03-12T13:00}
                  d: {duration: 4h, after: [b, c], deadline: 2026-03-20}
                  e: {milestone: true, after: [d], constraint: MSO 2026-03-21T10:00}
                """;
        long offset = Redating.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 13)); // a Wednesday
        Plan before = parse("p", plan);
        Plan after = parse("p", Redating.shift(plan, offset));
        assertThat(after.start().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 13));
        PlanSchedule s0 = PlanScheduler.schedule(before);
        PlanSchedule s1 = PlanScheduler.schedule(after);
        for (ScheduledTask t : s0.tasks()) {
            ScheduledTask u = s1.task(t.id()).orElseThrow();
            if (t.id().equals("e")) {
                // a Saturday constraint: on the Saturday after its Friday, moved (the scheduler then takes the next working moment)
                assertThat(after.task("e").orElseThrow().constraint().date()).isEqualTo(LocalDateTime.of(2026, 6, 6, 10, 0));
                continue;
            }
            assertThat(Redating.shift(t.start().toLocalDate(), offset)).as(t.id() + " start").isEqualTo(u.start().toLocalDate());
            assertThat(u.start().toLocalTime()).as(t.id() + " start time").isEqualTo(t.start().toLocalTime());
            assertThat(Redating.shift(t.finish().toLocalDate(), offset)).as(t.id() + " finish").isEqualTo(u.finish().toLocalDate());
            assertThat(u.finish().toLocalTime()).as(t.id() + " finish time").isEqualTo(t.finish().toLocalTime());
        }
    }

    @Test
    void theStarterPlanNamesTheSchemaAsTheDocsDoAndOverAllocatesNoOne() throws Exception {
        Path file = dir.resolve("starter.plan.yaml");
        assertThat(run("init", file.toString(), "--start", "2026-09-07").exit()).isZero();
        String docs = Files.readString(Path.of("..", "docs", "plan-format.md"));
        String schemaLine = Files.readString(file).lines().findFirst().orElseThrow();
        assertThat(schemaLine).isEqualTo("# yaml-language-server: $schema=../docs/plan.schema.json");
        assertThat(docs).contains("\n" + schemaLine + "\n");
        assertThat(Path.of("..", "docs", "plan.schema.json")).exists();
        CliTest.Run v = run("validate", file.toString());
        assertThat(v.out()).doesNotContain("over-allocated").contains("0 errors, 0 warnings: ok");
    }

    @Test
    void aPlanReDatedPastItsHolidaysSaysWhichYearsToAdd() {
        // the software release lists the US holidays of 2026 only
        CliTest.Run late = run("init", dir.resolve("late.plan.yaml").toString(), "-t", "software-release", "--start", "2027-04-12");
        assertThat(late.exit()).as(late.err()).isZero();
        assertThat(late.out()).contains("note: the calendars list holidays up to 2026 but the plan now runs to 2027-")
                .contains(": add the holidays of 2027 to its calendars");
        CliTest.Run same = run("init", dir.resolve("same.plan.yaml").toString(), "-t", "software-release", "--start", "2026-05-04");
        assertThat(same.exit()).isZero();
        assertThat(same.out()).doesNotContain("note:");
    }

    @Test
    void aWeekendStartIsRefused() {
        CliTest.Run r = run("init", dir.resolve("x.plan.yaml").toString(), "-t", "office-relocation", "--start", "2026-09-05");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--start 2026-09-05 is a Saturday");
    }
}
