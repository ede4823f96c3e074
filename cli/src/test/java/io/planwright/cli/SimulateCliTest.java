package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.PlanIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code planwright simulate}: the simulation's network gives the scheduler's dates back, the JSON has the keys the issue names, bad input is named. */
class SimulateCliTest {

    @TempDir
    Path tmp;

    @Test
    void atPlannedDurationsTheSimulationPassGivesTheSchedulersDatesForEveryTask() {
        List<Plan> plans = new ArrayList<>();
        for (Path file : List.of(CliTest.ERP, CliTest.RELOCATION, CliTest.RELEASE)) {
            plans.add(PlanIO.readAndCheck(file).plan());
        }
        // generated networks on one calendar, with links of all four types, lags and leads: these run on the simulation's own passes
        for (long seed = 1; seed <= 3; seed++) {
            plans.add(io.planwright.bench.PlanGenerator.plan(io.planwright.bench.NetworkGenerator.generate(3000, seed)));
        }
        int own = 0;
        for (Plan plan : plans) {
            String file = plan.name();
            SimulationModel model = SimulationModel.of(plan);
            own += model.runsScheduler() ? 0 : 1;
            Map<String, double[]> pass = model.deterministic();
            List<String> wrong = new ArrayList<>();
            int compared = 0;
            for (ScheduledTask t : model.schedule().tasks()) {
                double[] times = pass.get(t.id());
                if (times == null) {
                    continue;
                }
                compared++;
                // the same instants of working time (a start on Saturday 06:00 on a task's own calendar is, in the plan's working time, Monday 08:00)
                if (Math.abs(model.minutesOf(t.start()) - times[0]) > 0.5 || Math.abs(model.minutesOf(t.finish()) - times[1]) > 0.5) {
                    wrong.add(t.id() + ": " + times[0] + " - " + times[1] + " (scheduler " + t.start() + " - " + t.finish() + " = "
                            + model.minutesOf(t.start()) + " - " + model.minutesOf(t.finish()) + ")");
                }
            }
            assertThat(wrong).as(file).isEmpty();
            assertThat(compared).isGreaterThan(plan.tasks().size() / 2);
        }
        assertThat(own).as("plans on the simulation's own passes").isEqualTo(3);
    }

    @Test
    void theJsonHasTheKeysOfTheIssueAndTheSameSeedGivesTheSameNumbersWhateverTheThreads() {
        CliTest.Run one = run("simulate", CliTest.ERP.toString(), "--iterations", "2000", "--seed", "5", "--threads", "1", "--format", "json");
        assertThat(one.exit()).as(one.err()).isZero();
        String json = one.out();
        assertThat(json).startsWith("{\"iterations\":2000,").contains("\"finish\":{\"p10\":\"20", "\"p50\":", "\"p80\":", "\"p90\":", "\"mean\":")
                .contains("\"finish_days\":{", "\"cost\":{", "\"deadlines\":{\"", "\"criticality\":{\"", "\"sensitivity\":{\"");
        CliTest.Run two = run("simulate", CliTest.ERP.toString(), "--iterations", "2000", "--seed", "5", "--threads", "2", "--format", "json");
        assertThat(withoutTime(two.out())).isEqualTo(withoutTime(json));
        CliTest.Run other = run("simulate", CliTest.ERP.toString(), "--iterations", "2000", "--seed", "6", "--format", "json");
        assertThat(withoutTime(other.out())).isNotEqualTo(withoutTime(json));
        CliTest.Run table = run("simulate", CliTest.RELEASE.toString(), "--iterations", "500");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("P10", "P50", "P80", "P90", "finish (working days)", "Probability of meeting each deadline", "Criticality index",
                "Sensitivity");
    }

    private static String withoutTime(String json) {
        return json.replaceAll(",\"ms\":\\d+", "");
    }

    @Test
    void badEstimatesProbabilitiesAndRiskLinksAreNamedWithTheirPlace() throws Exception {
        String plan = """
                planwright: 1
                plan:
                  name: Bad input
                  start: 2026-03-02
                tasks:
                  a: {name: Build, duration: 5d, estimate: {optimistic: 8d, likely: 5d, pessimistic: 9d}}
                risks:
                  r1: {title: Late supplier, probability: 1.5, schedule-impact: 2d, tasks: [a]}
                  r2: {title: Strike, probability: 20%, schedule-impact: 2d, tasks: [nowhere]}
                """;
        java.nio.file.Path file = tmp.resolve("bad.plan.yaml");
        java.nio.file.Files.writeString(file, plan);
        CliTest.Run r = run("simulate", file.toString(), "--iterations", "100");
        assertThat(r.exit()).isNotZero();
        // each problem with its file, line and column
        assertThat(r.err()).contains("bad.plan.yaml:6:").contains("optimistic to most likely to pessimistic")
                .contains("bad.plan.yaml:8:").contains("a probability runs from 0 to 1")
                .contains("bad.plan.yaml:9:").contains("unknown task 'nowhere'").contains("nothing was written").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(run("simulate", CliTest.ERP.toString(), "--iterations", "0").err()).contains("--iterations");
        assertThat(run("simulate", CliTest.ERP.toString(), "--correlation", "1").err()).contains("--correlation");
    }

    @Test
    void theBenchmarkPrintsItsLine() {
        CliTest.Run r = run("bench", "simulate", "--tasks", "300", "--iterations", "200", "--runs", "1", "--naive");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)tasks=300 iterations=200 ms=\\d+ threads=\\d+ links=\\d+ naive_single_thread_ms=\\d+ p50_days=.*\n");
    }

    @Test
    void theProgressBarFillsUpAndIsClearedAtTheEnd() {
        java.io.StringWriter out = new java.io.StringWriter();
        long[] now = {0};
        SimulateCommand.Progress bar = new SimulateCommand.Progress(new java.io.PrintWriter(out), 1000, () -> now[0]);
        bar.accept(500);
        assertThat(out.toString()).isEqualTo("\rsimulating [" + "#".repeat(15) + " ".repeat(15) + "] 50 %");
        now[0] += 50_000_000L;
        bar.accept(600); // within a tenth of a second: not redrawn
        assertThat(out.toString()).doesNotContain("60 %");
        now[0] += 60_000_000L;
        bar.accept(700);
        assertThat(out.toString()).endsWith("] 70 %");
        bar.accept(1000); // the end always
        assertThat(out.toString()).endsWith("] 100 %");
        bar.clear();
        assertThat(out.toString()).endsWith("\r");
    }
}
