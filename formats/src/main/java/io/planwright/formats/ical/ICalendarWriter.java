package io.planwright.formats.ical;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.schedule.ScheduleCsv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.planwright.core.calendar.Moments;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The plan's milestones and deadlines as an iCalendar (RFC 5545) feed, to subscribe to in a calendar
 * client: one all-day event per milestone on its scheduled date, and one per deadline. Each event has a
 * stable UID (plan and task), so that a client updates it when the schedule moves instead of adding a
 * copy. The description carries the exact time, the slack and whether the milestone is critical or the
 * deadline is missed.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private ICalendarWriter() {
    }

    /** A meeting of the communication plan: one hour from its start, in the plan's time zone (floating when it has none). */
    public record Meeting(String key, LocalDateTime start, String summary, String description) {
    }

    /** @param now the time of writing (each event's DTSTAMP) */
    public static String write(Plan plan, PlanSchedule schedule, Instant now) {
        return write(plan, schedule, now, java.util.List.of());
    }

    /** The milestones and deadlines, and the communication plan's meetings. */
    public static String write(Plan plan, PlanSchedule schedule, Instant now, java.util.List<Meeting> meetings) {
        StringBuilder b = new StringBuilder();
        String stamp = STAMP.format(now.atOffset(ZoneOffset.UTC));
        String planKey = slug(plan.name());
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Planwright//Planwright//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "X-WR-CALNAME:" + text(plan.name() + ": milestones and deadlines"));
        if (plan.timeZone() != null) {
            line(b, "X-WR-TIMEZONE:" + plan.timeZone().getId());
        }
        for (Task t : plan.tasks()) {
            ScheduledTask s = schedule.task(t.id()).orElse(null);
            if (s == null) {
                continue;
            }
            if (s.type() == ScheduledTask.Kind.MILESTONE) {
                String description = "Milestone " + s.wbs() + " of " + plan.name() + ", scheduled for " + when(s.finish()) + "."
                        + (s.critical() ? " On the critical path." : " Slack: " + days(s.totalFloatMinutes(), plan) + ".")
                        + (t.notes() == null ? "" : "\n\n" + t.notes());
                event(b, planKey + "/" + t.id() + "/milestone@planwright", stamp, s.finish(), "Milestone: " + t.name(), description,
                        s.critical() ? "MILESTONE,CRITICAL" : "MILESTONE");
            }
            if (t.deadline() != null) {
                boolean missed = s.finish() != null && s.finish().isAfter(t.deadline());
                String description = "Deadline of " + s.wbs() + " " + t.name() + " (" + plan.name() + "): " + when(t.deadline()) + ". "
                        + (missed ? "MISSED: the task is scheduled to finish " + when(s.finish()) + "." : "Scheduled to finish " + when(s.finish()) + ".");
                event(b, planKey + "/" + t.id() + "/deadline@planwright", stamp, t.deadline(), (missed ? "Missed deadline: " : "Deadline: ") + t.name(),
                        description, missed ? "DEADLINE,MISSED" : "DEADLINE");
            }
        }
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
        String tzid = plan.timeZone() == null ? "" : ";TZID=" + plan.timeZone().getId();
        for (Meeting m : meetings) {
            line(b, "BEGIN:VEVENT");
            line(b, "UID:" + text(planKey + "/" + m.key() + "/meeting@planwright"));
            line(b, "DTSTAMP:" + stamp);
            line(b, "DTSTART" + tzid + ":" + local.format(m.start()));
            line(b, "DTEND" + tzid + ":" + local.format(m.start().plusHours(1)));
            line(b, "SUMMARY:" + text(m.summary()));
            line(b, "DESCRIPTION:" + text(m.description()));
            line(b, "CATEGORIES:MEETING");
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    public static byte[] bytes(Plan plan, PlanSchedule schedule, Instant now) {
        return write(plan, schedule, now).getBytes(StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder b, String uid, String stamp, LocalDateTime at, String summary, String description, String categories) {
        if (at == null) {
            return;
        }
        line(b, "BEGIN:VEVENT");
        line(b, "UID:" + text(uid));
        line(b, "DTSTAMP:" + stamp);
        // every event here is a finish (a milestone's, a deadline): one at the end of a day is on that day
        java.time.LocalDate day = Moments.day(at, Moments.Edge.FINISH);
        line(b, "DTSTART;VALUE=DATE:" + DATE.format(day));
        line(b, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line(b, "SUMMARY:" + text(summary));
        line(b, "DESCRIPTION:" + text(description));
        line(b, "CATEGORIES:" + categories);
        line(b, "TRANSP:TRANSPARENT");
        line(b, "END:VEVENT");
    }

    private static String when(LocalDateTime t) {
        return t == null ? "not scheduled" : Moments.human(t, Moments.Edge.FINISH, null);
    }

    private static String days(long minutes, Plan plan) {
        double d = minutes / (double) plan.workTime().minutesPerDay();
        String s = d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
        return s + (s.equals("1") ? " working day" : " working days");
    }

    /** TEXT escaping (RFC 5545 3.3.11). */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A content line, folded at 75 octets without splitting a UTF-8 character (RFC 5545 3.1), ended by CRLF. */
    static void line(StringBuilder b, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + len > 75) {
                b.append("\r\n ");
                octets = 1;
            }
            b.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        b.append("\r\n");
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "plan" : s;
    }
}
