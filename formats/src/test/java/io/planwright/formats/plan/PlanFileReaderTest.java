package io.planwright.formats.plan;

import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFileReaderTest {

    static final String HEAD = "plan:\n  name: Test\n  start: 2026-03-02\n";

    static ReadResult read(String yaml) {
        return PlanFiles.check(PlanFiles.parse("plan.yaml", yaml, PlanFormat.YAML));
    }

    static List<String> messages(String yaml) {
        return read(yaml).problems().stream().map(LocatedProblem::format).toList();
    }

    @Test
    void kpiMeasurementsAreReadInDateOrderAndADateTwiceIsRefusedWhereItIs() {
        ReadResult r = read(HEAD + """
                objectives:
                  o:
                    kpis:
                      k:
                        target: 5
                        measurements:
                          - {date: 2026-02-28, value: 9, note: Daily matching}
                          - {date: 2026-01-31, value: 10}
                """);
        assertThat(r.problems()).isEmpty();
        var k = r.plan().objectives().get(0).kpis().get(0);
        assertThat(k.measurements()).extracting(m -> m.date().toString() + "=" + m.value() + "/" + m.note())
                .containsExactly("2026-01-31=10.0/null", "2026-02-28=9.0/Daily matching");
        assertThat(k.latest()).isEqualTo(9.0);
        assertThat(messages(HEAD + """
                objectives:
                  o:
                    kpis:
                      k:
                        target: 5
                        measurements:
                          - {date: 2026-01-31, value: 10}
                          - {date: 2026-01-31, value: 11}
                          - {value: 3}
                """)).containsExactly(
                "plan.yaml:11:20: error: KPI 'k' is measured twice on 2026-01-31: keep one value per date",
                "plan.yaml:12:13: error: a measurement of KPI 'k' needs 'date' and 'value'");
    }

    @Test
    void aValidPlanReadsIntoTheModel() {
        ReadResult r = read(HEAD + """
                tasks:
                  phase:
                    name: Phase one
                    tasks:
                      a: {name: First, duration: 3d}
                      b: {duration: 2h, after: [a SS+1d, "m0 FF"], constraint: SNET 2026-03-10, deadline: 2026-03-31}
                  m: {milestone: true, after: [phase]}
                  m0: {milestone: true}
                """);
        assertThat(r.problems()).isEmpty();
        Plan p = r.plan();
        assertThat(p.tasks()).extracting(Task::id).containsExactly("phase", "a", "b", "m", "m0");
        Task b = p.task("b").orElseThrow();
        assertThat(b.parentId()).isEqualTo("phase");
        assertThat(b.duration()).isEqualTo(Duration.hours(2));
        assertThat(b.links()).hasSize(2);
        assertThat(b.links().get(0).type()).isEqualTo(LinkType.SS);
        assertThat(b.links().get(0).lag()).isEqualTo(Duration.days(1));
        assertThat(b.links().get(1).type()).isEqualTo(LinkType.FF);
        assertThat(b.constraint().type()).isEqualTo(ConstraintType.SNET);
        assertThat(b.constraint().date()).isEqualTo(LocalDateTime.parse("2026-03-10T00:00"));
        assertThat(b.deadline()).as("a date-only deadline is the end of that day").isEqualTo(LocalDateTime.parse("2026-04-01T00:00"));
        assertThat(p.task("m").orElseThrow().milestone()).isTrue();
    }

    @Test
    void yamlSyntaxErrorsNameLineAndColumn() {
        assertThat(messages(HEAD + "tasks:\n  a: {name: x\n  b: 1\n")).singleElement().asString()
                .startsWith("plan.yaml:6:4: error: YAML syntax error").contains("not closed");
        assertThat(messages(HEAD + "tasks:\n\ta: {}\n")).singleElement().asString()
                .isEqualTo("plan.yaml:5:1: error: YAML syntax error: a tab character; YAML does not allow tabs for indentation, use spaces");
    }

    @Test
    void unknownKeysSuggestTheRightOne() {
        assertThat(messages(HEAD + "tasks:\n  build:\n    duraton: 5d\n")).containsExactly(
                "plan.yaml:6:5: error: unknown key 'duraton' in task 'build' (did you mean 'duration'?)");
        assertThat(messages("plann:\n  name: x\n")).first().asString()
                .isEqualTo("plan.yaml:1:1: error: unknown key 'plann' in the plan file (did you mean 'plan'?)");
    }

    @Test
    void badDurationsAndDates() {
        assertThat(messages(HEAD + "tasks:\n  a: {duration: 5x}\n  b: {duration: 1d, deadline: 2026-02-30}\n")).containsExactly(
                "plan.yaml:5:17: error: '5x' is not a duration (such as 3d, 4h, 2w, 1.5mo, or 3ed for elapsed days) (the duration of task 'a')",
                "plan.yaml:6:31: error: '2026-02-30' is not a date (such as 2026-03-02 or 2026-03-02T08:00) (the deadline of task 'b')");
    }

    @Test
    void danglingReferencesAreLocatedAtTheReference() {
        assertThat(messages(HEAD + "tasks:\n  design: {duration: 1d}\n  build:\n    duration: 1d\n    after: [design, desing]\n"))
                .containsExactly("plan.yaml:8:21: error: task 'build' depends on unknown task 'desing' (did you mean 'design'?)");
    }

    @Test
    void duplicateIdsAcrossPhasesAndDuplicateKeys() {
        assertThat(messages(HEAD + "tasks:\n  p1:\n    tasks:\n      a: {duration: 1d}\n  p2:\n    tasks:\n      a: {duration: 2d}\n"))
                .containsExactly("plan.yaml:10:7: error: the task id 'a' is used twice (first on line 7); task ids must be unique across the whole plan");
        assertThat(messages(HEAD + "  name: Again\n")).containsExactly("plan.yaml:4:3: error: 'name' appears twice in 'plan' (first on line 2)");
    }

    @Test
    void cyclesArePrintedAsAPath() {
        assertThat(messages(HEAD + "tasks:\n  design: {duration: 1d, after: [test]}\n  build: {duration: 1d, after: [design]}\n"
                + "  test: {duration: 1d, after: [build]}\n")).singleElement().asString()
                .startsWith("plan.yaml:5:").contains("error: dependency cycle: ").contains("design -> build -> test -> design")
                .endsWith("Remove one of these links");
    }

    @Test
    void raciNeedsExactlyOneAccountable() {
        assertThat(messages(HEAD + "roles: [pm, sponsor]\ntasks:\n  a:\n    duration: 1d\n    raci: {pm: R, sponsor: R}\n"
                + "  b:\n    duration: 1d\n    raci: {pm: A, sponsor: A}\n")).containsExactly(
                "plan.yaml:8:11: error: task 'a' has no one Accountable (A) in its RACI: exactly one person or role must be",
                "plan.yaml:11:11: error: task 'b' has 2 Accountable (pm, sponsor); exactly one must be",
                "plan.yaml:11:11: warning: task 'b' has no one Responsible (R) in its RACI: who does the work?");
    }

    @Test
    void aConstraintThatConflictsWithItsOwnDates() {
        assertThat(messages(HEAD + "tasks:\n  a: {duration: 1d, constraint: MSO 2026-04-10, deadline: 2026-04-01}\n")).containsExactly(
                "plan.yaml:5:33: error: task 'a' must start on 2026-04-10 but its deadline is 2026-04-01: it can never meet it");
    }

    @Test
    void wrongShapesAreExplained() {
        assertThat(messages(HEAD + "tasks: [a, b]\n")).containsExactly(
                "plan.yaml:4:8: error: 'tasks' should be a mapping (key: value lines), not a list");
        assertThat(messages(HEAD + "tasks:\n  a:\n    name: [x]\n    duration: 1d\n")).containsExactly(
                "plan.yaml:6:11: error: task 'a' should be a single value, not a list");
    }

    @Test
    void missingPlanSectionAndName() {
        assertThat(messages("tasks:\n  a: {duration: 1d}\n")).contains("plan.yaml:1:1: error: the file has no 'plan:' section (name, start date, calendar)");
        assertThat(messages("plan:\n  start: 2026-03-02\n")).contains("plan.yaml:2:3: error: the plan needs a name (plan: name)");
    }

    @Test
    void emptyBinaryNonUtf8AndHugeFiles(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.plan.yaml"), "  \n\n");
        assertThat(PlanFiles.read(empty).problems()).singleElement().asString().contains("error: the file is empty");
        Path binary = Files.write(dir.resolve("b.plan.yaml"), new byte[] {1, 2, 0, 3});
        assertThat(PlanFiles.read(binary).problems()).singleElement().asString().contains("this is a binary file");
        Path latin1 = Files.write(dir.resolve("l.plan.yaml"), "plan:\n  name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(PlanFiles.read(latin1).problems()).singleElement().asString().contains("not UTF-8");
        Path huge = dir.resolve("huge.plan.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(PlanFiles.MAX_BYTES + 1);
        }
        assertThat(PlanFiles.read(huge).problems()).singleElement().asString().contains("the file is too large (256 MB)");
        assertThat(PlanFiles.read(dir.resolve("missing.plan.yaml")).problems()).singleElement().asString().contains("no such file");
    }

    @Test
    void jsonErrorsAreLocatedToo() {
        ReadResult r = PlanFiles.parse("plan.json", "{\n  \"plan\": {\"name\": \"x\",}\n}", PlanFormat.JSON);
        assertThat(r.problems()).singleElement().asString().isEqualTo("plan.json:2:24: error: JSON syntax error: expected a key in double quotes");
        ReadResult unknown = PlanFiles.parse("plan.json", "{\"plan\": {\"name\": \"x\", \"strat\": \"2026-03-02\"}}", PlanFormat.JSON);
        assertThat(unknown.problems()).singleElement().asString()
                .isEqualTo("plan.json:1:24: error: unknown key 'strat' in 'plan' (did you mean 'start'?)");
    }

    @Test
    void aliasBombsAreRefused() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        assertThat(PlanFiles.parse("bomb.yaml", bomb, PlanFormat.YAML).problems()).first().asString().contains("error:");
    }

    @Test
    void linkSpecs() {
        assertThat(PlanFileReader.linkSpec("design")).isEqualTo(io.planwright.core.model.Link.fs("design"));
        assertThat(PlanFileReader.linkSpec("charter-signed")).isEqualTo(io.planwright.core.model.Link.fs("charter-signed"));
        assertThat(PlanFileReader.linkSpec("design+2d").lag()).isEqualTo(Duration.days(2));
        assertThat(PlanFileReader.linkSpec("design FS-1d").lag()).isEqualTo(Duration.days(-1));
        assertThat(PlanFileReader.linkSpec("design -1d").lag()).isEqualTo(Duration.days(-1));
        assertThat(PlanFileReader.linkSpec("design ss + 50%").type()).isEqualTo(LinkType.SS);
        assertThat(PlanFileReader.linkSpec("design SS+50%").lag().isPercent()).isTrue();
        assertThat(PlanFileReader.linkSpec("design XY")).isNull();
        assertThat(PlanFileReader.linkSpec("design FS+abc")).isNull();
    }
}
