package io.planwright.formats.psplib;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PsplibReaderTest {

    @TempDir
    Path dir;

    static Path resource(String name) throws Exception {
        return Path.of(PsplibReaderTest.class.getResource("/psplib/" + name).toURI());
    }

    @Test
    void j30InstanceBecomesAPlanWhoseCriticalPathIsTheFilesMpmTime() throws Exception {
        ReadResult r = PlanIO.readAndCheck(resource("j3010_1.sm"));
        // an RCPSP instance is over-allocated until it is levelled: that is its only warning
        assertThat(r.problems()).isNotEmpty().allMatch(p -> p.problem().code().equals("overallocated") && !p.problem().isError());
        Plan plan = r.plan();
        assertThat(plan.tasks()).hasSize(32);
        assertThat(plan.resources()).extracting(Resource::maxUnits).containsExactly(24.0, 23.0, 25.0, 33.0);
        Task job2 = plan.tasks().get(1);
        assertThat(job2.duration().toString()).isEqualTo("2d");
        assertThat(plan.tasks().get(0).milestone()).isTrue();
        assertThat(plan.tasks().get(31).name()).isEqualTo("Project finish");
        // each job's requests are assignments of that many units
        assertThat(job2.assignments()).extracting(a -> a.resourceId() + "=" + a.units()).containsExactly("r1=1.0", "r2=2.0", "r3=4.0");
        PlanSchedule s = PlanScheduler.schedule(plan);
        assertThat(workingDays(s)).isEqualTo(41); // "MPM-Time" in the file: the critical path without resource limits
    }

    @Test
    void j120InstanceToo() throws Exception {
        Plan plan = PlanIO.readAndCheck(resource("j1201_1.sm")).plan();
        assertThat(plan.tasks()).hasSize(122);
        assertThat(workingDays(PlanScheduler.schedule(plan))).isEqualTo(99);
    }

    private static long workingDays(PlanSchedule s) {
        long days = 0;
        for (LocalDate d = s.start().toLocalDate(); !d.isAfter(s.finish().toLocalDate()); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days++;
            }
        }
        return days;
    }

    @Test
    void damagedFilesAreReportedWithTheirLine() throws Exception {
        List<String> lines = Files.readAllLines(resource("j3010_1.sm"));
        lines.set(18, lines.get(18).replace("3           2   3   4", "5           2   3   4"));
        Path bad = Files.write(dir.resolve("bad.sm"), lines);
        ReadResult r = PlanIO.readAndCheck(bad);
        assertThat(r.plan()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.format()).contains("bad.sm:19:1: error: job 1 announces 5 successors but lists 3"));

        Path cut = Files.write(dir.resolve("cut.sm"), lines.subList(0, 40));
        assertThat(PlanIO.readAndCheck(cut).problems()).singleElement().extracting(LocatedProblem::format).asString().contains("error:");
        List<String> negative = new java.util.ArrayList<>(Files.readAllLines(resource("j3010_1.sm")));
        negative.replaceAll(l -> l.contains("- renewable") ? l.replace(":  4", ": -4") : l);
        Path neg = Files.write(dir.resolve("negative.sm"), negative);
        assertThat(PlanIO.readAndCheck(neg).problems()).singleElement().extracting(LocatedProblem::format).asString()
                .contains("a resource count of -4 is not usable");
        Path text = Files.writeString(dir.resolve("notes.sm"), "just some notes\n");
        assertThat(PlanIO.readAndCheck(text).problems()).singleElement().extracting(LocatedProblem::format).asString()
                .contains("notes.sm: error: this is not a PSPLIB .sm file");
    }

    @Test
    void anInstanceIsReadForTheLevelerAndLevelledToItsKnownOptimum() throws Exception {
        io.planwright.core.level.Rcpsp p = PsplibReader.instance(resource("j301_1.sm"));
        assertThat(p.jobs()).isEqualTo(32);
        assertThat(p.resources()).isEqualTo(4);
        assertThat(new int[] {p.capacity(0), p.capacity(1), p.capacity(2), p.capacity(3)}).containsExactly(12, 13, 4, 12);
        assertThat(p.criticalPathLength()).as("MPM-Time in the file").isEqualTo(38);
        io.planwright.core.level.RcpspSolver.Result r = io.planwright.core.level.RcpspSolver.solve(p,
                io.planwright.core.level.RcpspSolver.Options.schedules(20_000, 1, 1));
        assertThat(p.violation(r.starts())).isNull();
        assertThat(r.makespan()).as("j301_1's optimum in j30opt.sm").isEqualTo(43);
        io.planwright.core.level.RcpspSolver.Result rule = io.planwright.core.level.RcpspSolver.priorityRule(p,
                io.planwright.core.level.RcpspSolver.leastFloat(p));
        assertThat(p.violation(rule.starts())).isNull();
        assertThat(rule.makespan()).isGreaterThanOrEqualTo(43);
    }

    @Test
    void aLargeInstanceIsLevelledFeasibly() throws Exception {
        io.planwright.core.level.Rcpsp p = PsplibReader.instance(resource("j12060_10.sm"));
        assertThat(p.jobs()).isEqualTo(122);
        io.planwright.core.level.RcpspSolver.Result r = io.planwright.core.level.RcpspSolver.solve(p,
                io.planwright.core.level.RcpspSolver.Options.schedules(5_000, 3, 2));
        assertThat(p.violation(r.starts())).isNull();
        assertThat(r.makespan()).isGreaterThanOrEqualTo(p.criticalPathLength());
    }

    @Test
    void aBrokenInstanceIsRefusedWithItsLine() throws Exception {
        List<String> lines = Files.readAllLines(resource("j3010_1.sm"));
        lines.set(18, lines.get(18).replace("3           2   3   4", "5           2   3   4"));
        Path bad = Files.write(dir.resolve("broken.sm"), lines);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PsplibReader.instance(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.sm:19: ");
    }
}
