package io.planwright.formats.plan;

import io.planwright.core.check.Problem;
import io.planwright.core.check.Suggestions;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Charter;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.CostEstimate;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Engagement;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Frequency;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Level;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Rate;
import io.planwright.core.model.RateUnit;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskResponse;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.WorkTime;
import io.planwright.formats.tree.Location;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import io.planwright.core.calendar.Moments;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field readers of a plan file: problems with their locations, mappings and lists, keys checked against
 * their section's declared keys, and scalar values (text, dates, durations, numbers, rates, enums, hours).
 * {@link PlanFileReader} builds the sections and tasks on top of these.
 */
abstract class PlanFieldReader {

    static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    static final Set<String> TOP_KEYS = PlanKeys.TOP.names();
    static final Set<String> BASELINE_KEYS = PlanKeys.BASELINE.names();
    static final Set<String> BASELINE_TASK_KEYS = PlanKeys.BASELINE_TASK.names();
    static final Set<String> PLAN_KEYS = PlanKeys.PLAN.names();
    static final Set<String> CHARTER_KEYS = PlanKeys.CHARTER.names();
    static final Set<String> OBJECTIVE_KEYS = PlanKeys.OBJECTIVE.names();
    static final Set<String> KPI_KEYS = PlanKeys.KPI.names();
    static final Set<String> MEASUREMENT_KEYS = PlanKeys.MEASUREMENT.names();
    static final Set<String> DELIVERABLE_KEYS = PlanKeys.DELIVERABLE.names();
    static final Set<String> CALENDAR_KEYS = PlanKeys.CALENDAR.names();
    static final Set<String> EXCEPTION_KEYS = PlanKeys.EXCEPTION.names();
    static final Set<String> RESOURCE_KEYS = PlanKeys.RESOURCE.names();
    static final Set<String> TASK_KEYS = PlanKeys.TASK.names();
    static final Set<String> SPLIT_KEYS = PlanKeys.SPLIT.names();
    static final Set<String> LINK_KEYS = PlanKeys.LINK.names();
    static final Set<String> ESTIMATE_KEYS = PlanKeys.ESTIMATE.names();
    /** A cost estimate is a three-point estimate without a distribution of its own (the schema leaves the object open). */
    static final Set<String> COST_ESTIMATE_KEYS = PlanKeys.RISK_ESTIMATE.names().stream().filter(k -> !k.equals("distribution"))
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    static final Set<String> ASSIGNMENT_KEYS = PlanKeys.ASSIGNMENT.names();
    static final Set<String> CONSTRAINT_KEYS = PlanKeys.CONSTRAINT.names();
    static final Set<String> RISK_KEYS = PlanKeys.RISK.names();
    static final Set<String> STAKEHOLDER_KEYS = PlanKeys.STAKEHOLDER.names();
    static final Set<String> COMMUNICATION_KEYS = PlanKeys.COMMUNICATION.names();

    final String file;
    final List<LocatedProblem> problems = new ArrayList<>();
    final SourceMap sources = new SourceMap();
    WorkTime workTime = WorkTime.STANDARD;
    /** Tasks the file got wrong: model checks do not pile warnings on top of these. */
    final Set<String> faultyPaths = new java.util.HashSet<>();
    String currentTask;

    PlanFieldReader(String file) {
        this.file = file;
    }

    // ------------------------------------------------------------------ problems

    void error(Location at, String code, String message) {
        problems.add(new LocatedProblem(file, at, Problem.error(code, null, message)));
        if (currentTask != null) {
            faultyPaths.add("tasks/" + currentTask);
        }
    }

    void warning(Location at, String code, String message) {
        problems.add(new LocatedProblem(file, at, Problem.warning(code, null, message)));
    }

    // ------------------------------------------------------------------ tree helpers

    /** The node as a mapping, or null after reporting what it is instead. */
    MapNode map(Node node, String what) {
        if (node instanceof MapNode m) {
            return m;
        }
        if (node instanceof ScalarNode s && s.isNull()) {
            return new MapNode(List.of(), s.location());
        }
        error(node.location(), "wrong-type", what + " should be a mapping (key: value lines), not " + node.kind());
        return null;
    }

    /** The node as a list; a single scalar counts as a one-item list. */
    List<Node> list(Node node, String what) {
        if (node instanceof ListNode l) {
            return l.items();
        }
        if (node instanceof ScalarNode s) {
            return s.isNull() ? List.of() : List.of(s);
        }
        error(node.location(), "wrong-type", what + " should be a list, not " + node.kind());
        return List.of();
    }

    /**
     * The entries of a mapping with known keys; reports unknown keys (with a suggestion) and
     * repeated keys, and leaves both out.
     */
    Map<String, Node> fields(MapNode m, Set<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Location> seen = new HashMap<>();
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            Location first = seen.putIfAbsent(key, e.key().location());
            if (first != null) {
                error(e.key().location(), "duplicate-key", "'" + key + "' appears twice in " + what + " (first on line " + first.line() + ")");
                continue;
            }
            if (!allowed.contains(key)) {
                error(e.key().location(), "unknown-key", "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, allowed));
                continue;
            }
            out.put(key, e.value());
        }
        return out;
    }

    /** Entries of a mapping keyed by ids: checks the ids and reports repeats. */
    List<Node.Entry> entries(MapNode m, String what) {
        List<Node.Entry> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            Location first = seen.putIfAbsent(key, e.key().location());
            if (first != null) {
                error(e.key().location(), "duplicate-id", "the id '" + key + "' is used twice in " + what + " (first on line " + first.line() + ")");
                continue;
            }
            if (!PlanFileReader.ID.matcher(key).matches()) {
                error(e.key().location(), "bad-id", "'" + key + "' is not a valid id: use letters, digits, '-', '_' and '.', starting with a letter or digit");
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** A scalar's text, or null for null; reports containers. */
    String text(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.isNull() ? null : s.text();
        }
        error(node.location(), "wrong-type", what + " should be a single value, not " + node.kind());
        return null;
    }

    String text(Map<String, Node> f, String key, String path, String what) {
        Node n = f.get(key);
        if (n == null) {
            return null;
        }
        sources.put(path + "/" + key, n.location());
        String t = text(n, what);
        return t == null || t.isEmpty() ? null : t;
    }

    /**
     * The sign-off an entry needs: {@code approval: required} (by its Accountable) or named {@code approvers}
     * (which make it required); null when neither is written or {@code approval: none}.
     */
    io.planwright.core.model.Approval approval(Map<String, Node> f, String path, String what) {
        String approval = text(f, "approval", path, "the approval of " + what);
        List<String> approvers = texts(f, "approvers", path, "the approvers of " + what);
        if (approval != null && !approval.equals("required") && !approval.equals("none")) {
            error(f.get("approval").location(), "bad-value", "'" + approval + "' is not an approval: write required or none (the approval of " + what + ")");
            return null;
        }
        if ("none".equals(approval) || approval == null && approvers.isEmpty()) {
            return null;
        }
        return new io.planwright.core.model.Approval(approvers);
    }

    List<String> texts(Map<String, Node> f, String key, String path, String what) {
        Node n = f.get(key);
        if (n == null) {
            return List.of();
        }
        sources.put(path + "/" + key, n.location());
        List<String> out = new ArrayList<>();
        List<Node> items = list(n, what);
        for (int i = 0; i < items.size(); i++) {
            sources.put(path + "/" + key + "/" + i, items.get(i).location());
            String t = text(items.get(i), what);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    <T> T parse(Map<String, Node> f, String key, String path, String what, Function<String, T> parser, String expected) {
        String t = text(f, key, path, what);
        if (t == null) {
            return null;
        }
        T v = parser.apply(t.trim());
        if (v == null) {
            error(f.get(key).location(), "bad-value", "'" + t + "' is not " + expected + " (" + what + ")");
        }
        return v;
    }

    // ------------------------------------------------------------------ value parsers

    static LocalDateTime dateTime(String text, boolean finish) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return Moments.of(d, finish ? Moments.Edge.FINISH : Moments.Edge.START);
            }
            String iso = t.replace(' ', 'T');
            if (iso.endsWith("T24:00")) {
                return Moments.of(LocalDate.parse(iso.substring(0, 10)), Moments.Edge.FINISH);
            }
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    LocalDateTime dateTime(Map<String, Node> f, String key, String path, String what, boolean finish) {
        return parse(f, key, path, what, t -> dateTime(t, finish), "a date (such as 2026-03-02 or 2026-03-02T08:00)");
    }

    static final String DURATION_HELP = "a duration (such as 3d, 4h, 2w, 1.5mo, or 3ed for elapsed days)";

    Duration duration(Map<String, Node> f, String key, String path, String what) {
        return parse(f, key, path, what, t -> Duration.parse(t).orElse(null), DURATION_HELP);
    }

    static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 50%} → 0.5; {@code 0.5} → 0.5. */
    static Double fraction(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            BigDecimal d = decimal(t.substring(0, t.length() - 1));
            return d == null ? null : d.movePointLeft(2).doubleValue();
        }
        BigDecimal d = decimal(t);
        return d == null ? null : d.doubleValue();
    }

    /** {@code 40%} → 40; {@code 0.4} → 40. */
    static Double percentage(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            BigDecimal d = decimal(t.substring(0, t.length() - 1));
            return d == null ? null : d.doubleValue();
        }
        BigDecimal d = decimal(t);
        return d == null ? null : d.movePointRight(2).doubleValue();
    }

    static Rate rate(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        BigDecimal amount = decimal(slash < 0 ? t : t.substring(0, slash));
        if (amount == null) {
            return null;
        }
        RateUnit unit = slash < 0 ? RateUnit.HOUR : RateUnit.fromSymbol(t.substring(slash + 1).trim());
        return unit == null ? null : new Rate(amount, unit);
    }

    static <E extends Enum<E>> E word(Class<E> type, String text) {
        String t = text.trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        return null;
    }

    <E extends Enum<E>> E word(Map<String, Node> f, String key, String path, String what, Class<E> type) {
        String t = text(f, key, path, what);
        if (t == null) {
            return null;
        }
        E e = word(type, t);
        if (e == null) {
            List<String> names = words(type);
            error(f.get(key).location(), "bad-value", "'" + t + "' is not one of " + String.join(", ", names) + " (" + what + ")"
                    + Suggestions.didYouMean(t, names));
        }
        return e;
    }

    static <E extends Enum<E>> List<String> words(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out;
    }

    static Level level(String text) {
        String t = text.trim();
        if (t.matches("[1-5]")) {
            return Level.ofScore(Integer.parseInt(t));
        }
        return word(Level.class, t);
    }

    Level level(Map<String, Node> f, String key, String path, String what) {
        return parse(f, key, path, what, PlanFileReader::level, "a level: very-low, low, medium, high, very-high (or 1 to 5)");
    }

    Boolean bool(Map<String, Node> f, String key, String path, String what) {
        return parse(f, key, path, what, t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        }, "true or false");
    }

    /**
     * The items of a value written either as a list or as one text with a separator ({@code 3d / 5d / 9d},
     * {@code 08:00-12:00, 13:00-17:00}); null when the value is no text at all (already reported).
     */
    List<String> items(Node node, String separator, String what) {
        List<String> parts = new ArrayList<>();
        if (node instanceof ListNode l) {
            for (Node item : l.items()) {
                String t = text(item, what);
                if (t != null) {
                    parts.add(t);
                }
            }
            return parts;
        }
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        parts.addAll(List.of(t.split(java.util.regex.Pattern.quote(separator))));
        return parts;
    }

    /** {@code 08:00-12:00, 13:00-17:00}, {@code off}, or a list of ranges. */
    List<TimeRange> hours(Node node, String what) {
        List<String> parts = items(node, ",", what);
        if (parts == null) {
            return List.of();
        }
        List<TimeRange> out = new ArrayList<>();
        for (String p : parts) {
            String s = p.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals("off") || s.equals("none") || s.equals("closed")) {
                continue;
            }
            if (s.equals("24h") || s.equals("all-day")) {
                out.add(new TimeRange(0, 1440));
                continue;
            }
            Matcher m = HOURS.matcher(s);
            TimeRange r = null;
            if (m.matches()) {
                int from = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
                int to = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
                if (Integer.parseInt(m.group(2)) < 60 && Integer.parseInt(m.group(4)) < 60 && from < to && to <= 1440) {
                    r = new TimeRange(from, to);
                }
            }
            if (r == null) {
                error(node.location(), "bad-hours", "'" + p.trim() + "' is not a range of working hours (write 08:00-12:00, or off) in " + what);
                continue;
            }
            for (TimeRange other : out) {
                if (r.from() < other.to() && other.from() < r.to()) {
                    error(node.location(), "bad-hours", "working hours " + r + " overlap " + other + " in " + what);
                }
            }
            out.add(r);
        }
        out.sort(null);
        return out;
    }

    Double number(Map<String, Node> f, String key, String path, String what) {
        BigDecimal d = parse(f, key, path, what, PlanFileReader::decimal, "a number");
        return d == null ? null : d.doubleValue();
    }

    List<RaciEntry> raci(Map<String, Node> f, String path, String what) {
        Node n = f.get("raci");
        if (n == null) {
            return List.of();
        }
        sources.put(path + "/raci", n.location());
        MapNode m = map(n, "the RACI of " + what);
        if (m == null) {
            return List.of();
        }
        List<RaciEntry> out = new ArrayList<>();
        for (Node.Entry e : entries(m, "the RACI of " + what)) {
            sources.put(path + "/raci/" + e.key().text(), e.key().location());
            String role = text(e.value(), "a RACI letter");
            RaciRole r = role == null ? null : RaciRole.fromText(role);
            if (r == null) {
                error(e.value().location(), "bad-value", "'" + role + "' is not R, A, C or I (RACI of " + what + " for '" + e.key().text() + "')");
                continue;
            }
            out.add(new RaciEntry(e.key().text(), r));
        }
        return out;
    }

    record Entry(String path, MapNode node, Map<String, Node> fields) {
    }

    /** The maps of a list, each with its source location recorded; items that are not maps are reported. */
    List<Entry> entries(Node list, String path, String listWhat, String itemWhat, Set<String> keys) {
        List<Entry> out = new ArrayList<>();
        List<Node> items = list(list, listWhat);
        for (int i = 0; i < items.size(); i++) {
            String ip = path + "/" + i;
            sources.put(ip, items.get(i).location());
            MapNode m = map(items.get(i), itemWhat);
            if (m != null) {
                out.add(new Entry(ip, m, fields(m, keys, itemWhat)));
            }
        }
        return out;
    }
}
