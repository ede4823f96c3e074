package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date alone in a finish, deadline, actual finish or status date is the end of that day: every face of
 * the CLI shows it as that day (its last working moment where a time is shown), and files written and
 * read back keep it. Each expectation is the plan's own date.
 */
class DatesOnEveryFaceTest {

    @TempDir
    Path dir;

    private Path plan() throws IOException {
        return Files.writeString(dir.resolve("dates.plan.yaml"), """
                planwright: 1
                plan: {name: Dates, start: 2026-03-02, status-date: 2026-03-13}
                tasks:
                  build: {duration: 10d, deadline: 2026-03-11, actual-start: 2026-03-02}
                  review: {duration: 1d, after: [build], constraint: FNLT 2026-03-20}
                  sign: {duration: 2d, constraint: MFO 2026-03-27}
                  done: {milestone: true, after: [review, sign], deadline: 2026-03-27}
                """);
    }

    @Test
    void theScheduleTableShowsABackwardPlansFinishOnItsDay() {
        CliTest.Run r = run("schedule", CliTest.RELEASE.toString());
        assertThat(r.exit()).isZero();
        // finish: 2026-06-26 in the plan; the working day ends at 18:00 there
        assertThat(r.out()).contains("Finish:        Fri 2026-06-26 18:00").doesNotContain("2026-06-27");
    }

    @Test
    void aMustFinishOnDateAloneFinishesThatDay() throws IOException {
        CliTest.Run csv = run("schedule", plan().toString(), "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).containsPattern("(?m)^sign,[^,]*,[^,]*,task,16,2026-03-26T08:00,2026-03-27T17:00,");
        CliTest.Run table = run("schedule", plan().toString());
        assertThat(table.out()).contains("Fri 2026-03-27 17:00").doesNotContain("2026-03-28");
    }

    @Test
    void messagesNameTheDeadlineTheFileGives() throws IOException {
        CliTest.Run r = run("validate", plan().toString());
        assertThat(r.out()).contains("after its deadline Wed 2026-03-11 17:00").doesNotContain("2026-03-12");
    }

    @Test
    void theCalendarFeedPutsADeadlineOnItsDay() throws IOException {
        Path ics = dir.resolve("dates.ics");
        CliTest.Run r = run("convert", plan().toString(), ics.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(ics);
        assertThat(text).contains("DTSTART;VALUE=DATE:20260311").doesNotContain("DTSTART;VALUE=DATE:20260312");
    }

    @Test
    void msProjectGetsTheDaysLastWorkingMomentAndThePlanComesBackTheSame() throws IOException {
        Path xml = dir.resolve("dates.xml");
        assertThat(run("convert", plan().toString(), xml.toString()).exit()).isZero();
        String text = Files.readString(xml);
        assertThat(text).contains("<StatusDate>2026-03-13T17:00:00</StatusDate>", "<Deadline>2026-03-11T17:00:00</Deadline>")
                .doesNotContain("2026-03-14T00:00:00", "2026-03-12T00:00:00");
        Path back = dir.resolve("back.plan.yaml");
        assertThat(run("convert", xml.toString(), back.toString()).exit()).isZero();
        CliTest.Run before = run("schedule", plan().toString(), "--format", "csv");
        CliTest.Run after = run("schedule", back.toString(), "--format", "csv");
        assertThat(after.out()).isEqualTo(before.out());
    }

    @Test
    void thePlanFileWritesTheDateItRead() throws IOException {
        Path json = dir.resolve("dates.plan.json");
        assertThat(run("convert", plan().toString(), json.toString()).exit()).isZero();
        String text = Files.readString(json);
        assertThat(text).contains("\"status-date\": \"2026-03-13\"", "\"deadline\": \"2026-03-11\"", "MFO 2026-03-27");
    }

    @Test
    void riskAnalysisDatesAreDaysAndTheFinishIsOnItsDay() {
        CliTest.Run r = run("simulate", CliTest.RELEASE.toString(), "--iterations", "500");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Fri 2026-06-26").doesNotContain("2026-06-27").doesNotContainPattern("finish .*\\d\\d:\\d\\d");
    }

    @Test
    void levelNamesEachDeadlineItBreaksWithTheDateThePlanGives() throws IOException {
        CliTest.Run r = run("level", CliTest.ERP.toString(), "--schedules", "2000", "--seed", "1", "--threads", "1", "-o", dir.resolve("l.txt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("misses its deadline after leveling: golive (Go-live of NovaERP (finance, procurement, sales, inventory)), "
                + "deadline 2026-11-02, finish ").containsPattern("golive .* working (hours|days) late").doesNotContain("deadline 2026-11-03");
    }
}
