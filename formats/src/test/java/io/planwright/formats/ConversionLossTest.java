package io.planwright.formats;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.calendar.Moments;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.exchange.Loss;
import io.planwright.formats.plan.PlanFileReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan in progress, with the plan-level facts a user sets (description, status date, time zone, currency,
 * named holidays), written to every exchange format and read back: each fact comes back or the export names
 * it as a loss, and the schedule (the successors of started and finished work) comes back the same.
 */
class ConversionLossTest {

    static final String PLAN = """
            plan:
              name: Warehouse move
              description: Move the Leipzig warehouse to Halle
              start: 2026-03-02
              status-date: 2026-03-11
              reschedule-remaining: true
              time-zone: Europe/Berlin
              currency: CHF
              calendar: office
            calendars:
              office:
                name: Office
                exceptions:
                  - {date: 2026-04-03, name: Good Friday}
                  - {date: 2026-04-06, name: Easter Monday}
            tasks:
              survey: {name: Survey the site, duration: 5d, progress: 100%, actual-start: 2026-03-04, actual-finish: 2026-03-10}
              pack: {name: Pack, duration: 6d, after: [survey], progress: 50%, actual-start: 2026-03-11}
              move: {name: Move, duration: 4d, after: [pack]}
              open: {name: Open in Halle, milestone: true, after: [move]}
            """;

    @TempDir
    Path dir;

    /** Each fact, and the words that name it in a loss. */
    static final Map<String, String> NAMED_AS = Map.of("description", "description", "status date", "status date", "time zone", "time zone",
            "currency", "currency", "holiday names", "calendar", "reschedule remaining", "reschedule remaining");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "xml;   description, time zone",
            "xer;   description, time zone, reschedule remaining, holiday names",
            "pmxml; description, time zone, reschedule remaining, holiday names",
            "csv;   description, status date, time zone, reschedule remaining, currency, holiday names",
            "xlsx;  description, status date, time zone, reschedule remaining, currency, holiday names"})
    void whatDoesNotComeBackIsListedAndTheProgressDoes(String extension, String expectedLost) throws Exception {
        Path source = Files.writeString(dir.resolve("move.plan.yaml"), PLAN);
        ReadResult read = PlanIO.readAndCheck(source);
        Plan plan = read.plan();
        assertThat(plan).as(read.problems().toString()).isNotNull();
        PlanIO.Written written = PlanIO.write(plan, dir.resolve("move." + extension), Instant.now());
        ReadResult r = PlanIO.readAndCheck(written.file());
        assertThat(r.plan()).as(r.problems().toString()).isNotNull();
        Plan back = r.plan();

        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("description", Objects.equals(plan.description(), back.description()));
        // MS Project keeps the end of the status date as its last working moment (17:00), the plan file as the next 00:00: the same day
        same.put("status date", back.statusDate() != null && Moments.day(plan.statusDate(), Moments.Edge.FINISH)
                .equals(Moments.day(back.statusDate(), Moments.Edge.FINISH)));
        same.put("time zone", Objects.equals(plan.timeZone(), back.timeZone()));
        same.put("reschedule remaining", plan.rescheduleRemaining() == back.rescheduleRemaining());
        same.put("currency", Objects.equals(plan.currency(), back.currency()));
        same.put("holiday names", holidayNames(plan).equals(holidayNames(back)));
        List<String> lost = same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        String losses = written.losses().stream().map(Loss::describe).collect(Collectors.joining("\n"));
        assertThat(lost).as("facts that did not come back").containsExactlyElementsOf(Arrays.stream(expectedLost.split(",")).map(String::strip).toList());
        for (String fact : lost) {
            assertThat(losses).as(fact + " is lost: the export must say so").contains(NAMED_AS.get(fact));
        }

        for (Task t : plan.tasks()) {
            Task b = back.task(t.id()).orElseThrow();
            assertThat(b.percentComplete()).as(t.id() + " % complete").isEqualTo(t.percentComplete());
            assertThat(b.actualStart() != null).as(t.id() + " has an actual start").isEqualTo(t.actualStart() != null);
            assertThat(b.actualFinish() != null).as(t.id() + " has an actual finish").isEqualTo(t.actualFinish() != null);
        }
        // the dates of work in progress and of its successors stay where they were
        assertThat(dates(PlanScheduler.schedule(back))).isEqualTo(dates(PlanScheduler.schedule(plan)));
    }

    private static List<String> dates(PlanSchedule s) {
        return s.tasks().stream().map(ScheduledTask::id).sorted()
                .map(id -> s.task(id).map(t -> id + " " + t.start() + " - " + t.finish()).orElseThrow()).toList();
    }

    private static List<String> holidayNames(Plan plan) {
        List<String> names = new ArrayList<>();
        for (WorkCalendar c : plan.calendars()) {
            for (CalendarException e : c.exceptions()) {
                names.add(e.from() + " " + e.name());
            }
        }
        return names;
    }

    static final String PROGRESS = """
            planwright: 1
            plan: {name: Progress, start: 2026-03-02, status-date: 2026-03-11, currency: EUR}
            resources:
              anna: {name: Anna, rate: 80/h}
            tasks:
              a: {name: Survey, duration: 5d, progress: 100%, actual-start: 2026-03-02, actual-finish: 2026-03-06,
                  resources: {anna: {units: 100%, actual-work: 40h, actual-cost: 3400}}}
              b: {name: Pack, duration: 6d, after: [a], progress: 50%, actual-start: 2026-03-09, remaining: 4d,
                  physical-progress: 40%, earned-by: physical-progress,
                  resources: {anna: {units: 100%, actual-work: 24h, remaining-work: 32h}}}
            """;

    /** Physical progress and its method, the remaining duration, and each assignment's actual and remaining work and actual cost. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"xml"})
    void progressFieldsSurviveMsProjectXml(String extension) throws Exception {
        Path source = Files.writeString(dir.resolve("p.plan.yaml"), PROGRESS);
        ReadResult read = PlanIO.readAndCheck(source);
        assertThat(read.plan()).as(read.problems().toString()).isNotNull();
        Plan plan = read.plan();
        PlanIO.Written written = PlanIO.write(plan, dir.resolve("p." + extension), Instant.now());
        ReadResult r = PlanIO.readAndCheck(written.file());
        assertThat(r.plan()).as(r.problems().toString()).isNotNull();
        Plan back = r.plan();
        Task b = back.task("b").orElseThrow();
        assertThat(b.physicalPercentComplete()).isEqualTo(40.0);
        assertThat(b.earnedValueMethod()).isEqualTo(io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE);
        assertThat(b.remainingDuration().minutes(back.workTime())).isEqualTo(4 * 480);
        assertThat(b.assignments().get(0).actualWork().minutes(back.workTime())).isEqualTo(24 * 60);
        assertThat(b.assignments().get(0).remainingWork().minutes(back.workTime())).isEqualTo(32 * 60);
        assertThat(back.task("a").orElseThrow().assignments().get(0).actualCost()).isEqualByComparingTo("3400");
        assertThat(back.task("a").orElseThrow().assignments().get(0).actualWork().minutes(back.workTime())).isEqualTo(40 * 60);
        assertThat(dates(PlanScheduler.schedule(back))).isEqualTo(dates(PlanScheduler.schedule(plan)));
    }
}
