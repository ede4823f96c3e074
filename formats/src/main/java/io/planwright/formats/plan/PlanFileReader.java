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
import io.planwright.core.model.KpiMeasurement;
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
 * Maps a plan file's tree (YAML or JSON) to the model. Every problem found on the way is collected
 * with its line and column; the mapping goes on past errors so that all of them are reported at once.
 * The element paths it records let model-level problems be located too.
 */
public final class PlanFileReader extends PlanTaskReader {

    public static final int FORMAT_VERSION = 1;

    /** The rule for every id of a plan (tasks, resources, risks, ...): what the API checks new entries against too. */
    public static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]*");

    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();


    private PlanFileReader(String file) {
        super(file);
    }

    public static ReadResult map(String file, Node root) {
        PlanFileReader r = new PlanFileReader(file);
        Plan plan = r.plan(root);
        return new ReadResult(file, plan, r.problems, r.sources, r.faultyPaths);
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
        b.rescheduleRemaining(Boolean.TRUE.equals(bool(f, "reschedule-remaining", path, "the reschedule-remaining option")));
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
                            number(kf, "current", kp, kpi), kf.containsKey("measurements") ? measurements(kf.get("measurements"), kp, kpi) : List.of()));
                }
            }
        }
        return new Objective(id, text(f, "name", path, "the objective's name"), text(f, "description", path, "the description"), kpis);
    }

    /** A KPI's measurements: each a date and a value, with an optional note; one per date. */
    private List<KpiMeasurement> measurements(Node node, String path, String kpi) {
        sources.put(path + "/measurements", node.location());
        List<KpiMeasurement> out = new ArrayList<>();
        java.util.Set<LocalDate> seen = new java.util.HashSet<>();
        for (Entry entry : entries(node, path + "/measurements", "the measurements of " + kpi, "a measurement of " + kpi, MEASUREMENT_KEYS)) {
            Map<String, Node> f = entry.fields();
            String what = "a measurement of " + kpi;
            LocalDate date = parse(f, "date", entry.path(), what, PlanFileReader::date, "a date (such as 2026-12-31)");
            Double value = number(f, "value", entry.path(), what);
            if (date == null || value == null) {
                if (!f.containsKey("date") || !f.containsKey("value")) {
                    error(entry.node().location(), "missing-value", what + " needs 'date' and 'value'");
                }
                continue;
            }
            if (!seen.add(date)) {
                error(f.get("date").location(), "duplicate-date", kpi + " is measured twice on " + date + ": keep one value per date");
                continue;
            }
            out.add(new KpiMeasurement(date, value, text(f, "note", entry.path(), what)));
        }
        return out;
    }

    private Deliverable deliverable(String id, Map<String, Node> f, String path, String what) {
        return new Deliverable(id, text(f, "name", path, what), text(f, "description", path, what), texts(f, "objectives", path, what),
                texts(f, "tasks", path, what), parse(f, "due", path, what, PlanFileReader::date, "a date (such as 2026-12-31)"),
                text(f, "acceptance", path, what), raci(f, path, what), approval(f, path, what));
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
        for (String day : PlanKeys.WEEK.names()) {
            m.put(day, Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(day)).findFirst().orElseThrow());
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
                text(f, "owner", path, what), text(f, "content", path, what), text(f, "schedule", path, what), text(f, "webhook", path, what),
                texts(f, "sections", path, what), texts(f, "questions", path, "the questions of " + what));
    }
}
