package io.planwright.formats.exchange;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan as comparable lines, independent of how a format spells it: durations and lags in minutes,
 * calendars by name with their inherited hours and exceptions resolved, links as a set. Two plans that
 * schedule the same and say the same have the same digest.
 */
final class PlanDigest {

    private PlanDigest() {
    }

    static List<String> tasks(Plan plan, Set<String> skip) {
        Map<String, String> calendarNames = new HashMap<>();
        plan.calendars().forEach(c -> calendarNames.put(c.id(), c.name().length() > 51 ? c.name().substring(0, 51) : c.name()));
        List<String> out = new ArrayList<>();
        for (Task t : plan.tasks()) {
            if (skip.contains(t.id())) {
                continue;
            }
            StringBuilder b = new StringBuilder(t.id());
            b.append(" parent=").append(t.parentId()).append(" name=").append(t.name());
            Duration duration = t.duration() == null && t.milestone() ? Duration.ZERO : t.duration();
            b.append(" duration=").append(minutes(plan, duration)).append(" milestone=").append(t.milestone() || isZero(t.duration()));
            Set<String> links = new TreeSet<>();
            for (Link l : t.links()) {
                links.add(l.predecessorId() + " " + l.type() + " " + (l.lag().isPercent() ? l.lag().amount() + "%" : minutes(plan, l.lag())
                        + (l.lag().isElapsed() ? "e" : "")));
            }
            b.append(" links=").append(links);
            // a date alone (the end of its day) goes to MS Project as that day's last working moment, as MS Project keeps it:
            // the same moment in working time, shown alike on every face
            b.append(" constraint=").append(t.constraint() == null ? null : t.constraint().type() + " "
                    + (t.constraint().type().constrainsStart() ? t.constraint().date() : shown(plan, t, t.constraint().date())));
            b.append(" deadline=").append(shown(plan, t, t.deadline()));
            b.append(" calendar=").append(t.calendarId() == null ? null : calendarNames.get(t.calendarId()));
            b.append(" manual=").append(t.manual()).append(t.manual() ? " " + t.start() + ".." + t.finish() : "");
            b.append(" progress=").append(t.percentComplete()).append(" ").append(t.actualStart()).append(" ").append(shown(plan, t, t.actualFinish()));
            Set<String> assignments = new TreeSet<>();
            for (Assignment a : t.assignments()) {
                // work that equals duration times units is the default, however a format spells it
                boolean implied = a.work() != null && duration != null
                        && Math.abs(a.work().minutes(plan.workTime()) - duration.minutes(plan.workTime()) * a.units()) < 1;
                assignments.add(a.resourceId() + " " + Math.round(a.units() * 1000) / 1000.0 + " " + (implied ? "null" : minutes(plan, a.work())));
            }
            b.append(" assignments=").append(assignments);
            b.append(" type=").append(t.type()).append(" priority=").append(t.priority()).append(" notes=").append(t.notes());
            out.add(b.toString());
        }
        return out;
    }

    /**
     * The working time that matters, resolved through base calendars: the plan's default calendar, each
     * resource's and each task's; then the names of the calendars (MS Project keeps 51 characters).
     * Formats rename and merge calendars (MS Project gives each resource its own calendar, named after
     * it), so calendars are compared by what they say, not by their ids.
     */
    private static java.time.LocalDateTime shown(Plan plan, Task t, java.time.LocalDateTime finish) {
        String id = t.calendarId() != null && plan.calendar(t.calendarId()).isPresent() ? t.calendarId() : plan.effectiveCalendarId();
        return io.planwright.core.calendar.Moments.shown(finish, io.planwright.core.calendar.Moments.Edge.FINISH,
                io.planwright.core.schedule.PlanCalendars.calendar(plan, id));
    }

    static List<String> calendars(Plan plan) {
        Map<String, WorkCalendar> byId = new HashMap<>();
        plan.calendars().forEach(c -> byId.put(c.id(), c));
        List<String> out = new ArrayList<>();
        out.add("default " + content(byId.get(plan.effectiveCalendarId()), byId));
        plan.resources().forEach(r -> out.add("resource " + r.id() + " " + (r.calendarId() == null ? "-" : content(byId.get(r.calendarId()), byId))));
        plan.tasks().stream().filter(t -> t.calendarId() != null).forEach(t -> out.add("task " + t.id() + " " + content(byId.get(t.calendarId()), byId)));
        return out;
    }

    /** The names of the calendars no resource has to itself. */
    static Set<String> calendarNames(Plan plan) {
        Set<String> out = new TreeSet<>();
        for (WorkCalendar c : plan.calendars()) {
            long users = plan.resources().stream().filter(r -> c.id().equals(r.calendarId())).count();
            boolean base = plan.calendars().stream().anyMatch(x -> c.id().equals(x.baseId()));
            if (users == 0 || base || plan.tasks().stream().anyMatch(t -> c.id().equals(t.calendarId())) || c.id().equals(plan.effectiveCalendarId())) {
                out.add(c.name().length() > 51 ? c.name().substring(0, 51) : c.name());
            }
        }
        return out;
    }

    private static String content(WorkCalendar c, Map<String, WorkCalendar> byId) {
        if (c == null) {
            return "standard";
        }
        StringBuilder b = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            b.append(' ').append(d.name(), 0, 3).append('=').append(hours(week(c, d, byId)));
        }
        Map<LocalDate, List<TimeRange>> exceptions = new TreeMap<>();
        collectExceptions(c, byId, exceptions, 0);
        exceptions.forEach((day, hours) -> b.append(' ').append(day).append('=').append(hours(hours)));
        return b.toString();
    }

    private static List<TimeRange> week(WorkCalendar c, DayOfWeek d, Map<String, WorkCalendar> byId) {
        for (WorkCalendar x = c; x != null; x = x.baseId() == null ? null : byId.get(x.baseId())) {
            if (x.week().containsKey(d)) {
                return x.week().get(d);
            }
        }
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? List.of() : WorkCalendar.STANDARD_DAY;
    }

    private static void collectExceptions(WorkCalendar c, Map<String, WorkCalendar> byId, Map<LocalDate, List<TimeRange>> out, int depth) {
        if (c.baseId() != null && byId.containsKey(c.baseId()) && depth < 10) {
            collectExceptions(byId.get(c.baseId()), byId, out, depth + 1);
        }
        for (CalendarException e : c.exceptions()) {
            for (LocalDate d = e.from(); !d.isAfter(e.to()) && !d.isAfter(e.from().plusYears(3)); d = d.plusDays(1)) {
                out.put(d, e.hours());
            }
        }
    }

    private static String hours(List<TimeRange> ranges) {
        return ranges.isEmpty() ? "-" : ranges.toString().replace(" ", "");
    }

    static List<String> schedule(PlanSchedule s, Set<String> skip) {
        List<String> out = new ArrayList<>();
        for (ScheduledTask t : s.tasks()) {
            if (!skip.contains(t.id())) {
                out.add(t.id() + " " + t.start() + " " + t.finish() + " ES " + t.earlyStart() + " EF " + t.earlyFinish() + " LS " + t.lateStart()
                        + " LF " + t.lateFinish() + " TF " + t.totalFloatMinutes() + " critical=" + t.critical());
            }
        }
        return out;
    }

    private static String minutes(Plan plan, Duration d) {
        return d == null ? "null" : Long.toString(d.minutes(plan.workTime()));
    }

    private static boolean isZero(Duration d) {
        return d != null && d.isZero();
    }
}
