package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** planwright diff: what changed between two plans, with diff's exit codes, and as Git's external diff command. */
class DiffCliTest {

    @TempDir
    Path dir;

    private static final String OLD = """
            planwright: 1
            plan: {name: Launch, start: 2027-01-04}
            tasks:
              build:
                name: Build
                tasks:
                  code: {name: Code, duration: 5d}
                  test: {name: Test, duration: 3d, after: [code]}
              docs: {name: Docs, duration: 2d}
              old: {name: Old task, duration: 1d}
            """;

    private static final String NEW = """
            planwright: 1
            plan: {name: Launch, start: 2027-01-04}
            tasks:
              build:
                name: Build
                tasks:
                  code: {name: Code, duration: 8d}
                  test: {name: Test, duration: 3d, after: [code]}
                  docs: {name: Docs, duration: 2d}
              deploy: {name: Deploy, duration: 1d, after: [test], fixed-cost: 500}
            """;

    @Test
    void differencesFieldByFieldWithTheirImpactAndDiffsExitCodes() throws IOException {
        Path a = Files.writeString(dir.resolve("a.plan.yaml"), OLD);
        Path b = Files.writeString(dir.resolve("b.plan.yaml"), NEW);
        CliTest.Run r = run("diff", a.toString(), b.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("tasks:\n", "  ~ code  Code\n      duration: 5d -> 8d\n", "  > docs  Docs\n      parent: (none) -> build\n",
                "  + deploy  Deploy  (added)\n", "  - old  Old task  (removed)\n",
                "impact: finish 2027-01-13 -> 2027-01-19; cost 0 -> 500");
        assertThat(run("diff", a.toString(), a.toString()).exit()).isZero();
        assertThat(run("diff", a.toString(), a.toString()).out()).isEqualTo("The plans are the same.\n");
        CliTest.Run json = run("diff", a.toString(), b.toString(), "--format", "json");
        assertThat(json.out()).contains("\"equal\": false", "\"section\": \"tasks\"", "\"change\": \"moved\"", "\"finish_after\": \"2027-01-19T17:00\"");
    }

    @Test
    void gitsSevenArgumentsAndAFileWithErrors() throws IOException {
        Path a = Files.writeString(dir.resolve("a.plan.yaml"), OLD);
        Path b = Files.writeString(dir.resolve("b.plan.yaml"), NEW);
        CliTest.Run git = run("diff", "plan.plan.yaml", a.toString(), "abc", "100644", b.toString(), "def", "100644");
        assertThat(git.exit()).isEqualTo(1);
        assertThat(git.out()).startsWith("plan.plan.yaml\n").contains("duration: 5d -> 8d");
        Path bad = Files.writeString(dir.resolve("bad.plan.yaml"), "tasks: [\n");
        CliTest.Run broken = run("diff", a.toString(), bad.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("bad.plan.yaml:").contains("cannot compare it");
        assertThat(run("diff", a.toString(), b.toString(), "c").exit()).isEqualTo(2);
    }
}
