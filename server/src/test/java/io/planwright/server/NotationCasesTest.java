package io.planwright.server;

import io.planwright.formats.plan.ReadResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planwright.core.calendar.Moments;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.table.TaskListReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's notation in Java: the same cases as notation.js's Node test (notation-cases.json), through
 * the parsers the server and the files use, so that the two sides cannot drift apart.
 */
class NotationCasesTest {

    @TempDir
    Path dir;

    static JsonNode cases() throws Exception {
        try (InputStream in = NotationCasesTest.class.getResourceAsStream("/notation-cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void durationsReadAsTheGridReadsThem() throws Exception {
        for (JsonNode c : cases().get("durations")) {
            String text = c.get("text").asText();
            Optional<Duration> d = Duration.parse(text);
            if (c.has("error")) {
                assertThat(d).as("'" + text + "' is refused").isEmpty();
            } else if (c.has("milestone")) {
                assertThat(d).as(text).hasValueSatisfying(x -> assertThat(x.isZero()).isTrue());
            } else {
                assertThat(d).as(text).isPresent();
                assertThat(d.get().toString()).as(text).isEqualTo(c.get("duration").asText());
            }
        }
    }

    @Test
    void predecessorsReadAsTheGridReadsThem() throws Exception {
        int n = 0;
        for (JsonNode c : cases().get("predecessors")) {
            String text = c.get("text").asText();
            Path csv = dir.resolve("case" + (n++) + ".csv");
            StringBuilder b = new StringBuilder("ID,Name,Duration,Predecessors\n");
            for (int row = 1; row <= 5; row++) {
                b.append(row).append(",t").append(row).append(",1d,").append(row == 5 ? "\"" + text + "\"" : "").append('\n');
            }
            Files.writeString(csv, b.toString());
            ReadResult r = TaskListReader.read(csv);
            if (c.has("error")) {
                assertThat(r.hasErrors()).as("'" + text + "' is refused: " + r.problems()).isTrue();
                continue;
            }
            assertThat(r.hasErrors()).as(text + ": " + r.problems()).isFalse();
            Plan plan = r.plan();
            Map<String, Integer> rowOf = new HashMap<>();
            for (int i = 0; i < plan.tasks().size(); i++) {
                rowOf.put(plan.tasks().get(i).id(), i + 1);
            }
            Task edited = plan.tasks().get(4);
            List<String> got = new ArrayList<>();
            for (Link l : edited.links()) {
                got.add(rowOf.get(l.predecessorId()) + " " + l.type() + " " + l.lag());
            }
            List<String> expected = new ArrayList<>();
            c.get("links").forEach(l -> expected.add(l.get("row").asInt() + " " + l.get("type").asText() + " " + l.get("lag").asText()));
            assertThat(got).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aFinishGivenAsADateAloneIsTheEndOfThatDay() throws Exception {
        for (JsonNode c : cases().get("finishes")) {
            String text = c.get("text").asText();
            LocalDateTime moment = text.length() == 10 ? Moments.of(LocalDate.parse(text), Moments.Edge.FINISH) : LocalDateTime.parse(text);
            assertThat(moment).as(text).isEqualTo(LocalDateTime.parse(c.get("moment").asText()));
            assertThat(Moments.day(moment, Moments.Edge.FINISH)).as(text).isEqualTo(LocalDate.parse(c.get("day").asText()));
        }
    }

    @Test
    void workingDaysCountTheCalendarAsTheSchedulerDoes() throws Exception {
        JsonNode all = cases();
        Map<String, WorkCalendar> byId = new HashMap<>();
        for (JsonNode c : all.get("calendars")) {
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            c.get("week").fields().forEachRemaining(e -> {
                List<TimeRange> hours = new ArrayList<>();
                e.getValue().forEach(h -> {
                    String[] p = h.asText().split("-");
                    hours.add(TimeRange.of(LocalTime.parse(p[0]), LocalTime.parse(p[1])));
                });
                week.put(DayOfWeek.valueOf(e.getKey()), hours);
            });
            List<CalendarException> exceptions = new ArrayList<>();
            c.get("exceptions").forEach(e -> exceptions.add(new CalendarException(e.get("name").asText(), LocalDate.parse(e.get("from").asText()),
                    LocalDate.parse(e.get("to").asText()), List.of())));
            byId.put(c.get("id").asText(), new WorkCalendar(c.get("id").asText(), null, c.has("baseId") ? c.get("baseId").asText() : null, week, exceptions));
        }
        for (JsonNode c : all.get("workingDays")) {
            WorkingTime time = WorkingTime.compile(byId.get(c.get("calendar").asText()), byId, LocalDate.of(2026, 1, 5));
            int days = 0;
            for (LocalDate d = LocalDate.parse(c.get("from").asText()); d.isBefore(LocalDate.parse(c.get("to").asText())); d = d.plusDays(1)) {
                days += time.workOn(d) > 0 ? 1 : 0;
            }
            assertThat(days).as(c.toString()).isEqualTo(c.get("days").asInt());
        }
    }
}
