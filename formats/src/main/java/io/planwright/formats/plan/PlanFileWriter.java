package io.planwright.formats.plan;

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
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Level;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.Rate;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.WorkTime;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import io.planwright.core.calendar.Moments;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a plan into the plan file's tree: a fixed order of sections and fields, the model's order of
 * items, phases nesting their tasks, and nothing that merely repeats a default. The same plan always
 * gives the same text.
 */
public final class PlanFileWriter {

    private final Plan plan;
    private final Map<String, List<Task>> children = new HashMap<>();

    private PlanFileWriter(Plan plan) {
        this.plan = plan;
        for (Task t : plan.tasks()) {
            children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
        }
    }

    public static MapNode tree(Plan plan) {
        return new PlanFileWriter(plan).root();
    }

    private MapNode root() {
        MapNode.Builder b = MapNode.builder();
        b.put("planwright", ScalarNode.number(Integer.toString(PlanFileReader.FORMAT_VERSION)));
        b.put("plan", planSection());
        Charter c = plan.charter();
        if (!c.isEmpty()) {
            MapNode.Builder cb = MapNode.builder();
            cb.put("purpose", c.purpose());
            cb.put("in-scope", strings(c.inScope(), false));
            cb.put("out-of-scope", strings(c.outOfScope(), false));
            cb.put("assumptions", strings(c.assumptions(), false));
            cb.put("constraints", strings(c.constraints(), false));
            b.put("charter", cb.build());
        }
        b.put("roles", strings(plan.roles(), true));
        b.put("objectives", section(plan.objectives(), Objective::id, this::objective));
        b.put("deliverables", section(plan.deliverables(), Deliverable::id, this::deliverable));
        b.put("calendars", section(plan.calendars(), WorkCalendar::id, this::calendar));
        b.put("resources", section(plan.resources(), Resource::id, this::resource));
        b.put("tasks", taskMap(plan.tasks().isEmpty() ? List.of() : topLevelTasks()));
        b.put("risks", section(plan.risks(), Risk::id, this::risk));
        b.put("stakeholders", section(plan.stakeholders(), Stakeholder::id, this::stakeholder));
        b.put("communications", section(plan.communications(), CommunicationItem::id, this::communication));
        b.put("baselines", section(plan.baselines(), Baseline::id, this::baseline));
        return b.build();
    }

    /** Tasks whose parent is absent or unknown sit at the top, so that nothing is lost. */
    private List<Task> topLevelTasks() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        plan.tasks().forEach(t -> ids.add(t.id()));
        List<Task> top = new ArrayList<>();
        for (Task t : plan.tasks()) {
            if (t.parentId() == null || !ids.contains(t.parentId()) || t.parentId().equals(t.id())) {
                top.add(t);
            }
        }
        return top;
    }

    private interface Item<T> {
        MapNode write(T item);
    }

    private static <T> MapNode section(List<T> items, java.util.function.Function<T, String> id, Item<T> writer) {
        if (items.isEmpty()) {
            return null;
        }
        MapNode.Builder b = MapNode.builder();
        for (T item : items) {
            b.put(id.apply(item), writer.write(item));
        }
        return b.build();
    }

    private MapNode planSection() {
        MapNode.Builder b = MapNode.builder();
        b.put("name", plan.name());
        b.put("description", plan.description());
        b.put("start", date(plan.start(), false));
        b.put("finish", date(plan.finish(), true));
        if (plan.scheduleFrom() == ScheduleFrom.FINISH) {
            b.put("schedule-from", ScalarNode.plain("finish"));
        }
        b.put("status-date", date(plan.statusDate(), true));
        if (plan.rescheduleRemaining()) {
            b.put("reschedule-remaining", ScalarNode.bool(true));
        }
        if (plan.timeZone() != null) {
            b.put("time-zone", ScalarNode.plain(plan.timeZone().getId()));
        }
        if (plan.currency() != null) {
            b.put("currency", ScalarNode.plain(plan.currency()));
        }
        b.put("calendar", plan.calendarId());
        WorkTime wt = plan.workTime();
        if (wt.minutesPerDay() != WorkTime.STANDARD.minutesPerDay()) {
            b.put("hours-per-day", ScalarNode.number(decimal(BigDecimal.valueOf(wt.minutesPerDay()).divide(BigDecimal.valueOf(60), 10, java.math.RoundingMode.HALF_UP))));
        }
        if (wt.minutesPerWeek() != WorkTime.STANDARD.minutesPerWeek()) {
            b.put("hours-per-week", ScalarNode.number(decimal(BigDecimal.valueOf(wt.minutesPerWeek()).divide(BigDecimal.valueOf(60), 10, java.math.RoundingMode.HALF_UP))));
        }
        if (wt.daysPerMonth() != WorkTime.STANDARD.daysPerMonth()) {
            b.put("days-per-month", ScalarNode.number(Integer.toString(wt.daysPerMonth())));
        }
        if (plan.defaultDistribution() != null) {
            b.put("distribution", word(plan.defaultDistribution()));
        }
        return b.build();
    }

    private MapNode objective(Objective o) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", o.name().equals(o.id()) ? null : o.name());
        b.put("description", o.description());
        if (!o.kpis().isEmpty()) {
            MapNode.Builder kb = MapNode.builder();
            for (Kpi k : o.kpis()) {
                MapNode.Builder one = k.measurements().isEmpty() ? MapNode.builder().flow() : MapNode.builder();
                one.put("name", k.name().equals(k.id()) ? null : k.name());
                one.put("unit", k.unit());
                one.put("baseline", number(k.baseline()));
                one.put("target", number(k.target()));
                one.put("target-date", k.targetDate() == null ? null : ScalarNode.plain(k.targetDate().toString()));
                one.put("current", number(k.current()));
                if (!k.measurements().isEmpty()) {
                    List<Node> items = new ArrayList<>();
                    for (io.planwright.core.model.KpiMeasurement m : k.measurements()) {
                        MapNode.Builder mb = MapNode.builder().flow().put("date", ScalarNode.plain(m.date().toString()))
                                .put("value", number(m.value()));
                        mb.put("note", m.note());
                        items.add(mb.build());
                    }
                    one.put("measurements", ListNode.of(items));
                }
                kb.put(k.id(), one.build());
            }
            b.put("kpis", kb.build());
        }
        return b.build();
    }

    private MapNode deliverable(Deliverable d) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", d.name().equals(d.id()) ? null : d.name());
        b.put("description", d.description());
        b.put("objectives", strings(d.objectiveIds(), true));
        b.put("tasks", strings(d.taskIds(), true));
        b.put("due", d.due() == null ? null : ScalarNode.plain(d.due().toString()));
        b.put("acceptance", d.acceptance());
        approval(b, d.approval());
        b.put("raci", raci(d.raci()));
        return b.build();
    }

    private MapNode calendar(WorkCalendar c) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", c.name() == null || c.name().equals(c.id()) ? null : c.name());
        b.put("base", c.baseId());
        if (!c.week().isEmpty()) {
            MapNode.Builder wb = MapNode.builder();
            for (DayOfWeek d : DayOfWeek.values()) {
                if (c.week().containsKey(d)) {
                    wb.put(d.name().substring(0, 3).toLowerCase(Locale.ROOT), ScalarNode.plain(hours(c.week().get(d))));
                }
            }
            b.put("week", wb.build());
        }
        if (!c.exceptions().isEmpty()) {
            List<Node> items = new ArrayList<>();
            for (CalendarException e : c.exceptions()) {
                MapNode.Builder eb = MapNode.builder().flow();
                if (e.from().equals(e.to())) {
                    eb.put("date", ScalarNode.plain(e.from().toString()));
                } else {
                    eb.put("from", ScalarNode.plain(e.from().toString()));
                    eb.put("to", ScalarNode.plain(e.to().toString()));
                }
                eb.put("name", e.name());
                if (e.isWorking()) {
                    eb.put("hours", ScalarNode.plain(hours(e.hours())));
                }
                items.add(eb.build());
            }
            b.put("exceptions", ListNode.of(items));
        }
        return b.build();
    }

    static String hours(List<TimeRange> ranges) {
        if (ranges.isEmpty()) {
            return "off";
        }
        StringBuilder s = new StringBuilder();
        for (TimeRange r : ranges) {
            s.append(s.length() == 0 ? "" : ", ").append(TimeRange.clock(r.from())).append('-').append(TimeRange.clock(r.to()));
        }
        return s.toString();
    }

    private MapNode resource(Resource r) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", r.name().equals(r.id()) ? null : r.name());
        if (r.type() != ResourceType.WORK) {
            b.put("type", word(r.type()));
        }
        if (r.maxUnits() != 1.0) {
            b.put("max-units", ScalarNode.plain(percent(r.maxUnits())));
        }
        b.put("rate", rate(r.standardRate()));
        b.put("overtime-rate", rate(r.overtimeRate()));
        b.put("cost-per-use", r.costPerUse() == null ? null : ScalarNode.number(decimal(r.costPerUse())));
        b.put("calendar", r.calendarId());
        b.put("label", r.materialLabel());
        b.put("email", r.email());
        b.put("group", r.group());
        return b.build();
    }

    private MapNode taskMap(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return null;
        }
        MapNode.Builder b = MapNode.builder();
        for (Task t : tasks) {
            b.put(t.id(), task(t));
        }
        return b.build();
    }

    private MapNode task(Task t) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", t.name().equals(t.id()) ? null : t.name());
        b.put("notes", t.notes());
        if (t.milestone()) {
            b.put("milestone", ScalarNode.bool(true));
        }
        if (t.duration() != null) {
            b.put("duration", ScalarNode.plain(t.duration().toString()));
        }
        if (t.estimate() != null) {
            b.put("estimate", estimate(t.estimate()));
        }
        if (!t.links().isEmpty()) {
            List<Node> items = new ArrayList<>();
            for (Link l : t.links()) {
                items.add(ScalarNode.plain(linkSpec(l)));
            }
            b.put("after", ListNode.flowOf(items));
        }
        b.put("constraint", constraint(t.constraint()));
        b.put("deadline", date(t.deadline(), true));
        b.put("calendar", t.calendarId());
        if (!t.assignments().isEmpty()) {
            MapNode.Builder ab = MapNode.builder().flow();
            for (Assignment a : t.assignments()) {
                ScalarNode units = units(a);
                if (a.work() != null || a.hasProgress()) {
                    MapNode.Builder one = MapNode.builder().flow().put("units", units);
                    one.put("work", a.work() == null ? null : ScalarNode.plain(a.work().toString()));
                    one.put("actual-work", a.actualWork() == null ? null : ScalarNode.plain(a.actualWork().toString()));
                    one.put("remaining-work", a.remainingWork() == null ? null : ScalarNode.plain(a.remainingWork().toString()));
                    one.put("actual-cost", a.actualCost() == null ? null : ScalarNode.number(a.actualCost().toPlainString()));
                    ab.put(a.resourceId(), one.build());
                } else {
                    ab.put(a.resourceId(), units);
                }
            }
            b.put("resources", ab.build());
        }
        b.put("objectives", strings(t.objectiveIds(), true));
        b.put("raci", raci(t.raci()));
        approval(b, t.approval());
        if (t.manual()) {
            b.put("manual", ScalarNode.bool(true));
        }
        b.put("start", date(t.start(), false));
        b.put("finish", date(t.finish(), true));
        if (t.percentComplete() != 0) {
            b.put("progress", ScalarNode.plain(decimal(BigDecimal.valueOf(t.percentComplete())) + "%"));
        }
        b.put("actual-start", date(t.actualStart(), false));
        b.put("actual-finish", date(t.actualFinish(), true));
        if (t.physicalPercentComplete() != null) {
            b.put("physical-progress", ScalarNode.plain(decimal(BigDecimal.valueOf(t.physicalPercentComplete())) + "%"));
        }
        b.put("remaining", t.remainingDuration() == null ? null : ScalarNode.plain(t.remainingDuration().toString()));
        if (t.earnedValueMethod() == io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE) {
            b.put("earned-by", ScalarNode.plain("physical-progress"));
        }
        if (t.priority() != Task.DEFAULT_PRIORITY) {
            b.put("priority", ScalarNode.number(Integer.toString(t.priority())));
        }
        b.put("fixed-cost", t.fixedCost() == null ? null : ScalarNode.number(decimal(t.fixedCost())));
        if (t.type() != io.planwright.core.model.TaskType.FIXED_UNITS) {
            b.put("type", word(t.type()));
        }
        if (!t.splits().isEmpty()) {
            List<Node> items = new ArrayList<>();
            for (io.planwright.core.model.Split sp : t.splits()) {
                items.add(MapNode.builder().flow().put("after", ScalarNode.plain(sp.after().toString()))
                        .put("pause", ScalarNode.plain(sp.pause().toString())).build());
            }
            b.put("splits", ListNode.of(items));
        }
        if (!t.fields().isEmpty()) {
            MapNode.Builder fb = MapNode.builder();
            t.fields().forEach(fb::put);
            b.put("fields", fb.build());
        }
        b.put("tasks", taskMap(children.getOrDefault(t.id(), List.of()).stream().filter(c -> !c.id().equals(t.id())).toList()));
        return b.build();
    }

    /** Work resources by share ({@code 50%}); materials by quantity and cost resources by amount, as numbers. */
    private ScalarNode units(Assignment a) {
        Resource r = plan.resources().stream().filter(x -> x.id().equals(a.resourceId())).findFirst().orElse(null);
        if (r != null && r.type() != ResourceType.WORK) {
            return ScalarNode.number(decimal(BigDecimal.valueOf(a.units())));
        }
        return ScalarNode.plain(percent(a.units()));
    }

    /** The canonical predecessor text: {@code design}, {@code design SS}, {@code design FS+2d}, {@code design FF-1d}. */
    public static String linkSpec(Link l) {
        if (l.type() == LinkType.FS && l.lag().isZero()) {
            return l.predecessorId();
        }
        StringBuilder s = new StringBuilder(l.predecessorId()).append(' ').append(l.type().name());
        if (!l.lag().isZero()) {
            s.append(l.lag().isNegative() ? "-" : "+").append(l.lag().isNegative() ? l.lag().negate() : l.lag());
        }
        return s.toString();
    }

    private static Node constraint(Constraint c) {
        if (c == null) {
            return null;
        }
        if (!c.type().needsDate()) {
            return ScalarNode.plain(c.type().name());
        }
        return ScalarNode.plain(c.type().name() + " " + dateText(c.date(), !c.type().constrainsStart()));
    }

    private static Node estimate(Estimate e) {
        String text = e.optimistic() + " / " + e.mostLikely() + " / " + e.pessimistic();
        if (e.distribution() == null) {
            return ScalarNode.plain(text);
        }
        return MapNode.builder().flow().put("optimistic", ScalarNode.plain(e.optimistic().toString()))
                .put("likely", ScalarNode.plain(e.mostLikely().toString()))
                .put("pessimistic", ScalarNode.plain(e.pessimistic().toString()))
                .put("distribution", word(e.distribution())).build();
    }

    private MapNode risk(Risk r) {
        MapNode.Builder b = MapNode.builder();
        b.put("title", r.title().equals(r.id()) ? null : r.title());
        b.put("description", r.description());
        b.put("cause", r.cause());
        b.put("effect", r.effect());
        b.put("category", r.category());
        b.put("probability", ScalarNode.plain(percent(r.probability())));
        b.put("impact", level(r.impact()));
        if (r.scheduleImpact() != null) {
            Estimate e = r.scheduleImpact();
            boolean single = e.distribution() == null && e.optimistic().equals(e.mostLikely()) && e.mostLikely().equals(e.pessimistic());
            b.put("schedule-impact", single ? ScalarNode.plain(e.mostLikely().toString()) : estimate(e));
        }
        if (r.costImpact() != null) {
            CostEstimate c = r.costImpact();
            b.put("cost-impact", c.isSingleValue() ? ScalarNode.number(decimal(c.mostLikely()))
                    : ScalarNode.plain(decimal(c.optimistic()) + " / " + decimal(c.mostLikely()) + " / " + decimal(c.pessimistic())));
        }
        b.put("owner", r.owner());
        b.put("response", r.response() == null ? null : word(r.response()));
        b.put("mitigation", r.mitigation());
        b.put("contingency", r.contingency());
        b.put("trigger", r.trigger());
        if (r.status() != RiskStatus.OPEN) {
            b.put("status", word(r.status()));
        }
        b.put("tasks", strings(r.taskIds(), true));
        return b.build();
    }

    private MapNode stakeholder(Stakeholder s) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", s.name().equals(s.id()) ? null : s.name());
        b.put("organisation", s.organisation());
        b.put("role", s.role());
        b.put("influence", level(s.influence()));
        b.put("interest", level(s.interest()));
        b.put("engagement", s.currentEngagement() == null ? null : word(s.currentEngagement()));
        b.put("desired-engagement", s.desiredEngagement() == null ? null : word(s.desiredEngagement()));
        b.put("contact", s.contact());
        b.put("notes", s.notes());
        return b.build();
    }

    private MapNode communication(CommunicationItem c) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", c.name().equals(c.id()) ? null : c.name());
        b.put("purpose", c.purpose());
        b.put("audience", strings(c.audience(), true));
        b.put("channel", c.channel());
        b.put("frequency", c.frequency() == null ? null : word(c.frequency()));
        b.put("owner", c.owner());
        b.put("content", c.content());
        b.put("schedule", c.schedule());
        b.put("webhook", c.webhook());
        b.put("sections", strings(c.sections(), false));
        b.put("questions", strings(c.questions(), false));
        return b.build();
    }

    /** {@code approval: required}, and the approvers when named (else the Accountable signs off). */
    private static void approval(MapNode.Builder b, io.planwright.core.model.Approval a) {
        if (a != null) {
            b.put("approval", ScalarNode.plain("required"));
            b.put("approvers", strings(a.approvers(), true));
        }
    }

    private MapNode baseline(Baseline bl) {
        MapNode.Builder b = MapNode.builder();
        b.put("name", bl.name().equals(bl.id()) ? null : bl.name());
        b.put("saved", date(bl.savedAt(), false));
        if (!bl.tasks().isEmpty()) {
            MapNode.Builder tb = MapNode.builder();
            for (BaselineTask t : bl.tasks()) {
                MapNode.Builder one = MapNode.builder().flow();
                one.put("start", date(t.start(), false));
                one.put("finish", date(t.finish(), true));
                one.put("duration", t.duration() == null ? null : ScalarNode.plain(t.duration().toString()));
                one.put("work", t.work() == null ? null : ScalarNode.plain(t.work().toString()));
                one.put("cost", t.cost() == null ? null : ScalarNode.number(decimal(t.cost())));
                tb.put(t.taskId(), one.build());
            }
            b.put("tasks", tb.build());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ values

    private static MapNode raci(List<RaciEntry> raci) {
        if (raci.isEmpty()) {
            return null;
        }
        MapNode.Builder b = MapNode.builder().flow();
        for (RaciEntry e : raci) {
            b.put(e.party(), ScalarNode.plain(e.role().name()));
        }
        return b.build();
    }

    private static ListNode strings(List<String> values, boolean flow) {
        if (values.isEmpty()) {
            return null;
        }
        List<Node> items = new ArrayList<>();
        for (String v : values) {
            items.add(ScalarNode.string(v));
        }
        return flow ? ListNode.flowOf(items) : ListNode.of(items);
    }

    private static ScalarNode word(Enum<?> e) {
        return ScalarNode.plain(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static ScalarNode level(Level l) {
        return l == null ? null : word(l);
    }

    private static ScalarNode number(Double d) {
        return d == null ? null : ScalarNode.number(decimal(BigDecimal.valueOf(d)));
    }

    private static ScalarNode rate(Rate r) {
        return r == null ? null : ScalarNode.plain(decimal(r.amount()) + "/" + r.per().symbol());
    }

    static String decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** 0.5 → {@code 50%}, exactly, by moving the decimal point rather than multiplying. */
    static String percent(double fraction) {
        return decimal(BigDecimal.valueOf(fraction).movePointRight(2)) + "%";
    }

    /** A date-only text when the time is midnight; a finish at midnight is written as the day it ends. */
    static String dateText(LocalDateTime t, boolean finish) {
        return Moments.written(t, finish ? Moments.Edge.FINISH : Moments.Edge.START);
    }

    private static ScalarNode date(LocalDateTime t, boolean finish) {
        return t == null ? null : ScalarNode.plain(dateText(t, finish));
    }
}
