package io.planwright.bench;

import io.planwright.bench.Conformance.Comparison;
import io.planwright.bench.Conformance.Field;
import io.planwright.bench.Conformance.FileResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planwright against the dates MS Project stored in the sample files (testdata/msproject-samples),
 * with MPXJ's MicrosoftScheduler alongside. Each accepted mismatch is listed with its reason in
 * accepted-mismatches.txt (docs/conformance.md explains them); this test fails on any other.
 */
class ConformanceTest {

    static final Path SAMPLES = Path.of("..", "testdata", "msproject-samples");

    /** The tasks of the samples that the import leaves out (file, unique ID, why); blank lines and inactive tasks only. */
    static final List<String> DROPPED = List.of(
            "mpp14nulltasks.mpp 2 blank line", "mpp14nulltasks.mpp 5 blank line", "mpp14nulltasks.mpp 7 blank line",
            "mspdinulltasks.xml 2 blank line", "mspdinulltasks.xml 5 blank line", "mspdinulltasks.xml 7 blank line",
            "taskFlags-mpp14Project2013.mpp 64 inactive", "taskFlags-mpp14Project2013.mpp 66 inactive");

    static List<FileResult> results;

    @BeforeAll
    static void run() throws Exception {
        results = Conformance.runAll(SAMPLES);
    }

    @Test
    void everyMsProjectFileIsCompared() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(45);
        assertThat(results).allSatisfy(r -> assertThat(r.skipped()).as(r.file()).isNull());
        Map<Field, int[]> totals = Conformance.totals(results);
        assertThat(totals.get(Field.EARLY_START)[0]).isGreaterThan(500);
        assertThat(totals.get(Field.TOTAL_SLACK)[0]).isGreaterThan(150);
        assertThat(totals.get(Field.MANUAL_DATES)[0]).isGreaterThan(90);
    }

    @Test
    void earlyDatesAreMsProjectsOnEveryFile() {
        List<String> wrong = Conformance.mismatches(results, false).stream()
                .filter(c -> c.field() == Field.EARLY_START || c.field() == Field.EARLY_FINISH)
                .map(ConformanceTest::describe).toList();
        // the one exception: MPXJ reads Project 98's night-shift calendar of sample98.mpp as standard hours
        assertThat(wrong).containsExactly("legacy/sample98.mpp t2 early_finish: MS Project 2003-03-18T08:00, Planwright 2003-03-17T17:00");
    }

    @Test
    void manuallyScheduledTasksKeepTheirDates() {
        assertThat(Conformance.mismatches(results, false)).noneMatch(c -> c.field() == Field.MANUAL_DATES);
    }

    @Test
    void theCriticalFlagIsMsProjectsEverywhere() {
        assertThat(Conformance.mismatches(results, false)).noneMatch(c -> c.field() == Field.CRITICAL);
    }

    /**
     * Every mismatch is one of the accepted ones, each listed with its values and reason in
     * accepted-mismatches.txt: a new mismatch, a changed value or one that went away fails.
     */
    @Test
    void everyMismatchIsAnAcceptedOneWithItsReason() throws Exception {
        List<String> accepted = new ArrayList<>();
        try (var in = ConformanceTest.class.getResourceAsStream("/conformance/accepted-mismatches.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\| ", -1);
                assertThat(f).as("file | task | field | MS Project | Planwright | reason: " + line).hasSize(6);
                assertThat(f[5]).as("reason of " + line).isNotBlank();
                accepted.add(String.join(" | ", f[0], f[1], f[2], f[3], f[4]));
            }
        }
        List<String> found = Conformance.mismatches(results, false).stream()
                .map(c -> String.join(" | ", c.file().replace('\\', '/'), c.taskId(), c.field().label(), c.msProject(), c.planwright())).toList();
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(accepted);
        List<String> gone = new ArrayList<>(accepted);
        gone.removeAll(found);
        assertThat(unexpected).as("mismatches not in accepted-mismatches.txt").isEmpty();
        assertThat(gone).as("accepted mismatches that no longer occur: delete their lines").isEmpty();
        assertThat(found).hasSameSizeAs(accepted);
    }

    @Test
    void theTasksTheImportLeavesOutAreCounted() {
        List<String> dropped = new ArrayList<>();
        results.forEach(r -> r.dropped().forEach(d -> dropped.add(r.file().replace('\\', '/') + " " + d)));
        assertThat(dropped).containsExactlyElementsOf(DROPPED);
    }

    @Test
    void atLeastAsOftenRightAsMpxjInEveryFileAndField() {
        for (FileResult r : results) {
            r.counts().forEach((field, n) -> assertThat(n[1]).as(r.file() + " " + field.label()).isGreaterThanOrEqualTo(n[2]));
        }
    }

    /**
     * The tasks the sample files hold with progress (started or finished in MS Project: mpp14baseline,
     * mpp14resource, the timephased and split files): scheduled from their actual dates, their early
     * dates are MS Project's, and every field at least as often as MPXJ.
     */
    @Test
    void tasksWithProgressAreScheduledAsMsProjectDid() {
        Map<Field, int[]> progress = Conformance.totals(results, true);
        assertThat(progress.get(Field.EARLY_START)[0]).isGreaterThanOrEqualTo(40);
        assertThat(progress.get(Field.EARLY_START)[1]).isEqualTo(progress.get(Field.EARLY_START)[0]);
        assertThat(progress.get(Field.EARLY_FINISH)[1]).isEqualTo(progress.get(Field.EARLY_FINISH)[0]);
        progress.forEach((field, n) -> assertThat(n[1]).as(field.label()).isGreaterThanOrEqualTo(n[2]));
        assertThat(Conformance.table(results, false)).contains("TOTAL of the tasks with progress");
        assertThat(Conformance.csv(results, false).lines().filter(l -> l.startsWith("progress,")).count()).isEqualTo(progress.size());
    }

    @Test
    void theReportsListTheMismatchesWithAllThreeValues() {
        String table = Conformance.table(results, true, false);
        assertThat(table).contains("TOTAL").contains("mpp14duration.mpp  t1 (Task 1)  late_finish: 2009-04-21T17:00 / 2009-04-23T17:00* / 2009-04-23T17:00*");
        String csv = Conformance.csv(results, false);
        assertThat(csv.lines().filter(l -> l.startsWith("mismatch,")).count()).isEqualTo(Conformance.mismatches(results, false).size());
        assertThat(csv.lines().filter(l -> l.startsWith("total,")).count()).isEqualTo(Conformance.totals(results).size());
    }

    private static String describe(Comparison c) {
        return c.file().replace('\\', '/') + " " + c.taskId() + " " + c.field().label() + ": MS Project " + c.msProject() + ", Planwright " + c.planwright();
    }
}
