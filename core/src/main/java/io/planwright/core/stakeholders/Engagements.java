package io.planwright.core.stakeholders;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Engagement;
import io.planwright.core.model.Frequency;
import io.planwright.core.model.Level;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Stakeholder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What stakeholders' feedback says: their confidence over time (each answer, and a group's average week
 * by week), the engagement their latest answers suggest, and the key stakeholders (high influence) the
 * communication plan does not reach or who stayed silent for n cycles of the items that reach them.
 */
public final class Engagements {

    /** Cycles of silence before a key stakeholder is flagged, unless the caller says otherwise. */
    public static final int DEFAULT_SILENT_CYCLES = 2;

    private Engagements() {
    }

    /** One answer of a feedback form: who, when, their confidence in the plan (1 to 5). */
    public record Answer(String stakeholderId, LocalDateTime at, int confidence) {
    }

    /** A point of a trend: the week (its Monday), the average confidence of the answers in it and how many there were. */
    public record Point(LocalDate week, double confidence, int answers) {
    }

    /** Why a key stakeholder is flagged. */
    public enum Reason { NOT_REACHED, SILENT }

    /** A key stakeholder to look after: why, and for a silent one since when (null: never answered) and over how many days. */
    public record Flag(String stakeholderId, String name, Reason reason, LocalDateTime lastAnswer, int days) {
        public String text() {
            return reason == Reason.NOT_REACHED ? "not reached: no item of the communication plan goes to them"
                    : lastAnswer == null ? "silent: no feedback yet, over " + days + " days" : "silent: no feedback for " + days + " days";
        }
    }

    /** A stakeholder is key when their influence (power) is high or very high. */
    public static boolean isKey(Stakeholder s) {
        return s.influence() != null && s.influence().score() >= Level.HIGH.score();
    }

    /** The length of one cycle of an item in days; empty for items without a regular rhythm (once, at milestones, on events). */
    public static Optional<Integer> cycleDays(Frequency f) {
        if (f == null) {
            return Optional.empty();
        }
        return switch (f) {
            case DAILY -> Optional.of(1);
            case WEEKLY -> Optional.of(7);
            case BIWEEKLY -> Optional.of(14);
            case MONTHLY -> Optional.of(30);
            case QUARTERLY -> Optional.of(91);
            case ONCE, MILESTONE, ON_EVENT -> Optional.empty();
        };
    }

    /** Whether an item goes to the stakeholder: the audience names them, or their role. */
    public static boolean reaches(CommunicationItem item, Stakeholder s) {
        return item.audience().contains(s.id()) || s.role() != null && item.audience().contains(s.role());
    }

    /**
     * The key stakeholders to look after as of {@code now}: those no item of the communication plan reaches,
     * and those who gave no feedback over {@code cycles} cycles of the most frequent regular item reaching them
     * (an item without a rhythm never makes anyone silent).
     */
    public static List<Flag> flags(Plan plan, List<Answer> answers, LocalDateTime now, int cycles) {
        Map<String, LocalDateTime> last = answers.stream().collect(Collectors.toMap(Answer::stakeholderId, Answer::at,
                (a, b) -> a.isAfter(b) ? a : b));
        List<Flag> out = new ArrayList<>();
        for (Stakeholder s : plan.stakeholders()) {
            if (!isKey(s)) {
                continue;
            }
            List<CommunicationItem> reaching = plan.communications().stream().filter(c -> reaches(c, s)).toList();
            if (reaching.isEmpty()) {
                out.add(new Flag(s.id(), s.name(), Reason.NOT_REACHED, last.get(s.id()), 0));
                continue;
            }
            Optional<Integer> cycle = reaching.stream().map(c -> cycleDays(c.frequency())).flatMap(Optional::stream).min(Comparator.naturalOrder());
            if (cycle.isEmpty()) {
                continue;
            }
            int window = cycle.get() * Math.max(1, cycles);
            LocalDateTime seen = last.get(s.id());
            if (seen == null || seen.isBefore(now.minusDays(window))) {
                out.add(new Flag(s.id(), s.name(), Reason.SILENT, seen, window));
            }
        }
        return List.copyOf(out);
    }

    /** The answers' average confidence week by week (weeks without answers left out), oldest first. */
    public static List<Point> weekly(List<Answer> answers) {
        TreeMap<LocalDate, List<Answer>> byWeek = new TreeMap<>(answers.stream().collect(Collectors.groupingBy(
                a -> a.at().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))));
        List<Point> out = new ArrayList<>();
        byWeek.forEach((week, list) -> out.add(new Point(week, list.stream().mapToInt(Answer::confidence).average().orElse(0), list.size())));
        return List.copyOf(out);
    }

    /** The answers grouped by what {@code group} says of their stakeholder (organisation, role), each group week by week. */
    public static Map<String, List<Point>> weeklyBy(Plan plan, List<Answer> answers, Function<Stakeholder, String> group) {
        Map<String, Stakeholder> byId = plan.stakeholders().stream().collect(Collectors.toMap(Stakeholder::id, s -> s));
        Map<String, List<Answer>> groups = new TreeMap<>();
        for (Answer a : answers) {
            Stakeholder s = byId.get(a.stakeholderId());
            String g = s == null ? null : group.apply(s);
            groups.computeIfAbsent(g == null || g.isBlank() ? "(none)" : g, k -> new ArrayList<>()).add(a);
        }
        Map<String, List<Point>> out = new TreeMap<>();
        groups.forEach((g, list) -> out.put(g, weekly(list)));
        return out;
    }

    /**
     * The engagement a stakeholder's latest answers suggest (the rounded average of their last three):
     * confidence 1 or 2 resistant, 3 neutral, 4 supportive, 5 leading; empty without answers.
     */
    public static Optional<Engagement> suggested(List<Answer> answersOfOne) {
        List<Answer> latest = answersOfOne.stream().sorted(Comparator.comparing(Answer::at).reversed()).limit(3).toList();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long c = Math.round(latest.stream().mapToInt(Answer::confidence).average().orElse(3));
        return Optional.of(c <= 2 ? Engagement.RESISTANT : c == 3 ? Engagement.NEUTRAL : c == 4 ? Engagement.SUPPORTIVE : Engagement.LEADING);
    }
}
