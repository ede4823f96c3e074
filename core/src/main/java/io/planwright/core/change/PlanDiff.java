package io.planwright.core.change;

import io.planwright.core.calendar.Moments;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a plan, in the plan's own terms: for each section (tasks,
 * resources, risks, objectives, ...), the entries added, removed and changed, each change field by field
 * with its old and new value as the plan file writes it; tasks moved to another phase; the plan's own
 * settings. With both schedules, the impact: the finish, the critical path and the cost.
 *
 * <p>Entries are matched by id; a field is any component of the model's record, so a field the model
 * gains is compared without a change here.
 */
public final class PlanDiff {

    private PlanDiff() {
    }

    /** One field that changed, with its values as text (null: none). */
    public record FieldChange(String field, String before, String after) {
    }

    /** One entry of a section that was added, removed or changed (with its fields). */
    public record EntryChange(String section, String id, String name, Kind kind, List<FieldChange> fields) {
    }

    public enum Kind {
        ADDED, REMOVED, CHANGED, MOVED;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a change does to the schedule and the cost.
     *
     * @param criticalAdded   tasks critical now that were not
     * @param criticalRemoved tasks no longer critical
     */
    public record Impact(LocalDateTime finishBefore, LocalDateTime finishAfter, double costBefore, double costAfter,
                         List<String> criticalAdded, List<String> criticalRemoved, List<Slip> slipped, double workAddedHours,
                         double workRemovedHours) {

        public Impact(LocalDateTime finishBefore, LocalDateTime finishAfter, double costBefore, double costAfter,
                      List<String> criticalAdded, List<String> criticalRemoved) {
            this(finishBefore, finishAfter, costBefore, costAfter, criticalAdded, criticalRemoved, List.of(), 0, 0);
        }

        public boolean finishMoved() {
            return !Objects.equals(finishBefore, finishAfter);
        }
    }

    /** A task in both plans whose finish moved later, by how many working hours of its calendar (most first). */
    public record Slip(String id, String name, LocalDateTime finishBefore, LocalDateTime finishAfter, double hours) {
    }

    /** The differences: the plan's settings, then each section's entries in the order of the newer plan. */
    public record Result(List<FieldChange> plan, List<EntryChange> entries, Impact impact) {

        public boolean isEmpty() {
            return plan.isEmpty() && entries.isEmpty();
        }

        public long count(String section, Kind kind) {
            return entries.stream().filter(e -> e.section().equals(section) && e.kind() == kind).count();
        }
    }

    private static final List<PlanSections.Section<?>> SECTIONS = PlanSections.ALL;

    /** Plan components that are sections (compared entry by entry) rather than settings. */
    private static final Set<String> SECTION_COMPONENTS = Set.of("tasks", "resources", "calendars", "objectives", "deliverables", "risks",
            "stakeholders", "communications", "baselines");

    /** The differences between two plans, without their schedules. */
    public static Result of(Plan before, Plan after) {
        return of(before, after, null, null);
    }

    /** The differences between two plans and, with both schedules, their impact. */
    public static Result of(Plan before, Plan after, PlanSchedule scheduleBefore, PlanSchedule scheduleAfter) {
        List<FieldChange> plan = fields(before, after, SECTION_COMPONENTS);
        List<EntryChange> entries = new ArrayList<>();
        for (PlanSections.Section<?> s : SECTIONS) {
            section(s, before, after, entries);
        }
        Impact impact = scheduleBefore == null || scheduleAfter == null ? null : impact(scheduleBefore, scheduleAfter);
        return new Result(plan, entries, impact);
    }

    private static <T> void section(PlanSections.Section<T> s, Plan before, Plan after, List<EntryChange> out) {
        Map<String, T> old = new LinkedHashMap<>();
        for (T t : s.entries().apply(before)) {
            old.putIfAbsent(s.id().apply(t), t);
        }
        Set<String> seen = new HashSet<>();
        boolean tasks = s.name().equals("tasks");
        for (T t : s.entries().apply(after)) {
            String id = s.id().apply(t);
            if (!seen.add(id)) {
                continue;
            }
            T o = old.get(id);
            if (o == null) {
                out.add(new EntryChange(s.name(), id, s.label().apply(t), Kind.ADDED, List.of()));
                continue;
            }
            if (o.equals(t)) {
                continue; // the same entry (most of them): no field to compare
            }
            List<FieldChange> f = fields((Record) o, (Record) t, Set.of());
            if (!f.isEmpty()) {
                boolean moved = tasks && f.stream().anyMatch(c -> c.field().equals("parent"));
                out.add(new EntryChange(s.name(), id, s.label().apply(t), moved && f.size() == 1 ? Kind.MOVED : Kind.CHANGED, f));
            }
        }
        old.forEach((id, t) -> {
            if (!seen.contains(id)) {
                out.add(new EntryChange(s.name(), id, s.label().apply(t), Kind.REMOVED, List.of()));
            }
        });
    }

    /** Each record type's components, read once (reflection hands out a new array each time). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** The components of two records of one type that differ, by their plan-file names. */
    static List<FieldChange> fields(Record before, Record after, Set<String> skip) {
        List<FieldChange> out = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.get(before.getClass())) {
            if (skip.contains(c.getName()) || c.getName().equals("id")) {
                continue;
            }
            Object a = value(c, before);
            Object b = value(c, after);
            if (!Objects.equals(normal(a), normal(b)) && entriesWithIds(a, b)) {
                nested(FIELD_NAMES.getOrDefault(c.getName(), kebab(c.getName())), (List<?>) a, (List<?>) b, out);
            } else if (!Objects.equals(normal(a), normal(b))) {
                String field = FIELD_NAMES.getOrDefault(c.getName(), kebab(c.getName()));
                out.add(new FieldChange(field, text(a, field), text(b, field)));
            }
        }
        return out;
    }

    /** Two lists of records whose first component is a text id (a baseline's tasks, an objective's KPIs): compared entry by entry. */
    private static boolean entriesWithIds(Object a, Object b) {
        return a instanceof List<?> x && b instanceof List<?> y && !x.isEmpty() && !y.isEmpty() && uniqueIds(x) && uniqueIds(y);
    }

    /** Every entry has an id and no two the same (a task's resources may name one resource twice: compared as text). */
    private static boolean uniqueIds(List<?> list) {
        Set<String> ids = new HashSet<>();
        for (Object o : list) {
            String id = idOf(o);
            if (id == null || !ids.add(id)) {
                return false;
            }
        }
        return true;
    }

    private static String idOf(Object o) {
        if (!(o instanceof Record r) || writesItself(r)) {
            return null;
        }
        RecordComponent[] cs = COMPONENTS.get(r.getClass());
        return cs.length > 0 && cs[0].getType() == String.class && cs[0].getName().toLowerCase(Locale.ROOT).endsWith("id")
                ? (String) value(cs[0], r) : null;
    }

    /** The entries of two lists of records with ids: added, removed, and changed field by field, as {@code field/id/field}. */
    private static void nested(String field, List<?> before, List<?> after, List<FieldChange> out) {
        Map<String, Object> old = new LinkedHashMap<>();
        before.forEach(o -> old.putIfAbsent(idOf(o), o));
        Set<String> seen = new HashSet<>();
        for (Object o : after) {
            String id = idOf(o);
            if (!seen.add(id)) {
                continue;
            }
            Object was = old.get(id);
            if (was == null) {
                out.add(new FieldChange(field + "/" + id, null, text(o, field)));
            } else {
                for (FieldChange f : fields((Record) was, (Record) o, Set.of(COMPONENTS.get(o.getClass())[0].getName()))) {
                    out.add(new FieldChange(field + "/" + id + "/" + f.field(), f.before(), f.after()));
                }
            }
        }
        old.forEach((id, o) -> {
            if (!seen.contains(id)) {
                out.add(new FieldChange(field + "/" + id, text(o, field), null));
            }
        });
    }

    /** Values that mean the same compare equal: empty and missing lists and maps, numbers of equal value. */
    private static Object normal(Object v) {
        if (v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    /** The plan file's names where they differ from the model's. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("parentId", "parent"), Map.entry("links", "after"), Map.entry("assignments", "resources"),
            Map.entry("objectiveIds", "objectives"), Map.entry("percentComplete", "progress"), Map.entry("calendarId", "calendar"),
            Map.entry("physicalPercentComplete", "physical-progress"), Map.entry("remainingDuration", "remaining"),
            Map.entry("earnedValueMethod", "earned-by"), Map.entry("taskIds", "tasks"), Map.entry("baseId", "base"),
            Map.entry("standardRate", "rate"));

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A value as the plan file writes it. */
    static String text(Object v, String field) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            boolean finish = field.contains("finish") || field.equals("deadline") || field.equals("status-date");
            return Moments.written(t, finish ? Moments.Edge.FINISH : Moments.Edge.START);
        }
        if (v instanceof Link l) {
            String lag = l.lag().isZero() ? "" : (l.lag().isNegative() ? "" : "+") + l.lag();
            return l.predecessorId() + (l.type() == LinkType.FS && lag.isEmpty() ? "" : " " + l.type() + lag);
        }
        if (v instanceof Assignment a) {
            return a.resourceId() + " " + text(a.units() * 100, field) + "%" + (a.work() == null ? "" : " " + a.work());
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (v instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            c.forEach(x -> items.add(text(x, field)));
            return String.join(", ", items);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            m.forEach((k, x) -> items.add(text(k, field) + ": " + text(x, field)));
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof Record r && !writesItself(r)) {
            List<String> items = new ArrayList<>();
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                Object x = value(c, r);
                if (x != null && !(x instanceof Collection<?> col && col.isEmpty())) {
                    items.add(kebab(c.getName()) + ": " + text(x, kebab(c.getName())));
                }
            }
            return "{" + String.join(", ", items) + "}";
        }
        return v.toString();
    }

    /** Records with a text of their own (a duration: "5d", a rate: "95/h", a time range: "08:00-12:00"). */
    private static boolean writesItself(Record r) {
        return r instanceof io.planwright.core.model.Duration || r instanceof io.planwright.core.model.Rate
                || r instanceof io.planwright.core.model.TimeRange;
    }

    private static Impact impact(PlanSchedule before, PlanSchedule after) {
        Set<String> was = critical(before);
        Set<String> is = critical(after);
        List<String> added = is.stream().filter(id -> !was.contains(id)).toList();
        List<String> removed = was.stream().filter(id -> !is.contains(id)).toList();
        Map<String, Double> workBefore = Costs.taskWork(before.plan(), before);
        Map<String, Double> workAfter = Costs.taskWork(after.plan(), after);
        Map<String, io.planwright.core.schedule.ScheduledTask> old = new java.util.HashMap<>();
        before.tasks().forEach(t -> old.putIfAbsent(t.id(), t));
        Set<String> now = new HashSet<>();
        List<Slip> slipped = new ArrayList<>();
        double workAdded = 0;
        Map<String, io.planwright.core.calendar.WorkingTime> calendars = new java.util.HashMap<>();
        Map<String, String> calendarOf = new java.util.HashMap<>();
        after.plan().tasks().forEach(t -> {
            if (t.calendarId() != null) {
                calendarOf.putIfAbsent(t.id(), t.calendarId());
            }
        });
        for (io.planwright.core.schedule.ScheduledTask t : after.tasks()) {
            now.add(t.id());
            if (t.type() == io.planwright.core.schedule.ScheduledTask.Kind.SUMMARY) {
                continue;
            }
            io.planwright.core.schedule.ScheduledTask o = old.get(t.id());
            if (o == null) {
                workAdded += workAfter.getOrDefault(t.id(), 0.0);
            } else if (o.finish() != null && t.finish() != null && t.finish().isAfter(o.finish())) {
                String cal = calendarOf.get(t.id());
                io.planwright.core.calendar.WorkingTime w = calendars.computeIfAbsent(
                        io.planwright.core.schedule.PlanCalendars.taskCalendarId(after.plan(), cal),
                        id -> io.planwright.core.schedule.PlanCalendars.calendar(after.plan(), id));
                double hours = w.workBetween(io.planwright.core.calendar.WorkingTime.minutes(o.finish()),
                        io.planwright.core.calendar.WorkingTime.minutes(t.finish())) / 60.0;
                if (hours > 0) {
                    slipped.add(new Slip(t.id(), t.name(), o.finish(), t.finish(), hours));
                }
            }
        }
        double workRemoved = 0;
        for (io.planwright.core.schedule.ScheduledTask t : before.tasks()) {
            if (!now.contains(t.id()) && t.type() != io.planwright.core.schedule.ScheduledTask.Kind.SUMMARY) {
                workRemoved += workBefore.getOrDefault(t.id(), 0.0);
            }
        }
        slipped.sort(java.util.Comparator.comparingDouble(Slip::hours).reversed());
        return new Impact(before.finish(), after.finish(), Costs.total(Costs.taskCosts(before.plan(), before)),
                Costs.total(Costs.taskCosts(after.plan(), after)), added, removed, List.copyOf(slipped), workAdded, workRemoved);
    }


    private static Set<String> critical(PlanSchedule s) {
        Set<String> out = new java.util.LinkedHashSet<>();
        s.tasks().forEach(t -> {
            if (t.critical() && t.type() != io.planwright.core.schedule.ScheduledTask.Kind.SUMMARY) {
                out.add(t.id());
            }
        });
        return out;
    }
}
