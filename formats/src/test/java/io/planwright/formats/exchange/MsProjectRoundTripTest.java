package io.planwright.formats.exchange;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.FileFormat;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.PlanFileReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import, export as MS Project XML, import again: the same tasks (ids, hierarchy, durations, links
 * with lags, constraints, deadlines, calendars, assignments, progress, manual dates), the same
 * calendars and the same schedule, for every sample file and every example plan. Split tasks come back
 * split alike (MSPDI keeps splits as timephased work) when they run on the plan's calendar; the export
 * reports the others.
 */
class MsProjectRoundTripTest {

    static final Path SAMPLES = Path.of("..", "testdata", "msproject-samples");
    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    static Stream<Path> files() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            all = s.filter(Files::isRegularFile).filter(p -> FileFormat.of(p).filter(FileFormat::readable).isPresent())
                    .sorted().collect(Collectors.toList());
        }
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            s.filter(p -> p.toString().endsWith(".plan.yaml")).sorted().forEach(all::add);
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void mspdiRoundTripKeepsThePlanAndItsSchedule(Path file) throws Exception {
        ReadResult first = PlanIO.readAndCheck(file);
        assertThat(first.plan()).as(first.problems().toString()).isNotNull();
        Plan plan = first.plan();
        Path xml = dir.resolve("out.xml");
        PlanIO.Written written = PlanIO.write(plan, xml, Instant.now());
        ReadResult second = PlanIO.readAndCheck(xml);
        assertThat(second.plan()).as(second.problems().toString()).isNotNull();
        Plan again = second.plan();

        // split tasks on the plan's calendar come back split alike; others are reported
        Set<String> split = written.losses().stream().filter(l -> l.message().contains("splits")).map(Loss::taskId).collect(Collectors.toSet());
        for (Task t : plan.tasks()) {
            Task back = again.tasks().stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow();
            if (!split.contains(t.id())) {
                assertThat(back.splits()).as(t.id()).isEqualTo(t.splits());
            }
        }
        assertThat(again.tasks()).hasSameSizeAs(plan.tasks());
        assertThat(PlanDigest.tasks(again, split)).containsExactlyElementsOf(PlanDigest.tasks(plan, split));
        assertThat(PlanDigest.calendars(again)).containsExactlyElementsOf(PlanDigest.calendars(plan));
        assertThat(PlanDigest.calendarNames(again)).containsAll(PlanDigest.calendarNames(plan));
        if (split.isEmpty()) {
            PlanSchedule before = PlanScheduler.schedule(plan);
            PlanSchedule after = PlanScheduler.schedule(again);
            assertThat(PlanDigest.schedule(after, Set.of())).containsExactlyElementsOf(PlanDigest.schedule(before, Set.of()));
        }
        // what the second import reports is what the first did (nothing new is lost on the way)
        assertThat(second.problems().stream().filter(p -> p.problem().code().equals("loss")).count())
                .isLessThanOrEqualTo(first.problems().stream().filter(p -> p.problem().code().equals("loss")).count());
    }
}
