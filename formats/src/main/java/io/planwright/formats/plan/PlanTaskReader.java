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
 * The task reader of a plan file: the WBS (tasks and phases by id) with each task's links, constraint,
 * estimates, assignments and splits. {@link PlanFileReader} reads the other sections on top of it.
 */
abstract class PlanTaskReader extends PlanFieldReader {

    static final Pattern LINK_TAIL = Pattern.compile("(?i)^(FS|SS|FF|SF)?\\s*(?:([+-])\\s*(.+))?$");

    final Map<String, Location> taskIds = new HashMap<>();

    PlanTaskReader(String file) {
        super(file);
    }

    // ------------------------------------------------------------------ tasks

    void tasks(MapNode m, String parentId, List<Task> out) {
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

    void task(String id, String parentId, Node node, List<Task> out) {
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
        scheduling(f, b, path, what);
        workAndProgress(f, b, path, what);
        priority(f, b, path, what);
        b.fixedCost(parse(f, "fixed-cost", path, "the fixed cost of " + what, PlanFileReader::decimal, "an amount"));
        b.type(word(f, "type", path, "the type of " + what, io.planwright.core.model.TaskType.class));
        if (f.containsKey("splits")) {
            b.splits(splits(f.get("splits"), path, what));
        }
        customFields(f, b, what);
        out.add(b.build());
        subtasks(f, id, path, out);
        currentTask = outer;
    }

    /** Duration, estimate, links, constraint, deadline and calendar. */
    private void scheduling(Map<String, Node> f, Task.Builder b, String path, String what) {
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
    }

    /** Assignments, objectives, RACI, manual dates and progress. */
    private void workAndProgress(Map<String, Node> f, Task.Builder b, String path, String what) {
        if (f.containsKey("resources")) {
            b.assignments(assignments(f.get("resources"), path, what));
        }
        b.objectiveIds(texts(f, "objectives", path, "the objectives of " + what));
        b.raci(raci(f, path, what));
        b.approval(approval(f, path, what));
        b.manual(Boolean.TRUE.equals(bool(f, "manual", path, "the manual flag of " + what)));
        b.start(dateTime(f, "start", path, "the start of " + what, false));
        b.finish(dateTime(f, "finish", path, "the finish of " + what, true));
        Double progress = parse(f, "progress", path, "the progress of " + what, PlanFileReader::percentage, "a percentage such as 40%");
        if (progress != null) {
            b.percentComplete(progress);
        }
        b.actualStart(dateTime(f, "actual-start", path, "the actual start of " + what, false));
        b.actualFinish(dateTime(f, "actual-finish", path, "the actual finish of " + what, true));
        b.physicalPercentComplete(parse(f, "physical-progress", path, "the physical progress of " + what, PlanFileReader::percentage,
                "a percentage such as 40%"));
        b.remainingDuration(duration(f, "remaining", path, "the remaining duration of " + what));
        String earnedBy = text(f, "earned-by", path, "how " + what + " earns value");
        if ("physical-progress".equals(earnedBy)) {
            b.earnedValueMethod(io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE);
        } else if (earnedBy != null && !earnedBy.equals("progress")) {
            error(f.get("earned-by").location(), "bad-value", "'" + earnedBy + "' is not a way to earn value: write progress or physical-progress ("
                    + "how " + what + " earns value)");
        }
    }

    private void priority(Map<String, Node> f, Task.Builder b, String path, String what) {
        BigDecimal priority = parse(f, "priority", path, "the priority of " + what, PlanFileReader::decimal, "a number from 0 to 1000");
        if (priority != null) {
            if (priority.scale() > 0 && priority.stripTrailingZeros().scale() > 0 || priority.intValue() < 0 || priority.intValue() > 1000) {
                error(f.get("priority").location(), "bad-value", "priority " + priority + " of " + what + " must be a whole number from 0 to 1000");
            } else {
                b.priority(priority.intValue());
            }
        }
    }

    private void customFields(Map<String, Node> f, Task.Builder b, String what) {
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
    }

    /** A phase's tasks. */
    private void subtasks(Map<String, Node> f, String id, String path, List<Task> out) {
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
    }

    /** One map in a list of maps: where it is, and its checked fields. */
    List<io.planwright.core.model.Split> splits(Node node, String path, String what) {
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

    List<Link> links(Node node, String path, String what) {
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
        if (!PlanFileReader.ID.matcher(id).matches()) {
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

    static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    Constraint constraint(Node node, String path, String what) {
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

    Estimate estimate(Node node, String path, String what) {
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
        } else {
            List<String> items = items(node, "/", what);
            if (items == null) {
                return null;
            }
            parts.addAll(items);
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

    CostEstimate costEstimate(Node node, String path, String what) {
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
            String t = text(node, what);   // a cost estimate is one text (or a mapping), never a list
            if (t == null) {
                return null;
            }
            parts.addAll(List.of(t.split("/")));
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

    List<Assignment> assignments(Node node, String path, String what) {
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
                    Duration actualWork = duration(f, "actual-work", ap, "the actual work of '" + rid + "'");
                    Duration remainingWork = duration(f, "remaining-work", ap, "the remaining work of '" + rid + "'");
                    BigDecimal actualCost = parse(f, "actual-cost", ap, "the actual cost of '" + rid + "'", PlanFileReader::decimal, "an amount");
                    out.add(new Assignment(rid, units == null ? 1.0 : units, work, actualWork, remainingWork, actualCost));
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
}
