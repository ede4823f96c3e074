package io.planwright.core.communication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a communication item goes out: weekly on a weekday at a time, every n weeks, monthly on a day, at
 * each milestone, or when something happens (a milestone missed, a risk triggered, the forecast finish
 * moving past a deadline). Written as a short text in the plan file's {@code schedule} key:
 * {@code weekly mon 09:00}, {@code every 2 weeks fri 14:00}, {@code monthly 1 09:00}, {@code at milestones},
 * {@code on milestone-missed, risk-triggered}. Times are wall-clock times in the plan's time zone.
 */
public sealed interface Cadence permits Cadence.Weekly, Cadence.Monthly, Cadence.AtMilestones, Cadence.OnEvents {

    /** What the event-driven cadences listen for. */
    enum Event {
        MILESTONE_MISSED("milestone-missed"), RISK_TRIGGERED("risk-triggered"), FORECAST_PAST_DEADLINE("forecast-past-deadline");

        private final String text;

        Event(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Optional<Event> of(String text) {
            for (Event e : values()) {
                if (e.text.equals(text)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** A schedule text that is not a cadence; the message says what is wrong and what would be right. */
    final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    String EXAMPLES = "weekly mon 09:00, every 2 weeks fri 14:00, monthly 1 09:00, at milestones, on milestone-missed";

    /**
     * The next time strictly after {@code after} (in {@code after}'s zone, which should be the plan's), for a
     * cadence that fires by the calendar or at milestones (their finishes, as wall-clock times); empty for one
     * that waits on events, or when no milestone is left.
     */
    Optional<ZonedDateTime> next(ZonedDateTime after, Collection<LocalDateTime> milestones);

    default Optional<ZonedDateTime> next(ZonedDateTime after) {
        return next(after, List.of());
    }

    /** The canonical text, as {@link #parse} reads it. */
    String text();

    /** Every n weeks (1: weekly) on a weekday at a time; weeks counted from the Monday 1970-01-05, so that every 2 weeks is the same weeks for everyone. */
    record Weekly(int everyWeeks, DayOfWeek day, LocalTime time) implements Cadence {
        private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

        public Weekly {
            if (everyWeeks < 1) {
                throw new Invalid("every " + everyWeeks + " weeks never comes; say every 1 week or more");
            }
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after, Collection<LocalDateTime> milestones) {
            LocalDate d = after.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
            for (int i = 0; i < 2 * everyWeeks + 2; i++, d = d.plusWeeks(1)) {
                long week = ChronoUnit.WEEKS.between(FIRST_MONDAY, d.with(DayOfWeek.MONDAY));
                if (Math.floorMod(week, everyWeeks) != 0) {
                    continue;
                }
                ZonedDateTime at = ZonedDateTime.of(d, time, after.getZone());
                if (at.isAfter(after)) {
                    return Optional.of(at);
                }
            }
            throw new IllegalStateException("no week found");
        }

        @Override
        public String text() {
            String day3 = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            return (everyWeeks == 1 ? "weekly " : "every " + everyWeeks + " weeks ") + day3 + " " + time;
        }
    }

    /** Monthly on a day of the month (the month's last day when it is shorter) at a time. */
    record Monthly(int dayOfMonth, LocalTime time) implements Cadence {
        public Monthly {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new Invalid("day " + dayOfMonth + " of a month never comes; say a day from 1 to 31");
            }
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after, Collection<LocalDateTime> milestones) {
            LocalDate month = after.toLocalDate().withDayOfMonth(1);
            for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
                LocalDate d = month.withDayOfMonth(Math.min(dayOfMonth, month.lengthOfMonth()));
                ZonedDateTime at = ZonedDateTime.of(d, time, after.getZone());
                if (at.isAfter(after)) {
                    return Optional.of(at);
                }
            }
            throw new IllegalStateException("no month found");
        }

        @Override
        public String text() {
            return "monthly " + dayOfMonth + " " + time;
        }
    }

    /** At each milestone's finish. */
    record AtMilestones() implements Cadence {
        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after, Collection<LocalDateTime> milestones) {
            return milestones.stream().map(m -> ZonedDateTime.of(m, after.getZone())).filter(m -> m.isAfter(after)).min(ZonedDateTime::compareTo);
        }

        @Override
        public String text() {
            return "at milestones";
        }
    }

    /** When one of the events happens (once per event: one milestone missed, one risk triggered). */
    record OnEvents(Set<Event> events) implements Cadence {
        public OnEvents {
            if (events.isEmpty()) {
                throw new Invalid("'on' needs an event: " + names());
            }
            events = Set.copyOf(events);
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after, Collection<LocalDateTime> milestones) {
            return Optional.empty();
        }

        @Override
        public String text() {
            return "on " + events.stream().sorted().map(Event::text).collect(Collectors.joining(", "));
        }

        static String names() {
            return java.util.Arrays.stream(Event.values()).map(Event::text).collect(Collectors.joining(", "));
        }
    }

    /** Reads a schedule text; a text that is not one throws {@link Invalid} with what is wrong. */
    static Cadence parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("the schedule is empty; write one such as " + EXAMPLES);
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String[] w = t.split(" ");
        try {
            switch (w[0]) {
                case "weekly":
                    expect(w, 3, "weekly DAY HH:MM, such as weekly mon 09:00");
                    return new Weekly(1, day(w[1]), time(w[2]));
                case "biweekly":
                    expect(w, 3, "biweekly DAY HH:MM, such as biweekly fri 14:00");
                    return new Weekly(2, day(w[1]), time(w[2]));
                case "every":
                    if (w.length != 5 || !(w[2].equals("weeks") || w[2].equals("week"))) {
                        throw new Invalid("'" + text.trim() + "' is not a cadence; write every N weeks DAY HH:MM, such as every 2 weeks fri 14:00");
                    }
                    return new Weekly(number(w[1], "the number of weeks"), day(w[3]), time(w[4]));
                case "monthly":
                    expect(w, 3, "monthly DAY-OF-MONTH HH:MM, such as monthly 1 09:00");
                    return new Monthly(number(w[1], "the day of the month"), time(w[2]));
                case "at":
                    if (w.length == 2 && (w[1].equals("milestones") || w[1].equals("milestone") || w[1].equals("each-milestone"))) {
                        return new AtMilestones();
                    }
                    if (w.length == 3 && w[1].equals("each") && w[2].startsWith("milestone")) {
                        return new AtMilestones();
                    }
                    throw new Invalid("'" + text.trim() + "' is not a cadence; did you mean 'at milestones'?");
                case "on":
                    Set<Event> events = EnumSet.noneOf(Event.class);
                    List<String> unknown = new ArrayList<>();
                    for (String e : t.substring(2).split("[ ,]+")) {
                        if (e.isBlank() || e.equals("and") || e.equals("or")) {
                            continue;
                        }
                        Event.of(e).ifPresentOrElse(events::add, () -> unknown.add(e));
                    }
                    if (!unknown.isEmpty()) {
                        throw new Invalid("unknown event '" + unknown.get(0) + "'; the events are " + OnEvents.names());
                    }
                    return new OnEvents(events);
                default:
                    throw new Invalid("'" + text.trim() + "' is not a cadence; write one such as " + EXAMPLES);
            }
        } catch (java.time.DateTimeException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private static void expect(String[] w, int n, String form) {
        if (w.length != n) {
            throw new Invalid("'" + String.join(" ", w) + "' is not a cadence; write " + form);
        }
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new Invalid(what + " must be a whole number, not '" + s + "'");
        }
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (s.length() >= 2 && full.startsWith(s)) {
                return d;
            }
        }
        throw new Invalid("'" + s + "' is not a weekday; write mon, tue, wed, thu, fri, sat or sun");
    }

    private static LocalTime time(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})").matcher(s);
        if (!m.matches()) {
            throw new Invalid("'" + s + "' is not a time of day; write HH:MM, such as 09:00");
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (h > 23 || min > 59) {
            throw new Invalid("'" + s + "' is not a time of day; hours run from 00 to 23 and minutes from 00 to 59");
        }
        return LocalTime.of(h, min);
    }

    /** The zone a plan's schedules run in: the plan's, else the given default. */
    static ZoneId zone(ZoneId planZone, ZoneId fallback) {
        return planZone != null ? planZone : fallback;
    }
}
