package io.planwright.formats.exchange;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.PlanFileReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export to Primavera (XER and P6 XML), import again: the same activities under the same WBS, with the
 * same durations, and, for plans scheduled forward, the same dates on every activity. Primavera has no
 * summary-level links (they are spread to the activities), no manual tasks and no deadlines (they
 * become constraints), and counts lags in working hours; all of that is either exact or reported.
 */
class PrimaveraRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"erp-rollout, xer", "erp-rollout, pmxml", "office-relocation, xer", "office-relocation, pmxml",
            "software-release, xer", "software-release, pmxml"})
    void primaveraRoundTrip(String example, String extension) throws Exception {
        Plan plan = PlanIO.readAndCheck(Path.of("..", "examples", example + ".plan.yaml")).plan();
        Path out = dir.resolve(example + "." + extension);
        PlanIO.Written written = PlanIO.write(plan, out, Instant.now());
        ReadResult r = PlanIO.readAndCheck(out);
        assertThat(r.plan()).as(r.problems().toString()).isNotNull();
        Plan back = r.plan();

        // Primavera lists activities by WBS, so the order may change; the tree may not
        assertThat(back.tasks()).extracting(t -> t.id() + " in " + t.parentId())
                .containsExactlyInAnyOrderElementsOf(plan.tasks().stream().map(t -> t.id() + " in " + t.parentId()).toList());
        assertThat(back.resources()).extracting(io.planwright.core.model.Resource::id)
                .containsExactlyInAnyOrderElementsOf(plan.resources().stream().map(io.planwright.core.model.Resource::id).toList());

        PlanSchedule before = PlanScheduler.schedule(plan);
        PlanSchedule after = PlanScheduler.schedule(back);
        List<String> moved = before.tasks().stream().filter(t -> t.type() != ScheduledTask.Kind.SUMMARY)
                .filter(t -> {
                    ScheduledTask a = after.task(t.id()).orElseThrow();
                    // a finished activity's duration in Primavera is the one it actually took; its dates are what counts
                    return !a.start().equals(t.start()) || !a.finish().equals(t.finish());
                }).map(ScheduledTask::id).toList();
        if (plan.scheduleFrom() == io.planwright.core.model.ScheduleFrom.START) {
            assertThat(moved).as("activities whose dates moved").isEmpty();
            assertThat(after.finish()).isEqualTo(before.finish());
        } else {
            // Primavera schedules forward only: the export says so
            assertThat(written.losses()).anySatisfy(l -> assertThat(l.message()).contains("schedules forward"));
        }
        // what could not be said in Primavera is listed, task by task
        assertThat(written.losses()).allSatisfy(l -> assertThat(l.describe()).isNotBlank());
    }
}
