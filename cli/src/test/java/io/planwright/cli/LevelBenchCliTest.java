package io.planwright.cli;

import io.planwright.core.level.Rcpsp;
import io.planwright.formats.psplib.PsplibReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code planwright bench psplib}: its CSV, re-checked here against every precedence and capacity, and its summary. */
class LevelBenchCliTest {

    @TempDir
    Path tmp;

    static Path fixtures() throws Exception {
        return Path.of(LevelBenchCliTest.class.getResource("/psplib/j30").toURI());
    }

    @Test
    void everyScheduleOfTheCsvIsFeasibleAndTheSummaryComparesWithThePriorityRule() throws Exception {
        Path out = tmp.resolve("j30.csv");
        CliTest.Run r = run("bench", "psplib", fixtures().toString(), "--schedules", "20000", "--seed", "3", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("instance,jobs,makespan,cpu_ms,starts");
        assertThat(lines).hasSize(4);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Rcpsp p = PsplibReader.instance(fixtures().resolve(f[0]));
            int[] starts = Arrays.stream(f[4].split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(starts).as(f[0]).hasSize(32);
            assertThat(Integer.parseInt(f[1])).isEqualTo(32);
            assertThat(p.violation(starts)).as(f[0]).isNull();
            assertThat(p.makespan(starts)).as(f[0]).isEqualTo(Integer.parseInt(f[2]));
        }
        assertThat(r.err()).contains("j30: 3 instances; mean deviation from the optimum: Planwright ")
                .contains("priority rule (MS Project's order)").contains("infeasible schedules: 0");
    }

    @Test
    void badInputIsNamed() throws Exception {
        assertThat(run("bench", "psplib", tmp.resolve("nowhere").toString()).err()).contains("is not a directory");
        assertThat(run("bench", "psplib", tmp.toString()).err()).contains("holds no .sm files");
        Files.writeString(tmp.resolve("x.sm"), "not an instance\n");
        CliTest.Run bad = run("bench", "psplib", tmp.toString(), "--schedules", "10");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("x.sm").contains("not a PSPLIB .sm file").doesNotContain("Exception");
        assertThat(run("bench", "psplib", fixtures().toString(), "--threads", "0").err()).contains("--threads");
    }
}
