package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baselines, progress and status from the command line, on the worked example of docs/tracking.md: A then
 * B (5 days each, 4,000 each) in a phase, C beside them (10 days, 2,000); A now costs 5,000.
 */
class TrackCliTest {

    @TempDir
    Path dir;

    private Path plan() throws IOException {
        return Files.writeString(dir.resolve("track.plan.yaml"), """
                planwright: 1
                plan: {name: Tracking, start: 2027-01-04, currency: EUR}
                tasks:
                  build:
                    name: Build
                    tasks:
                      a: {name: A, duration: 5d, fixed-cost: 4000}
                      b: {name: B, duration: 5d, after: [a], fixed-cost: 4000}
                  c: {name: C, duration: 10d, fixed-cost: 2000}
                """);
    }

    /** The example as of the first Friday, its baseline written by hand: A done (now costing 5,000), C 40 % complete. */
    private Path firstFriday() throws IOException {
        return Files.writeString(dir.resolve("friday.plan.yaml"), """
                planwright: 1
                plan: {name: Tracking, start: 2027-01-04, currency: EUR, status-date: 2027-01-08}
                tasks:
                  build:
                    name: Build
                    tasks:
                      a: {name: A, duration: 5d, fixed-cost: 5000, progress: 100%, actual-start: 2027-01-04, actual-finish: 2027-01-08}
                      b: {name: B, duration: 5d, after: [a], fixed-cost: 4000}
                  c: {name: C, duration: 10d, fixed-cost: 2000, progress: 40%, actual-start: 2027-01-04}
                baselines:
                  baseline:
                    name: Approved plan
                    saved: 2027-01-01T09:00
                    tasks:
                      build: {start: 2027-01-04, finish: 2027-01-15, cost: 8000}
                      a: {start: 2027-01-04, finish: 2027-01-08, duration: 5d, cost: 4000}
                      b: {start: 2027-01-11, finish: 2027-01-15, duration: 5d, cost: 4000}
                      c: {start: 2027-01-04, finish: 2027-01-15, duration: 10d, cost: 2000}
                """);
    }

    @Test
    void saveListAndClearBaselines() throws IOException {
        Path p = plan();
        CliTest.Run save = run("baseline", p.toString(), "save", "--name", "Approved plan");
        assertThat(save.exit()).as(save.err()).isZero();
        assertThat(save.err()).contains("saved baseline 'Approved plan' (baseline, 4 tasks)");
        assertThat(Files.readString(p)).contains("baselines:", "Approved plan", "cost: 4000");
        assertThat(run("baseline", p.toString(), "save", "--id", "baseline2").exit()).isZero();
        CliTest.Run list = run("baseline", p.toString(), "list");
        assertThat(list.out()).containsPattern("baseline +Approved plan .* 4  2027-01-15  10,000 EUR")
                .containsPattern("baseline2 +Baseline 2 ");
        // an earlier baseline restored as the main one
        CliTest.Run restore = run("baseline", p.toString(), "restore", "--from", "baseline2");
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.err()).contains("restored baseline 'Baseline 2' (baseline, 4 tasks) from baseline2");
        assertThat(run("baseline", p.toString(), "list").out()).containsPattern("baseline +Baseline 2 ");
        CliTest.Run noFrom = run("baseline", p.toString(), "restore", "--from", "baseline9");
        assertThat(noFrom.exit()).isEqualTo(1);
        assertThat(noFrom.err()).contains("no baseline 'baseline9'; it has baseline, baseline2");
        assertThat(run("baseline", p.toString(), "restore").err()).contains("restore needs --from");
        CliTest.Run clear = run("baseline", p.toString(), "clear", "--id", "baseline2");
        assertThat(clear.exit()).isZero();
        assertThat(run("baseline", p.toString(), "list").out()).doesNotContain("baseline2");
        CliTest.Run missing = run("baseline", p.toString(), "clear", "--id", "baseline7");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no baseline 'baseline7'; it has baseline");
        CliTest.Run bad = run("baseline", p.toString(), "save", "--id", "baseline11");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("baseline or baseline1 to baseline10");
    }

    @Test
    void statusGivesTheWorkedExamplesFigures() throws IOException {
        Path p = firstFriday();
        CliTest.Run json = run("status", p.toString(), "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"status_date\": \"2027-01-08\"", "\"bac\": 10000", "\"pv\": 5000", "\"ev\": 4800", "\"ac\": 5800",
                "\"sv\": -200", "\"cv\": -1000", "\"spi\": 0.96", "\"cpi\": 0.8276", "\"eac\": 12083.33", "\"es\": \"2027-01-08\"",
                "\"sv_t\": -0.2", "\"spi_t\": 0.96", "\"ieac_t\": 10.42", "\"headline\": \"at risk\"", "\"phases\"", "\"tasks\"");
        CliTest.Run table = run("status", p.toString());
        assertThat(table.out()).contains("Tracking: AT RISK, as of 2027-01-08", "CPI 0.83", "EV 4,800 EUR");
        CliTest.Run csv = run("status", p.toString(), "--format", "csv");
        assertThat(csv.out()).startsWith("id,name,type,bac,pv,ev,ac,").contains("\nbuild,Build,phase,8000,4000,4000,5000,");
        CliTest.Run missing = run("status", p.toString(), "--baseline", "nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no baseline 'nope'; it has baseline (Approved plan)");
        CliTest.Run badDate = run("status", p.toString(), "--as-of", "8 January");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("--as-of '8 January' is not a date");
    }

    @Test
    void progressAsOfADateRecordsTheWorkScheduledBeforeIt() throws IOException {
        Path p = plan();
        CliTest.Run r = run("progress", p.toString(), "--as-of", "2027-01-13");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("as of 2027-01-13: 1 task done, 2 tasks under way updated");
        String text = Files.readString(p);
        assertThat(text).contains("status-date: 2027-01-13");
        CliTest.Run status = run("status", p.toString());
        assertThat(status.out()).contains("as of 2027-01-13 (no baseline)");
        byte[] before = Files.readAllBytes(p);
        CliTest.Run bad = run("progress", p.toString(), "--as-of", "2027-13-01");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(Files.readAllBytes(p)).isEqualTo(before);
    }

    /**
     * The first Friday's plan with C only 20 % done: with the plan's option to reschedule remaining work,
     * C's 8 days left resume after the status date and it finishes on the 20th, not the 15th.
     */
    @Test
    void progressCanRescheduleTheWorkLeftAfterTheStatusDate() throws IOException {
        Path p = Files.writeString(dir.resolve("behind.plan.yaml"), Files.readString(firstFriday()).replace("progress: 40%", "progress: 20%"));
        assertThat(run("schedule", p.toString(), "--format", "csv").out()).contains("\nc,2,C,").containsPattern("\nc,2,C,[^\n]*2027-01-15");
        CliTest.Run r = run("progress", p.toString(), "--as-of", "2027-01-08", "--reschedule-remaining", "--rule", "zero-or-hundred");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(p)).contains("reschedule-remaining: true", "progress: 20%");
        CliTest.Run after = run("schedule", p.toString(), "--format", "csv");
        assertThat(after.out()).containsPattern("\nc,2,C,[^\n]*2027-01-20");
        // the baseline written with dates alone shows as working moments, not a day late (2027-01-16T00:00)
        assertThat(after.out()).containsPattern("\nc,2,C,[^\n]*,20,2027-01-04T08:00,,2027-01-04T08:00,2027-01-15T17:00,24\n");
        assertThat(run("progress", p.toString(), "--as-of", "2027-01-08", "--no-reschedule-remaining").exit()).isZero();
        assertThat(Files.readString(p)).doesNotContain("reschedule-remaining");
    }
}
