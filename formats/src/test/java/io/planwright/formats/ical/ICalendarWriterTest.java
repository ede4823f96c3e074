package io.planwright.formats.ical;

import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.PlanIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar feed is valid RFC 5545 (checked by ical4j) and holds every milestone and deadline. */
class ICalendarWriterTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void milestonesAndDeadlinesOfTheErpPlanAsAValidCalendar() throws Exception {
        Plan plan = PlanIO.readAndCheck(Path.of("..", "examples", "erp-rollout.plan.yaml")).plan();
        PlanSchedule schedule = PlanScheduler.schedule(plan);
        String text = ICalendarWriter.write(plan, schedule, NOW);

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();

        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        long milestones = schedule.tasks().stream().filter(t -> t.type() == ScheduledTask.Kind.MILESTONE).count();
        long deadlines = plan.tasks().stream().filter(t -> t.deadline() != null).count();
        assertThat(events).hasSize((int) (milestones + deadlines));
        Set<String> uids = events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).collect(Collectors.toSet());
        assertThat(uids).hasSize(events.size()); // stable and unique, so clients update instead of duplicating

        ScheduledTask golive = schedule.task("golive").orElseThrow();
        VEvent event = events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().contains("/golive/milestone"))
                .findFirst().orElseThrow();
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Milestone: Go-live of NovaERP (finance, procurement");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(golive.finish().toLocalDate().toString().replace("-", ""));
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedWithoutBreakingCharacters() throws Exception {
        StringBuilder b = new StringBuilder();
        ICalendarWriter.line(b, "SUMMARY:" + ICalendarWriter.text("Über; Straße, naïve \\ long ".repeat(8) + "\nnext"));
        for (String line : b.toString().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = b.toString().replace("\r\n ", "");
        assertThat(unfolded).contains("Über\\; Straße\\, naïve \\\\ long").contains("\\nnext").endsWith("\r\n");
        Calendar parsed = new CalendarBuilder().build(new StringReader("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "DTSTAMP:20261125T120000Z\r\nDTSTART;VALUE=DATE:20261125\r\n" + b + "END:VEVENT\r\nEND:VCALENDAR\r\n"));
        VEvent e = (VEvent) parsed.getComponents().get(0);
        assertThat(e.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Über; Straße, naïve \\ long").endsWith("\nnext");
    }
}
