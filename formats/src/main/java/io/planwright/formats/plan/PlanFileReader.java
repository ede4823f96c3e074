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
 * Maps a plan file's tree (YAML or JSON) to the model. Every problem found on the way is collected
 * with its line and column; the mapping goes on past errors so that all of them are reported at once.
 * The element paths it records let model-level problems be located too.
 */
public final class PlanFileReader {

    public static final int FORMAT_VERSION = 1;

    /** The rule for every id of a plan (tasks, resources, risks, ...): what the API checks new entries against too. */
    public static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]*");
    private static final Pattern LINK_TAIL = Pattern.compile("(?i)^(FS|SS|FF|SF)?\\s*(?:([+-])\\s*(.+))?$");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    // the known keys of each section, declared once in PlanKeys (which the published schema is generated from)
    static final Set<String> TOP_KEYS = PlanKeys.TOP.names();
    static final Set<String> BASELINE_KEYS = PlanKeys.BASELINE.names();
    static final Set<String> BASELINE_TASK_KEYS = PlanKeys.BASELINE_TASK.names();
    static final Set<String> PLAN_KEYS = PlanKeys.PLAN.names();
    static final Set<String> CHARTER_KEYS = PlanKeys.CHARTER.names();
    static final Set<String> OBJECTIVE_KEYS = PlanKeys.OBJECTIVE.names();
    static final Set<String> KPI_KEYS = PlanKeys.KPI.names();
    static final Set<String> DELIVERABLE_KEYS = PlanKeys.DELIVERABLE.names();
    static final Set<String> CALENDAR_KEYS = PlanKeys.CALENDAR.names();
    static final Set<String> EXCEPTION_KEYS = PlanKeys.EXCEPTION.names();
    static final Set<String> RESOURCE_KEYS = PlanKeys.RESOURCE.names();
    static final Set<String> TASK_KEYS = PlanKeys.TASK.names();
    static final Set<String> SPLIT_KEYS = PlanKeys.SPLIT.names();
    static final Set<String> LINK_KEYS = PlanKeys.LINK.names();
    static final Set<String> ESTIMATE_KEYS = PlanKeys.ESTIMATE.names();
    /** A cost estimate is a three-point estimate without a distribution of its own. */
    static final Set<String> COST_ESTIMATE_KEYS = PlanKeys.RISK_ESTIMATE.names().stream().filter(k -> !k.equals("distribution"))
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    static final Set<String> ASSIGNMENT_KEYS = PlanKeys.ASSIGNMENT.names();
    static final Set<String> CONSTRAINT_KEYS = PlanKeys.CONSTRAINT.names();
    static final Set<String> RISK_KEYS = PlanKeys.RISK.names();
    static final Set<String> STAKEHOLDER_KEYS = PlanKeys.STAKEHOLDER.names();
    static final Set<String> COMMUNICATION_KEYS = PlanKeys.COMMUNICATION.names();
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    private final String file;
    private final List<LocatedProblem> problems = new ArrayList<>();
    private final SourceMap sources = new SourceMap();
    private WorkTime workTime = WorkTime.STANDARD;
    private final Map<String, Location> taskIds = new HashMap<>();
    /** Tasks the file got wrong: model checks do not pile warnings on top of these. */
    private final Set<String> faultyPaths = new java.util.HashSet<>();
    private String currentTask;

    private PlanFileReader(String file) {
        this.file = file;
    }

    /** The plan (null when the file is not a plan at all), every problem found, and where things stood. */
    public record Result(String file, Plan plan, List<LocatedProblem> problems, SourceMap sources, Set<String> faultyPaths) {

        public Result {
            problems = List.copyOf(problems);
            faultyPaths = Set.copyOf(faultyPaths);
        }

        public Result(String file, Plan plan, List<LocatedProblem> problems, SourceMap sources) {
            this(file, plan, problems, sources, Set.of());
        }

        /** True if the file itself was wrong about the element at this model path (or the task it belongs to). */
        public boolean isFaulty(String path) {
            if (path == null) {
                return false;
            }
            String[] parts = path.split("/");
            return parts.length >= 2 && (faultyPaths.contains(parts[0] + "/" + parts[1]) || faultyPaths.contains(parts[0] + "/*"));
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(LocatedProblem::isError);
        }

        public List<LocatedProblem> errors() {
            return problems.stream().filter(LocatedProblem::isError).toList();
        }
    }

    public static Result map(String file, Node root) {
        PlanFileReader r = new PlanFileReader(file);
        Plan plan = r.plan(root);
        return new Result(file, plan, r.problems, r.sources, r.faultyPaths);
    }

    // ------------------------------------------------------------------ problems

    private void error(Location at, String code, String message) {
        problems.add(new LocatedProblem(file, at, Problem.error(code, null, message)));
        if (currentTask != null) {
            faultyPaths.add("tasks/" + currentTask);
        }
    }

    private void warning(Location at, String code, String message) {
        problems.add(new LocatedProblem(file, at, Problem.warning(code, null, message)));
    }

    // ------------------------------------------------------------------ tree helpers

    /** The node as a mapping, or null after reporting what it is instead. */
    private MapNode map(Node node, String what) {
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
    private List<Node> list(Node node, String what) {
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
    private Map<String, Node> fields(MapNode m, Set<String> allowed, String what) {
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
    private List<Node.Entry> entries(MapNode m, String what) {
        List<Node.Entry> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            Location first = seen.putIfAbsent(key, e.key().location());
            if (first != null) {
                error(e.key().location(), "duplicate-id", "the id '" + key + "' is used twice in " + what + " (first on line " + first.line() + ")");
                continue;
            }
            if (!ID.matcher(key).matches()) {
                error(e.key().location(), "bad-id", "'" + key + "' is not a valid id: use letters, digits, '-', '_' and '.', starting with a letter or digit");
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** A scalar's text, or null for null; reports containers. */
    private String text(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.isNull() ? null : s.text();
        }
        error(node.location(), "wrong-type", what + " should be a single value, not " + node.kind());
        return null;
    }

    private String text(Map<String, Node> f, String key, String path, String what) {
        Node n = f.get(key);
        if (n == null) {
            return null;
        }
        sources.put(path + "/" + key, n.location());
        String t = text(n, what);
        return t == null || t.isEmpty() ? null : t;
    }

    private List<String> texts(Map<String, Node> f, String key, String path, String what) {
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

    private <T> T parse(Map<String, Node> f, String key, String path, String what, Function<String, T> parser, String expected) {
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

    private LocalDateTime dateTime(Map<String, Node> f, String key, String path, String what, boolean finish) {
        return parse(f, key, path, what, t -> dateTime(t, finish), "a date (such as 2026-03-02 or 2026-03-02T08:00)");
    }

    private static final String DURATION_HELP = "a duration (such as 3d, 4h, 2w, 1.5mo, or 3ed for elapsed days)";

    private Duration duration(Map<String, Node> f, String key, String path, String what) {
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

    private <E extends Enum<E>> E word(Map<String, Node> f, String key, String path, String what, Class<E> type) {
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

    private Level level(Map<String, Node> f, String key, String path, String what) {
        return parse(f, key, path, what, PlanFileReader::level, "a level: very-low, low, medium, high, very-high (or 1 to 5)");
    }

    private Boolean bool(Map<String, Node> f, String key, String path, String what) {
        return parse(f, key, path, what, t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        }, "true or false");
    }

    /** {@code 08:00-12:00, 13:00-17:00}, {@code off}, or a list of ranges. */
    private List<TimeRange> hours(Node node, String what) {
        List<String> parts = new ArrayList<>();
        if (node instanceof ListNode l) {
            for (Node item : l.items()) {
                String t = text(item, what);
                if (t != null) {
                    parts.add(t);
                }
            }
        } else {
            String t = text(node, what);
            if (t == null) {
                return List.of();
            }
            for (String p : t.split(",")) {
                parts.add(p);
            }
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

    // ------------------------------------------------------------------ the plan

    private Plan plan(Node root) {
        if (root == null) {
            error(Location.START, "empty", "the file is empty: a plan needs at least a 'plan:' section with a name and a start date");
            return null;
        }
        MapNode top = map(root, "a plan file");
        if (top == null) {
            return null;
        }
        sources.put("", top.location());
        Map<String, Node> f = fields(top, TOP_KEYS, "the plan file");
        if (f.containsKey("planwright")) {
            String v = text(f.get("planwright"), "the format version");
            if (v != null && !v.trim().equals(String.valueOf(FORMAT_VERSION))) {
                error(f.get("planwright").location(), "bad-version", "this file is format version " + v.trim()
                        + "; this Planwright reads version " + FORMAT_VERSION);
            }
        }
        Plan.Builder b = Plan.builder("Untitled plan");
        Node planNode = f.get("plan");
        if (planNode == null) {
            error(top.location(), "missing-plan", "the file has no 'plan:' section (name, start date, calendar)");
            faultyPaths.add("plan/*");
        } else {
            planSection(planNode, b);
        }
        if (f.containsKey("charter")) {
            b.charter(charter(f.get("charter")));
        }
        if (f.containsKey("roles")) {
            b.roles(roles(f.get("roles")));
        }
        b.objectives(section(f, "objectives", "objectives", "objective", OBJECTIVE_KEYS, this::objective));
        b.deliverables(section(f, "deliverables", "deliverables", "deliverable", DELIVERABLE_KEYS, this::deliverable));
        b.calendars(section(f, "calendars", "calendars", "calendar", CALENDAR_KEYS, this::calendar));
        b.resources(section(f, "resources", "resources", "resource", RESOURCE_KEYS, this::resource));
        if (f.containsKey("tasks")) {
            List<Task> tasks = new ArrayList<>();
            sources.put("tasks", f.get("tasks").location());
            MapNode m = map(f.get("tasks"), "'tasks'");
            if (m != null) {
                tasks(m, null, tasks);
            }
            b.tasks(tasks);
        }
        b.risks(section(f, "risks", "risks", "risk", RISK_KEYS, this::risk));
        b.stakeholders(section(f, "stakeholders", "stakeholders", "stakeholder", STAKEHOLDER_KEYS, this::stakeholder));
        b.communications(section(f, "communications", "communications", "communication", COMMUNICATION_KEYS, this::communication));
        b.baselines(section(f, "baselines", "baselines", "baseline", BASELINE_KEYS, this::baseline));
        return b.build();
    }

    /** Reads one item of a section from its fields; {@code path} is its model path, {@code what} how messages name it. */
    private interface ItemReader<T> {
        T read(String id, Map<String, Node> fields, String path, String what);
    }

    /**
     * A section of items keyed by id: each item must be a mapping with known keys.
     *
     * @param noun  how messages name one item ("resource")
     */
    private <T> List<T> section(Map<String, Node> f, String key, String what, String noun, Set<String> keys, ItemReader<T> reader) {
        Node n = f.get(key);
        if (n == null) {
            return List.of();
        }
        sources.put(key, n.location());
        MapNode m = map(n, "'" + key + "'");
        if (m == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node.Entry e : entries(m, what)) {
            String id = e.key().text();
            sources.put(key + "/" + id, e.key().location());
            String itemWhat = noun + " '" + id + "'";
            MapNode item = map(e.value(), itemWhat);
            if (item != null) {
                out.add(reader.read(id, fields(item, keys, itemWhat), key + "/" + id, itemWhat));
            }
        }
        return out;
    }

    private void planSection(Node node, Plan.Builder b) {
        MapNode m = map(node, "'plan'");
        if (m == null) {
            return;
        }
        sources.put("plan", m.location());
        Map<String, Node> f = fields(m, PLAN_KEYS, "'plan'");
        String path = "plan";
        String name = text(f, "name", path, "the plan's name");
        if (name == null) {
            error(m.location(), "missing-name", "the plan needs a name (plan: name)");
        } else {
            b.name(name);
        }
        b.description(text(f, "description", path, "the plan's description"));
        b.start(dateTime(f, "start", path, "the plan's start", false));
        b.finish(dateTime(f, "finish", path, "the plan's finish", true));
        ScheduleFrom from = word(f, "schedule-from", path, "schedule-from", ScheduleFrom.class);
        if (from != null) {
            b.scheduleFrom(from);
        }
        b.statusDate(dateTime(f, "status-date", path, "the status date", true));
        String zone = text(f, "time-zone", path, "the time zone");
        if (zone != null) {
            try {
                b.timeZone(ZoneId.of(zone.trim()));
            } catch (DateTimeException e) {
                error(f.get("time-zone").location(), "bad-value", "'" + zone + "' is not a time zone (such as Europe/Berlin or UTC)");
            }
        }
        String currency = text(f, "currency", path, "the currency");
        if (currency != null) {
            String c = currency.trim().toUpperCase(Locale.ROOT);
            try {
                java.util.Currency.getInstance(c);
                b.currency(c);
            } catch (IllegalArgumentException e) {
                error(f.get("currency").location(), "bad-value", "'" + currency + "' is not an ISO 4217 currency code (such as EUR or USD)");
            }
        }
        b.calendarId(text(f, "calendar", path, "the default calendar"));
        Integer hpd = parse(f, "hours-per-day", path, "hours per day", PlanFileReader::minutesOf, "a number of hours between 0 and 24");
        Integer hpw = parse(f, "hours-per-week", path, "hours per week", PlanFileReader::minutesOf, "a number of hours between 0 and 168");
        BigDecimal dpm = parse(f, "days-per-month", path, "days per month", PlanFileReader::decimal, "a number of days");
        try {
            workTime = new WorkTime(hpd != null ? hpd : WorkTime.STANDARD.minutesPerDay(), hpw != null ? hpw : WorkTime.STANDARD.minutesPerWeek(),
                    dpm != null ? dpm.intValue() : WorkTime.STANDARD.daysPerMonth());
            b.workTime(workTime);
        } catch (IllegalArgumentException e) {
            error(m.location(), "bad-value", e.getMessage());
        }
        Distribution d = word(f, "distribution", path, "the default distribution", Distribution.class);
        b.defaultDistribution(d);
    }

    private static Integer minutesOf(String hours) {
        BigDecimal d = decimal(hours);
        if (d == null || d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(168)) > 0) {
            return null;
        }
        return d.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }

    private Charter charter(Node node) {
        MapNode m = map(node, "'charter'");
        if (m == null) {
            return Charter.EMPTY;
        }
        sources.put("charter", m.location());
        Map<String, Node> f = fields(m, CHARTER_KEYS, "'charter'");
        return new Charter(text(f, "purpose", "charter", "the purpose"), texts(f, "in-scope", "charter", "in-scope"),
                texts(f, "out-of-scope", "charter", "out-of-scope"), texts(f, "assumptions", "charter", "assumptions"),
                texts(f, "constraints", "charter", "constraints"));
    }

    private List<String> roles(Node node) {
        sources.put("roles", node.location());
        List<String> out = new ArrayList<>();
        List<Node> items = list(node, "'roles'");
        for (int i = 0; i < items.size(); i++) {
            String t = text(items.get(i), "a role");
            sources.put("roles/" + i, items.get(i).location());
            if (t == null) {
                continue;
            }
            if (!ID.matcher(t).matches()) {
                error(items.get(i).location(), "bad-id", "'" + t + "' is not a valid role id: use letters, digits, '-', '_' and '.'");
            } else if (out.contains(t)) {
                error(items.get(i).location(), "duplicate-id", "role '" + t + "' is listed twice");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private Objective objective(String id, Map<String, Node> f, String path, String what) {
        List<Kpi> kpis = new ArrayList<>();
        if (f.containsKey("kpis")) {
            MapNode km = map(f.get("kpis"), "the KPIs of objective '" + id + "'");
            if (km != null) {
                for (Node.Entry e : entries(km, "the KPIs of objective '" + id + "'")) {
                    String kp = path + "/kpis/" + e.key().text();
                    sources.put(kp, e.key().location());
                    MapNode k = map(e.value(), "KPI '" + e.key().text() + "'");
                    if (k == null) {
                        continue;
                    }
                    String kpi = "KPI '" + e.key().text() + "'";
                    Map<String, Node> kf = fields(k, KPI_KEYS, kpi);
                    kpis.add(new Kpi(e.key().text(), text(kf, "name", kp, kpi), text(kf, "unit", kp, kpi),
                            number(kf, "baseline", kp, kpi), number(kf, "target", kp, kpi),
                            parse(kf, "target-date", kp, kpi, PlanFileReader::date, "a date (such as 2026-12-31)"),
                            number(kf, "current", kp, kpi)));
                }
            }
        }
        return new Objective(id, text(f, "name", path, "the objective's name"), text(f, "description", path, "the description"), kpis);
    }

    private Double number(Map<String, Node> f, String key, String path, String what) {
        BigDecimal d = parse(f, key, path, what, PlanFileReader::decimal, "a number");
        return d == null ? null : d.doubleValue();
    }

    private Deliverable deliverable(String id, Map<String, Node> f, String path, String what) {
        return new Deliverable(id, text(f, "name", path, what), text(f, "description", path, what), texts(f, "objectives", path, what),
                texts(f, "tasks", path, what), parse(f, "due", path, what, PlanFileReader::date, "a date (such as 2026-12-31)"),
                text(f, "acceptance", path, what), raci(f, path, what));
    }

    private List<RaciEntry> raci(Map<String, Node> f, String path, String what) {
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

    private WorkCalendar calendar(String id, Map<String, Node> f, String path, String what) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        if (f.containsKey("week")) {
            sources.put(path + "/week", f.get("week").location());
            MapNode wm = map(f.get("week"), "the week of " + what);
            if (wm != null) {
                Map<String, Location> seen = new HashMap<>();
                for (Node.Entry e : wm.entries()) {
                    DayOfWeek day = WEEKDAYS.get(e.key().text().toLowerCase(Locale.ROOT));
                    if (day == null) {
                        error(e.key().location(), "unknown-key", "'" + e.key().text() + "' is not a weekday (mon, tue, wed, thu, fri, sat, sun)"
                                + Suggestions.didYouMean(e.key().text(), List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")));
                        continue;
                    }
                    if (seen.putIfAbsent(day.name(), e.key().location()) != null) {
                        error(e.key().location(), "duplicate-key", day.name().toLowerCase(Locale.ROOT) + " appears twice in the week of " + what);
                        continue;
                    }
                    week.put(day, hours(e.value(), what));
                }
            }
        }
        List<CalendarException> exceptions = new ArrayList<>();
        if (f.containsKey("exceptions")) {
            for (Entry entry : entries(f.get("exceptions"), path + "/exceptions", "the exceptions of " + what,
                    "an exception of " + what, EXCEPTION_KEYS)) {
                String ep = entry.path();
                MapNode em = entry.node();
                Map<String, Node> ef = entry.fields();
                LocalDate date = parse(ef, "date", ep, "an exception date", PlanFileReader::date, "a date (such as 2026-12-25)");
                LocalDate from = parse(ef, "from", ep, "an exception start", PlanFileReader::date, "a date (such as 2026-12-24)");
                LocalDate to = parse(ef, "to", ep, "an exception end", PlanFileReader::date, "a date (such as 2026-12-31)");
                if (date != null && (from != null || to != null)) {
                    error(em.location(), "bad-value", "an exception has either a 'date' or 'from' and 'to', not both");
                    continue;
                }
                LocalDate start = date != null ? date : from;
                LocalDate end = date != null ? date : to != null ? to : from;
                if (start == null) {
                    if (!ef.containsKey("date") && !ef.containsKey("from")) {
                        error(em.location(), "missing-value", "an exception of " + what + " needs a 'date' (or 'from' and 'to')");
                    }
                    continue;
                }
                if (end.isBefore(start)) {
                    error(ef.get("to").location(), "bad-value", "the exception ends (" + end + ") before it starts (" + start + ")");
                    continue;
                }
                List<TimeRange> hours = ef.containsKey("hours") ? hours(ef.get("hours"), "an exception of " + what) : List.of();
                exceptions.add(new CalendarException(text(ef, "name", ep, "an exception name"), start, end, hours));
            }
        }
        String base = text(f, "base", path, "the base calendar");
        return new WorkCalendar(id, text(f, "name", path, what), base, week, exceptions);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> m = new HashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            m.put(full, d);
            m.put(full.substring(0, 3), d);
        }
        return m;
    }

    private Resource resource(String id, Map<String, Node> f, String path, String what) {
        Resource.Builder b = Resource.builder(id).name(text(f, "name", path, what));
        ResourceType type = word(f, "type", path, "the type of " + what, ResourceType.class);
        if (type != null) {
            b.type(type);
        }
        Double units = parse(f, "max-units", path, "the max units of " + what, PlanFileReader::fraction, "a share such as 100% or a number such as 3");
        b.maxUnits(units != null ? units : 1.0);
        b.standardRate(parse(f, "rate", path, "the rate of " + what, PlanFileReader::rate, "a rate (such as 95/h, 760/d or 12.5/unit)"));
        b.overtimeRate(parse(f, "overtime-rate", path, "the overtime rate of " + what, PlanFileReader::rate, "a rate (such as 140/h)"));
        b.costPerUse(parse(f, "cost-per-use", path, "the cost per use of " + what, PlanFileReader::decimal, "an amount"));
        b.calendarId(text(f, "calendar", path, what));
        b.materialLabel(text(f, "label", path, what));
        b.email(text(f, "email", path, what));
        b.group(text(f, "group", path, what));
        return b.build();
    }

    // ------------------------------------------------------------------ tasks

    private void tasks(MapNode m, String parentId, List<Task> out) {
        for (Node.Entry e : entries(m, parentId == null ? "tasks" : "the tasks of '" + parentId + "'")) {
            String id = e.key().text();
            Location first = taskIds.putIfAbsent(id, e.key().location());
            if (first != null) {
                error(e.key().location(), "duplicate-id", "the task id '" + id + "' is used twice (first on line " + first.line()
                        + "); task ids must be unique across the whole plan");
                continue;
            }
            sources.put("tasks/" + id, e.key().location());
            task(id, parentId, e.value(), out);
        }
    }

    private void task(String id, String parentId, Node node, List<Task> out) {
        MapNode m = map(node, "task '" + id + "'");
        if (m == null) {
            return;
        }
        String path = "tasks/" + id;
        String what = "task '" + id + "'";
        String outer = currentTask;
        currentTask = id;
        Map<String, Node> f = fields(m, TASK_KEYS, what);
        Task.Builder b = Task.builder(id).parentId(parentId).name(text(f, "name", path, what)).notes(text(f, "notes", path, what));
        Boolean milestone = bool(f, "milestone", path, "the milestone flag of " + what);
        b.milestone(Boolean.TRUE.equals(milestone));
        b.duration(duration(f, "duration", path, "the duration of " + what));
        if (f.containsKey("estimate")) {
            b.estimate(estimate(f.get("estimate"), path + "/estimate", "the estimate of " + what));
        }
        if (f.containsKey("after")) {
            b.links(links(f.get("after"), path, what));
        }
        if (f.containsKey("constraint")) {
            b.constraint(constraint(f.get("constraint"), path, what));
        }
        b.deadline(dateTime(f, "deadline", path, "the deadline of " + what, true));
        b.calendarId(text(f, "calendar", path, what));
        if (f.containsKey("resources")) {
            b.assignments(assignments(f.get("resources"), path, what));
        }
        b.objectiveIds(texts(f, "objectives", path, "the objectives of " + what));
        b.raci(raci(f, path, what));
        b.manual(Boolean.TRUE.equals(bool(f, "manual", path, "the manual flag of " + what)));
        b.start(dateTime(f, "start", path, "the start of " + what, false));
        b.finish(dateTime(f, "finish", path, "the finish of " + what, true));
        Double progress = parse(f, "progress", path, "the progress of " + what, PlanFileReader::percentage, "a percentage such as 40%");
        if (progress != null) {
            b.percentComplete(progress);
        }
        b.actualStart(dateTime(f, "actual-start", path, "the actual start of " + what, false));
        b.actualFinish(dateTime(f, "actual-finish", path, "the actual finish of " + what, true));
        BigDecimal priority = parse(f, "priority", path, "the priority of " + what, PlanFileReader::decimal, "a number from 0 to 1000");
        if (priority != null) {
            if (priority.scale() > 0 && priority.stripTrailingZeros().scale() > 0 || priority.intValue() < 0 || priority.intValue() > 1000) {
                error(f.get("priority").location(), "bad-value", "priority " + priority + " of " + what + " must be a whole number from 0 to 1000");
            } else {
                b.priority(priority.intValue());
            }
        }
        b.fixedCost(parse(f, "fixed-cost", path, "the fixed cost of " + what, PlanFileReader::decimal, "an amount"));
        b.type(word(f, "type", path, "the type of " + what, io.planwright.core.model.TaskType.class));
        if (f.containsKey("splits")) {
            b.splits(splits(f.get("splits"), path, what));
        }
        if (f.containsKey("fields")) {
            MapNode fm = map(f.get("fields"), "the custom fields of " + what);
            if (fm != null) {
                Map<String, String> custom = new TreeMap<>();
                for (Node.Entry e : fm.entries()) {
                    String v = text(e.value(), "custom field '" + e.key().text() + "'");
                    if (v != null) {
                        custom.put(e.key().text(), v);
                    }
                }
                b.fields(custom);
            }
        }
        out.add(b.build());
        if (f.containsKey("tasks")) {
            sources.put(path + "/tasks", f.get("tasks").location());
            MapNode children = map(f.get("tasks"), "the tasks of '" + id + "'");
            if (children != null) {
                if (children.entries().isEmpty()) {
                    warning(children.location(), "empty-phase", "'" + id + "' has an empty 'tasks:' list");
                }
                tasks(children, id, out);
            }
        }
        currentTask = outer;
    }

    /** One map in a list of maps: where it is, and its checked fields. */
    private record Entry(String path, MapNode node, Map<String, Node> fields) {
    }

    /** The maps of a list, each with its source location recorded; items that are not maps are reported. */
    private List<Entry> entries(Node list, String path, String listWhat, String itemWhat, Set<String> keys) {
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

    private List<io.planwright.core.model.Split> splits(Node node, String path, String what) {
        sources.put(path + "/splits", node.location());
        List<io.planwright.core.model.Split> out = new ArrayList<>();
        for (Entry entry : entries(node, path + "/splits", "the splits of " + what, "a split of " + what, SPLIT_KEYS)) {
            String sp = entry.path();
            MapNode m = entry.node();
            Map<String, Node> f = entry.fields();
            Duration after = duration(f, "after", sp, "how much work of " + what + " is done before the pause");
            Duration pause = duration(f, "pause", sp, "the pause of " + what);
            if (after == null || pause == null) {
                if (!f.containsKey("after") || !f.containsKey("pause")) {
                    error(m.location(), "missing-value", "a split of " + what + " needs 'after' (work done before the pause) and 'pause'");
                }
                continue;
            }
            out.add(new io.planwright.core.model.Split(after, pause));
        }
        return out;
    }

    private List<Link> links(Node node, String path, String what) {
        sources.put(path + "/after", node.location());
        List<Link> out = new ArrayList<>();
        List<Node> items = list(node, "the predecessors of " + what);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            sources.put(path + "/after/" + i, item.location());
            Link link;
            if (item instanceof MapNode lm) {
                Map<String, Node> f = fields(lm, LINK_KEYS, "a link of " + what);
                String lp = path + "/after/" + i;
                String task = text(f, "task", lp, "the predecessor");
                if (task == null) {
                    error(lm.location(), "missing-value", "a link of " + what + " needs 'task:' (the predecessor)");
                    continue;
                }
                LinkType type = word(f, "type", lp, "the link type", LinkType.class);
                Duration lag = duration(f, "lag", lp, "the lag");
                link = new Link(task.trim(), type, lag);
            } else {
                String spec = text(item, "a predecessor of " + what);
                if (spec == null) {
                    continue;
                }
                link = linkSpec(spec);
                if (link == null) {
                    error(item.location(), "bad-link", "'" + spec + "' is not a predecessor; write it as 'design', 'design SS', "
                            + "'design FS+2d', 'design FF-1d' or 'design SS+50%'");
                    continue;
                }
            }
            out.add(link);
        }
        return out;
    }

    /** {@code design}, {@code design SS}, {@code design SS+2d}, {@code design +2d}, {@code design+2d}, {@code design FS-20%}. */
    public static Link linkSpec(String spec) {
        String s = spec.trim();
        if (s.isEmpty()) {
            return null;
        }
        String id;
        String tail;
        int space = indexOfWhitespace(s);
        if (space >= 0) {
            id = s.substring(0, space);
            tail = s.substring(space).trim();
        } else {
            int plus = s.indexOf('+');
            id = plus > 0 ? s.substring(0, plus) : s;
            tail = plus > 0 ? s.substring(plus) : "";
        }
        if (!ID.matcher(id).matches()) {
            return null;
        }
        Matcher m = LINK_TAIL.matcher(tail);
        if (!m.matches()) {
            return null;
        }
        LinkType type = m.group(1) == null ? LinkType.FS : LinkType.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        Duration lag = Duration.ZERO;
        if (m.group(2) != null) {
            Optional<Duration> d = Duration.parse(m.group(3));
            if (d.isEmpty() || d.get().isNegative()) {
                return null;
            }
            lag = m.group(2).equals("-") ? d.get().negate() : d.get();
        }
        return new Link(id, type, lag);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private Constraint constraint(Node node, String path, String what) {
        sources.put(path + "/constraint", node.location());
        String typeText;
        String dateText;
        if (node instanceof MapNode cm) {
            Map<String, Node> f = fields(cm, CONSTRAINT_KEYS, "the constraint of " + what);
            typeText = text(f, "type", path + "/constraint", "the constraint type");
            dateText = text(f, "date", path + "/constraint", "the constraint date");
            if (typeText == null) {
                error(cm.location(), "missing-value", "the constraint of " + what + " needs a 'type' (SNET, FNLT, MSO, ...)");
                return null;
            }
        } else {
            String t = text(node, "the constraint of " + what);
            if (t == null) {
                return null;
            }
            String[] parts = t.trim().split("\\s+", 2);
            typeText = parts[0];
            dateText = parts.length > 1 ? parts[1] : null;
        }
        ConstraintType type = constraintType(typeText);
        if (type == null) {
            error(node.location(), "bad-value", "'" + typeText + "' is not a constraint; use ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO or MFO");
            return null;
        }
        if (!type.needsDate()) {
            if (dateText != null) {
                error(node.location(), "bad-value", type + " (" + type.describe() + ") takes no date");
            }
            return type == ConstraintType.ASAP ? Constraint.ASAP : Constraint.ALAP;
        }
        if (dateText == null) {
            error(node.location(), "missing-value", type + " (" + type.describe() + ") needs a date, such as '" + type + " 2026-04-01'");
            return null;
        }
        LocalDateTime date = dateTime(dateText, !type.constrainsStart());
        if (date == null) {
            error(node.location(), "bad-value", "'" + dateText + "' is not a date (such as 2026-03-02 or 2026-03-02T08:00) in the constraint of " + what);
            return null;
        }
        return Constraint.of(type, date);
    }

    static ConstraintType constraintType(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (ConstraintType c : ConstraintType.values()) {
            if (c.name().equals(t) || c.describe().toUpperCase(Locale.ROOT).replace(' ', '-').equals(t)) {
                return c;
            }
        }
        return null;
    }

    private Estimate estimate(Node node, String path, String what) {
        sources.put(path, node.location());
        List<String> parts = new ArrayList<>();
        Distribution dist = null;
        if (node instanceof MapNode em) {
            Map<String, Node> f = fields(em, ESTIMATE_KEYS, what);
            for (String k : List.of("optimistic", "likely", "pessimistic")) {
                String t = text(f, k, path, what);
                if (t == null) {
                    error(em.location(), "missing-value", what + " needs optimistic, likely and pessimistic durations");
                    return null;
                }
                parts.add(t);
            }
            dist = word(f, "distribution", path, "the distribution of " + what, Distribution.class);
        } else if (node instanceof ListNode ln) {
            for (Node item : ln.items()) {
                String t = text(item, what);
                if (t != null) {
                    parts.add(t);
                }
            }
        } else {
            String t = text(node, what);
            if (t == null) {
                return null;
            }
            for (String p : t.split("/")) {
                parts.add(p);
            }
        }
        if (parts.size() != 3) {
            error(node.location(), "bad-estimate", what + " needs three durations: optimistic / most likely / pessimistic, such as '3d / 5d / 9d'");
            return null;
        }
        Duration[] d = new Duration[3];
        for (int i = 0; i < 3; i++) {
            Optional<Duration> p = Duration.parse(parts.get(i));
            if (p.isEmpty()) {
                error(node.location(), "bad-value", "'" + parts.get(i).trim() + "' is not " + DURATION_HELP + " (" + what + ")");
                return null;
            }
            d[i] = p.get();
        }
        return new Estimate(d[0], d[1], d[2], dist);
    }

    private CostEstimate costEstimate(Node node, String path, String what) {
        sources.put(path, node.location());
        List<String> parts = new ArrayList<>();
        if (node instanceof MapNode cm) {
            Map<String, Node> f = fields(cm, COST_ESTIMATE_KEYS, what);
            for (String k : List.of("optimistic", "likely", "pessimistic")) {
                String t = text(f, k, path, what);
                if (t == null) {
                    error(cm.location(), "missing-value", what + " needs optimistic, likely and pessimistic amounts");
                    return null;
                }
                parts.add(t);
            }
        } else {
            String t = text(node, what);
            if (t == null) {
                return null;
            }
            for (String p : t.split("/")) {
                parts.add(p);
            }
        }
        if (parts.size() != 1 && parts.size() != 3) {
            error(node.location(), "bad-estimate", what + " is one amount or three: optimistic / most likely / pessimistic");
            return null;
        }
        BigDecimal[] v = new BigDecimal[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            v[i] = decimal(parts.get(i));
            if (v[i] == null) {
                error(node.location(), "bad-value", "'" + parts.get(i).trim() + "' is not an amount (" + what + ")");
                return null;
            }
        }
        return v.length == 1 ? CostEstimate.exactly(v[0]) : new CostEstimate(v[0], v[1], v[2]);
    }

    private List<Assignment> assignments(Node node, String path, String what) {
        sources.put(path + "/resources", node.location());
        List<Assignment> out = new ArrayList<>();
        if (node instanceof MapNode am) {
            for (Node.Entry e : entries(am, "the resources of " + what)) {
                String rid = e.key().text();
                String ap = path + "/resources/" + rid;
                sources.put(ap, e.key().location());
                if (e.value() instanceof MapNode vm) {
                    Map<String, Node> f = fields(vm, ASSIGNMENT_KEYS, "the assignment of '" + rid + "' to " + what);
                    Double units = parse(f, "units", ap, "the units of '" + rid + "'", PlanFileReader::fraction, "a share such as 50% or a quantity");
                    Duration work = duration(f, "work", ap, "the work of '" + rid + "'");
                    out.add(new Assignment(rid, units == null ? 1.0 : units, work));
                } else {
                    String t = text(e.value(), "the units of '" + rid + "'");
                    Double units = t == null ? Double.valueOf(1.0) : fraction(t);
                    if (units == null) {
                        error(e.value().location(), "bad-value", "'" + t + "' is not units (such as 50%) or a quantity (the assignment of '"
                                + rid + "' to " + what + ")");
                        continue;
                    }
                    out.add(Assignment.of(rid, units));
                }
            }
        } else {
            List<Node> items = list(node, "the resources of " + what);
            for (Node item : items) {
                String rid = text(item, "a resource of " + what);
                if (rid != null) {
                    sources.put(path + "/resources/" + rid, item.location());
                    out.add(Assignment.of(rid.trim(), 1.0));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ register

    private Risk risk(String id, Map<String, Node> f, String path, String what) {
        Risk.Builder b = Risk.builder(id).title(text(f, "title", path, what)).description(text(f, "description", path, what))
                .cause(text(f, "cause", path, what)).effect(text(f, "effect", path, what)).category(text(f, "category", path, what));
        Double p = parse(f, "probability", path, "the probability of " + what, PlanFileReader::fraction, "a probability such as 30% or 0.3");
        b.probability(p == null ? 0 : p);
        b.impact(level(f, "impact", path, "the impact of " + what));
        if (f.containsKey("schedule-impact")) {
            Node si = f.get("schedule-impact");
            Estimate e;
            if (si instanceof ScalarNode s && !s.isNull() && !s.text().contains("/")) {
                Optional<Duration> d = Duration.parse(s.text());
                if (d.isEmpty()) {
                    error(si.location(), "bad-value", "'" + s.text() + "' is not " + DURATION_HELP + " (the schedule impact of " + what + ")");
                    e = null;
                } else {
                    e = Estimate.of(d.get(), d.get(), d.get());
                }
                sources.put(path + "/schedule-impact", si.location());
            } else {
                e = estimate(si, path + "/schedule-impact", "the schedule impact of " + what);
            }
            b.scheduleImpact(e);
        }
        if (f.containsKey("cost-impact")) {
            b.costImpact(costEstimate(f.get("cost-impact"), path + "/cost-impact", "the cost impact of " + what));
        }
        b.owner(text(f, "owner", path, what));
        b.response(word(f, "response", path, "the response of " + what, RiskResponse.class));
        b.mitigation(text(f, "mitigation", path, what)).contingency(text(f, "contingency", path, what)).trigger(text(f, "trigger", path, what));
        RiskStatus status = word(f, "status", path, "the status of " + what, RiskStatus.class);
        if (status != null) {
            b.status(status);
        }
        b.taskIds(texts(f, "tasks", path, "the tasks of " + what));
        return b.build();
    }

    private Stakeholder stakeholder(String id, Map<String, Node> f, String path, String what) {
        if (f.containsKey("organisation") && f.containsKey("organization")) {
            error(f.get("organization").location(), "duplicate-key", "write 'organisation' or 'organization', not both");
        }
        String org = text(f, "organisation", path, what);
        if (org == null) {
            org = text(f, "organization", path, what);
        }
        return new Stakeholder(id, text(f, "name", path, what), org, text(f, "role", path, what), level(f, "influence", path, "the influence of " + what),
                level(f, "interest", path, "the interest of " + what), word(f, "engagement", path, "the engagement of " + what, Engagement.class),
                word(f, "desired-engagement", path, "the desired engagement of " + what, Engagement.class), text(f, "contact", path, what),
                text(f, "notes", path, what));
    }

    private Baseline baseline(String id, Map<String, Node> f, String path, String what) {
        List<BaselineTask> tasks = new ArrayList<>();
        if (f.containsKey("tasks")) {
            MapNode tm = map(f.get("tasks"), "the tasks of " + what);
            if (tm != null) {
                for (Node.Entry e : entries(tm, "the tasks of " + what)) {
                    String tid = e.key().text();
                    String tp = path + "/tasks/" + tid;
                    sources.put(tp, e.key().location());
                    String tw = "task '" + tid + "' in " + what;
                    MapNode one = map(e.value(), tw);
                    if (one == null) {
                        continue;
                    }
                    Map<String, Node> tf = fields(one, BASELINE_TASK_KEYS, tw);
                    tasks.add(new BaselineTask(tid, dateTime(tf, "start", tp, "the baseline start of " + tw, false),
                            dateTime(tf, "finish", tp, "the baseline finish of " + tw, true), duration(tf, "duration", tp, "the baseline duration of " + tw),
                            duration(tf, "work", tp, "the baseline work of " + tw),
                            parse(tf, "cost", tp, "the baseline cost of " + tw, PlanFileReader::decimal, "an amount")));
                }
            }
        }
        return new Baseline(id, text(f, "name", path, what), dateTime(f, "saved", path, "when " + what + " was saved", false), tasks);
    }

    private CommunicationItem communication(String id, Map<String, Node> f, String path, String what) {
        return new CommunicationItem(id, text(f, "name", path, what), text(f, "purpose", path, what), texts(f, "audience", path, what),
                text(f, "channel", path, what), word(f, "frequency", path, "the frequency of " + what, Frequency.class),
                text(f, "owner", path, what), text(f, "content", path, what));
    }
}
