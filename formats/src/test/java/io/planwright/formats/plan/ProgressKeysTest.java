package io.planwright.formats.plan;

import io.planwright.core.model.EarnedValueMethod;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress as the plan file holds it: per task and per assignment, read, written back and read again the same. */
class ProgressKeysTest {

    static final String PLAN = """
            planwright: 1
            plan: {name: Progress, start: 2027-01-04, status-date: 2027-01-08, currency: EUR}
            resources:
              anna: {name: Anna, rate: 95/h}
            tasks:
              build:
                duration: 10d
                progress: 40%
                physical-progress: 25%
                earned-by: physical-progress
                remaining: 6d
                actual-start: 2027-01-04
                resources: {anna: {units: 50%, actual-work: 16h, remaining-work: 24h, actual-cost: 1520}}
            """;

    @Test
    void progressPerTaskAndAssignmentRoundTrips() {
        ReadResult r = PlanFiles.check(PlanFiles.parse("progress.plan.yaml", PLAN, PlanFormat.YAML));
        assertThat(r.errors()).isEmpty();
        Task t = r.plan().task("build").orElseThrow();
        assertThat(t.physicalPercentComplete()).isEqualTo(25.0);
        assertThat(t.earnedValueMethod()).isEqualTo(EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE);
        assertThat(t.earnedPercent()).isEqualTo(25.0);
        assertThat(t.remainingDuration().toString()).isEqualTo("6d");
        assertThat(t.assignments().get(0).actualWork().toString()).isEqualTo("16h");
        assertThat(t.assignments().get(0).remainingWork().toString()).isEqualTo("24h");
        assertThat(t.assignments().get(0).actualCost().intValue()).isEqualTo(1520);
        String written = PlanFiles.toYaml(r.plan());
        assertThat(written).contains("physical-progress: 25%", "earned-by: physical-progress", "remaining: 6d",
                "actual-work: 16h", "remaining-work: 24h", "actual-cost: 1520");
        Plan again = PlanFiles.parse("again", written, PlanFormat.YAML).plan();
        assertThat(again).isEqualTo(r.plan());
    }

    @Test
    void progressThatContradictsItselfIsAnErrorAtItsPlace() {
        String done = PLAN.replace("progress: 40%", "progress: 100%").replace("physical-progress: 25%", "physical-progress: 120%");
        ReadResult r = PlanFiles.check(PlanFiles.parse("done.plan.yaml", done, PlanFormat.YAML));
        assertThat(r.errors()).extracting(LocatedProblem::format).containsExactlyInAnyOrder(
                "done.plan.yaml:9:24: error: task 'build' is 120 % physically complete; progress runs from 0 % to 100 %",
                "done.plan.yaml:11:16: error: task 'build' is complete but has 6d remaining: take the remaining work away, or lower its progress");
        String notStarted = PLAN.replace("    progress: 40%\n", "").replace("    actual-start: 2027-01-04\n", "");
        ReadResult r2 = PlanFiles.check(PlanFiles.parse("ns.plan.yaml", notStarted, PlanFormat.YAML));
        assertThat(r2.errors()).extracting(LocatedProblem::format).anySatisfy(m -> assertThat(m)
                .contains("error: 'anna' reports 16h of work on task 'build', which has not started"));
    }

    @Test
    void aWayOfEarningThatIsNoneIsAnErrorAtItsPlace() {
        ReadResult r = PlanFiles.parse("bad.plan.yaml", PLAN.replace("earned-by: physical-progress", "earned-by: effort"), PlanFormat.YAML);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).format()).startsWith("bad.plan.yaml:10:").contains("'effort' is not a way to earn value: write progress or physical-progress");
    }
}
