package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real commands, run in-process with captured output. */
class CliTest {

    static final Path ERP = Path.of("../examples/erp-rollout.plan.yaml");
    static final Path RELOCATION = Path.of("../examples/office-relocation.plan.yaml");
    static final Path RELEASE = Path.of("../examples/software-release.plan.yaml");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("Planwright ");
        Run h = run("--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("validate", "schedule", "convert", "conformance", "init", "bench", "serve");
        for (String command : List.of("validate", "schedule", "convert", "conformance", "init", "bench", "serve")) {
            assertThat(run(command, "--help").exit()).as(command).isZero();
            assertThat(run(command, "--version").exit()).as(command).isZero();
        }
    }

    @Test
    void serveRefusesABadPortOrDataDirectoryBeforeStarting() throws IOException {
        Run port = run("serve", "--port", "70000");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000 is not a port number");
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Run data = run("serve", "--data", file.toString());
        assertThat(data.exit()).isEqualTo(2);
        assertThat(data.err()).contains("is a file, not a directory").doesNotContain("Exception");
    }

    @Test
    void theExamplesValidateCleanly() {
        // the examples' only warnings are the over-allocations that `level` removes (the ERP roll-out is its showcase)
        for (var example : java.util.Map.of(ERP, 14, RELOCATION, 3, RELEASE, 5).entrySet()) {
            Run r = run("validate", example.getKey().toString());
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("0 errors, " + example.getValue() + " warnings: ok");
            assertThat(r.out().lines().filter(l -> l.contains(": warning: ")).toList()).allMatch(l -> l.contains("is over-allocated"));
        }
        assertThat(run("validate", ERP.toString()).out())
                .contains("warning: resource 'dev-team' is over-allocated: up to 700 % of its 300 % from Mon 2026-05-11 08:00 to Fri 2026-06-05 17:00");
    }

    @Test
    void validationProblemsAreLocatedAndExitWithOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.plan.yaml"), """
                plan:
                  name: Bad
                  start: 2026-03-02
                tasks:
                  design: {duration: 5d, after: [test]}
                  build: {duraton: 5d, after: [design]}
                  test: {duration: 5x, after: [build]}
                """);
        Run r = run("validate", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ":6:11: error: unknown key 'duraton' in task 'build' (did you mean 'duration'?)")
                .contains(bad + ":7:20: error: '5x' is not a duration")
                .contains("error: dependency cycle: design -> build -> test -> design")
                .contains("3 errors");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateAsJson() throws IOException {
        Run r = run("validate", "--format", "json", RELOCATION.toString());
        assertThat(r.exit()).isZero();
        Node root = readJson(r.out());
        assertThat(root).isInstanceOf(Node.ListNode.class);
        Node.MapNode report = (Node.MapNode) ((Node.ListNode) root).items().get(0);
        assertThat(((Node.ScalarNode) report.get("ok").orElseThrow()).text()).isEqualTo("true");
    }

    @Test
    void emptyBinaryAndMissingFilesGetAClearMessage() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.plan.yaml"), "");
        Path binary = Files.write(dir.resolve("binary.plan.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        for (Path p : List.of(empty, binary, dir.resolve("missing.plan.yaml"))) {
            Run r = run("validate", p.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).startsWith(p + ": error: "); // a problem with the whole file has no line
            assertThat(r.out() + r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void usageErrorsExitWithTwoAndSuggest() {
        Run r = run("schedul", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("schedule");
        assertThat(run("schedule").exit()).isEqualTo(2);
        assertThat(run("schedule", "--format", "xml", ERP.toString()).exit()).isEqualTo(2);
        assertThat(run("bench", "schedule", "--tasks", "0").exit()).isEqualTo(2);
    }

    @Test
    void scheduleAsCsvHasTheDocumentedColumns() {
        Run r = run("schedule", "--format", "csv", RELOCATION.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,wbs,name,type,duration_hours,start,finish,early_start,early_finish,late_start,late_finish,"
                + "total_float_hours,free_float_hours,critical,percent_complete,actual_start,actual_finish,baseline_start,baseline_finish,"
                + "finish_variance_hours");
        assertThat(lines).hasSize(66);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).matches(".*,(summary|task|milestone),-?[0-9.]+,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,"
                    + "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,){4}-?[0-9.]+,-?[0-9.]+,(true|false),"
                    + "[0-9.]+,(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d)?,(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d)?,"
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,-?[0-9.]+");
        }
        // the example carries its approved baseline and its progress: a finished task's row says so
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*,100,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d,.*"));
    }

    @Test
    void scheduleAsATableForPeople() {
        Run r = run("schedule", RELOCATION.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("WBS", "Total float", "Critical path: ", "Finish:", "critical (marked *)");
        assertThat(r.out().lines().filter(l -> l.startsWith("*"))).isNotEmpty();
    }

    @Test
    void theTableSaysWhatItCountsMarksDoneWorkAndListsEveryCriticalChain() {
        Run erp = run("schedule", ERP.toString());
        // validate counts every WBS entry; the table says what they are
        assertThat(run("validate", ERP.toString()).out()).contains("160 tasks");
        assertThat(erp.out()).contains("Tasks:         160 WBS entries: 127 tasks, 14 milestones, 19 summary tasks;");
        // finished work is marked done, not shown with a float of 0d
        assertThat(erp.out().lines().filter(l -> l.contains("Sign NovaERP subscription"))).singleElement().asString()
                .startsWith("✓").contains("done");
        // a phase is critical exactly when its float says so
        for (String line : erp.out().lines().filter(l -> l.contains("▸")).toList()) {
            String[] cells = line.trim().split("\\s{2,}");
            String floatCell = cells[cells.length - 1];
            if (line.startsWith("*")) {
                assertThat(floatCell).as(line).matches("-?0d|-.*");
            } else if (!line.startsWith("✓")) {
                assertThat(floatCell).as(line).doesNotMatch("-.*|0d");
            }
        }
        // every chain of critical tasks is named, not only the one that ends the plan
        Run release = run("schedule", RELEASE.toString());
        String chains = release.out().substring(release.out().indexOf("Critical path:"));
        long marked = release.out().lines().filter(l -> l.startsWith("*")).count();
        long named = java.util.Arrays.stream(chains.split("\\s+|->")).filter(w -> w.matches("[a-z][a-z0-9-]+")).count();
        assertThat(named).as(chains).isGreaterThanOrEqualTo(marked);
    }

    @Test
    void scheduleAsJson() throws IOException {
        Run r = run("schedule", "--format", "json", ERP.toString());
        assertThat(r.exit()).isZero();
        Node.MapNode root = (Node.MapNode) readJson(r.out());
        assertThat(((Node.ListNode) root.get("tasks").orElseThrow()).items()).hasSize(160);
        assertThat(root.get("critical_path")).isPresent();
    }

    @Test
    void scheduleToAFileWritesNothingWhenThePlanHasErrors() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "previous");
        Path bad = Files.writeString(dir.resolve("bad.plan.yaml"), "plan: {name: x, start: 2026-03-02}\ntasks:\n  a: {after: [b]}\n");
        Run r = run("schedule", "--format", "csv", "-o", out.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Files.readString(out)).isEqualTo("previous");
        Run ok = run("schedule", "--format", "csv", "-o", out.toString(), RELOCATION.toString());
        assertThat(ok.exit()).isZero();
        assertThat(Files.readString(out)).startsWith("id,wbs,");
    }

    @Test
    void verboseReportsTheTimeSplit() {
        Run r = run("schedule", "-v", "-q", "--format", "csv", ERP.toString());
        assertThat(r.err()).matches("(?s).*read \\d+ ms, check and schedule \\d+ ms, write \\d+ ms \\(160 tasks; \\d+ ms since the JVM started\\).*");
    }

    @Test
    void convertBetweenYamlAndJsonKeepsThePlan() {
        Path json = dir.resolve("erp.plan.json");
        Path yaml = dir.resolve("erp.plan.yaml");
        assertThat(run("convert", ERP.toString(), json.toString()).exit()).isZero();
        assertThat(run("convert", json.toString(), yaml.toString()).exit()).isZero();
        Plan original = PlanFiles.read(ERP).plan();
        assertThat(PlanFiles.read(json).plan()).isEqualTo(original);
        assertThat(PlanFiles.read(yaml).plan()).isEqualTo(original);
    }

    @Test
    void convertRefusesUnknownFormatsAndBadInput() throws IOException {
        assertThat(run("convert", ERP.toString(), dir.resolve("x.docx").toString()).exit()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad.plan.yaml"), "plan: {name: x}\ntasks: [oops]\n");
        Path target = dir.resolve("never.plan.json");
        assertThat(run("convert", bad.toString(), target.toString()).exit()).isEqualTo(1);
        assertThat(target).doesNotExist();
    }

    @Test
    void initCreatesAPlanThatValidatesAndRefusesToOverwrite() {
        Path plan = dir.resolve("new.plan.yaml");
        Run r = run("init", plan.toString(), "--name", "Warehouse \"B\" launch", "--start", "2026-09-07");
        assertThat(r.exit()).as(r.err()).isZero();
        Run v = run("validate", plan.toString());
        assertThat(v.out()).as(v.out()).contains("0 errors, 0 warnings: ok");
        assertThat(PlanFiles.read(plan).plan().name()).isEqualTo("Warehouse \"B\" launch");
        assertThat(run("init", plan.toString()).exit()).isEqualTo(2);
        assertThat(run("init", plan.toString(), "--force", "--template", "erp-rollout").exit()).isZero();
        assertThat(PlanFiles.read(plan).plan().tasks()).hasSize(160);
        assertThat(run("init", dir.resolve("y.plan.yaml").toString(), "--template", "nonsense").exit()).isEqualTo(2);
    }

    @Test
    void benchPrintsOneLine() {
        Run r = run("bench", "schedule", "--tasks", "3000", "--runs", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("tasks=3000 links=\\d+ planwright_ms=\\d+\\.\\d+ mpxj_ms=\\d+\\.\\d");
    }

    private static Node readJson(String text) {
        try {
            return JsonTreeReader.read(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text);
        }
    }
}
