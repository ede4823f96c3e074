package io.planwright.core.check;

import io.planwright.core.calendar.Moments;
import io.planwright.core.communication.Audience;
import io.planwright.core.communication.Cadence;
import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.CostEstimate;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Link;
import io.planwright.core.format.Amounts;
import io.planwright.core.model.Objective;
import io.planwright.core.alignment.Alignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Risk;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.DependencyCycleException;
import io.planwright.core.schedule.PlanCompiler;
import io.planwright.core.level.Overallocations;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduleWarning;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.schedule.TopologicalOrder;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a whole plan and reports every problem at once: dangling references, duplicate ids,
 * dependency cycles, RACI without exactly one Accountable, impossible dates and estimates, calendars
 * without working time, work not traced to an objective. When the plan is sound enough to schedule,
 * it is scheduled and what the schedule cannot satisfy (missed deadlines, constraints against links)
 * is reported as warnings too.
 */
public final class PlanChecker {

    private final Plan plan;
    private final List<Problem> problems = new ArrayList<>();
    private final Wbs wbs;
    private final Set<String> taskIds = new LinkedHashSet<>();
    private final Set<String> resourceIds = new LinkedHashSet<>();
    private final Set<String> calendarIds = new LinkedHashSet<>();
    private final Set<String> objectiveIds = new LinkedHashSet<>();
    private final Set<String> stakeholderIds = new LinkedHashSet<>();
    private final Set<String> parties = new LinkedHashSet<>();

    private PlanChecker(Plan plan) {
        this.plan = plan;
        this.wbs = Wbs.of(plan);
    }

    /** All problems of the plan, errors and warnings, in a stable order. */
    public static List<Problem> check(Plan plan) {
        PlanChecker c = new PlanChecker(plan);
        c.run(true);
        return List.copyOf(c.problems);
    }

    /**
     * The problems of the plan's structure and references, without scheduling it: what an editor needs
     * to know before it stores a change (the schedule's warnings, such as missed deadlines, come with the
     * schedule).
     */
    public static List<Problem> checkStructure(Plan plan) {
        PlanChecker c = new PlanChecker(plan);
        c.run(false);
        return List.copyOf(c.problems);
    }

    /**
     * The problems {@link #checkStructure} reports about one task's own fields, in the context of the
     * whole plan (its ids and WBS), for the task as it is in {@code plan} and as it was before a change
     * that kept its id, parent and links (so the ids and the WBS are the same for both). When an edit
     * changes one task that way, the errors it brings are among these: a server checks a change of one
     * task of a large plan this way. Returns the problems of the old version, then those of the new.
     */
    public static List<List<Problem>> checkTaskVersions(Plan plan, Task before) {
        PlanChecker c = new PlanChecker(plan);
        c.collectIds();
        c.problems.clear();
        int i = c.wbs.indexOf(before.id());
        if (i < 0) {
            return List.of(List.of(), List.of());
        }
        c.checkTask(i, before);
        List<Problem> old = List.copyOf(c.problems);
        c.problems.clear();
        c.checkTask(i, c.wbs.task(i));
        return List.of(old, List.copyOf(c.problems));
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    private void error(String code, String path, String message) {
        problems.add(Problem.error(code, path, message));
    }

    private void warning(String code, String path, String message) {
        problems.add(Problem.warning(code, path, message));
    }

    private void run(boolean withSchedule) {
        collectIds();
        checkPlanDates();
        checkCalendars();
        checkResources();
        checkObjectives();
        checkTasks();
        checkDeliverables();
        checkRisks();
        checkStakeholders();
        checkCommunications();
        checkBaselines();
        boolean cycleFree = checkCycles();
        checkTraceability();
        if (withSchedule && cycleFree && !hasErrors(problems)) {
            checkSchedule();
        }
    }

    private <T> void unique(String section, List<T> items, java.util.function.Function<T, String> id, Set<String> into) {
        for (T item : items) {
            String key = id.apply(item);
            if (!into.add(key)) {
                error("duplicate-id", section + "/" + key, "the id '" + key + "' is used twice in " + section + "; ids must be unique");
            }
        }
    }

    private void collectIds() {
        unique("tasks", plan.tasks(), Task::id, taskIds);
        unique("resources", plan.resources(), Resource::id, resourceIds);
        unique("calendars", plan.calendars(), WorkCalendar::id, calendarIds);
        unique("objectives", plan.objectives(), Objective::id, objectiveIds);
        unique("stakeholders", plan.stakeholders(), Stakeholder::id, stakeholderIds);
        unique("deliverables", plan.deliverables(), Deliverable::id, new HashSet<>());
        unique("risks", plan.risks(), Risk::id, new HashSet<>());
        unique("communications", plan.communications(), CommunicationItem::id, new HashSet<>());
        parties.addAll(resourceIds);
        parties.addAll(stakeholderIds);
        parties.addAll(plan.roles());
    }

    private void checkPlanDates() {
        if (plan.scheduleFrom() == ScheduleFrom.FINISH) {
            if (plan.finish() == null) {
                error("missing-finish", "plan/schedule-from", "a plan scheduled from its finish needs a finish date (plan: finish)");
            }
        } else if (plan.start() == null) {
            error("missing-start", "plan/start", "the plan needs a start date (plan: start)");
        }
        // MS Project opens and schedules such plans (a stale stored start): so do we, and say so. A forward plan's
        // target finish before its start is a deadline already missed, which the schedule reports with how late.
        if (plan.scheduleFrom() == ScheduleFrom.FINISH && plan.start() != null && plan.finish() != null && plan.finish().isBefore(plan.start())) {
            warning("finish-before-start", "plan/start", "the plan is scheduled back from its finish (" + finishText(plan.finish())
                    + ") but gives a start after it (" + startText(plan.start()) + "); the schedule works back from the finish");
        }
        if (plan.calendarId() != null && !calendarIds.contains(plan.calendarId())) {
            error("unknown-calendar", "plan/calendar", "unknown calendar '" + plan.calendarId() + "'" + Suggestions.didYouMean(plan.calendarId(), calendarIds));
        }
    }

    private void checkCalendars() {
        Map<String, WorkCalendar> byId = new HashMap<>();
        plan.calendars().forEach(c -> byId.putIfAbsent(c.id(), c));
        for (WorkCalendar c : plan.calendars()) {
            String path = "calendars/" + c.id();
            if (c.baseId() != null) {
                if (!byId.containsKey(c.baseId())) {
                    error("unknown-calendar", path + "/base", "calendar '" + c.id() + "' is based on unknown calendar '" + c.baseId() + "'"
                            + Suggestions.didYouMean(c.baseId(), calendarIds));
                    continue;
                }
                Set<String> seen = new LinkedHashSet<>();
                WorkCalendar x = c;
                while (x != null && seen.add(x.id())) {
                    x = x.baseId() == null ? null : byId.get(x.baseId());
                }
                if (x != null) {
                    error("calendar-cycle", path + "/base", "calendars are based on each other in a loop: " + String.join(" -> ", seen) + " -> " + x.id());
                    continue;
                }
            }
            if (!hasWorkingTime(c, byId)) {
                error("calendar-without-work", path, "calendar '" + c.id() + "' has no working time in its week: no task could ever be scheduled on it");
            }
            for (int e = 0; e < c.exceptions().size(); e++) {
                CalendarException ex = c.exceptions().get(e);
                for (int o = 0; o < e; o++) {
                    CalendarException other = c.exceptions().get(o);
                    if (!ex.from().isAfter(other.to()) && !other.from().isAfter(ex.to())) {
                        warning("overlapping-exceptions", path + "/exceptions/" + e, "exception '" + nameOf(ex) + "' overlaps '"
                                + nameOf(other) + "'; the first one listed applies on the days they share");
                        break;
                    }
                }
            }
        }
    }

    private static String nameOf(CalendarException e) {
        return e.name() != null ? e.name() : e.from().toString();
    }

    private static boolean hasWorkingTime(WorkCalendar c, Map<String, WorkCalendar> byId) {
        Set<DayOfWeek> decided = new HashSet<>();
        WorkCalendar x = c;
        Set<String> seen = new HashSet<>();
        while (x != null && seen.add(x.id())) {
            for (Map.Entry<DayOfWeek, List<TimeRange>> e : x.week().entrySet()) {
                if (decided.add(e.getKey()) && !e.getValue().isEmpty()) {
                    return true;
                }
            }
            x = x.baseId() == null ? null : byId.get(x.baseId());
        }
        // undefined weekdays fall back to the standard week
        for (DayOfWeek d : DayOfWeek.values()) {
            if (!decided.contains(d) && d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                return true;
            }
        }
        return false;
    }

    private void checkResources() {
        for (Resource r : plan.resources()) {
            String path = "resources/" + r.id();
            if (r.calendarId() != null && !calendarIds.contains(r.calendarId())) {
                error("unknown-calendar", path + "/calendar", "resource '" + r.id() + "' uses unknown calendar '" + r.calendarId() + "'"
                        + Suggestions.didYouMean(r.calendarId(), calendarIds));
            }
            if (r.type() == ResourceType.WORK && !(r.maxUnits() > 0)) {
                error("bad-max-units", path + "/max-units", "resource '" + r.id() + "' has max units " + percent(r.maxUnits())
                        + ": a person or machine needs more than 0% to do any work");
            }
            if (r.standardRate() != null && r.standardRate().amount().signum() < 0) {
                error("negative-rate", path + "/rate", "resource '" + r.id() + "' has a negative rate");
            }
            if (r.overtimeRate() != null && r.overtimeRate().amount().signum() < 0) {
                error("negative-rate", path + "/overtime-rate", "resource '" + r.id() + "' has a negative overtime rate");
            }
            if (r.costPerUse() != null && r.costPerUse().signum() < 0) {
                error("negative-rate", path + "/cost-per-use", "resource '" + r.id() + "' has a negative cost per use");
            }
        }
    }

    private void checkObjectives() {
        for (Objective o : plan.objectives()) {
            Set<String> kpiIds = new HashSet<>();
            for (Kpi k : o.kpis()) {
                String path = "objectives/" + o.id() + "/kpis/" + k.id();
                if (!kpiIds.add(k.id())) {
                    error("duplicate-id", path, "KPI '" + k.id() + "' appears twice in objective '" + o.id() + "'");
                }
                if (k.target() == null) {
                    warning("kpi-without-target", path, "KPI '" + k.name() + "' has no target: progress cannot be measured against it");
                }
                if (k.targetDate() != null && plan.start() != null && k.targetDate().isBefore(plan.start().toLocalDate())) {
                    warning("kpi-target-before-start", path + "/target-date", "KPI '" + k.name() + "' is due before the plan starts");
                }
            }
        }
    }

    private String taskRef(String path, String id, String what) {
        if (!taskIds.contains(id)) {
            error("unknown-task", path, what + " unknown task '" + id + "'" + Suggestions.didYouMean(id, taskIds));
            return null;
        }
        return id;
    }

    private void checkTasks() {
        for (int i = 0; i < wbs.size(); i++) {
            checkTask(i, wbs.task(i));
        }
    }

    private void checkTask(int i, Task t) {
        String path = "tasks/" + t.id();
        boolean summary = wbs.isSummary(i);
        if (t.parentId() != null) {
            int p = wbs.indexOf(t.parentId());
            if (p < 0) {
                error("unknown-task", path + "/parent", "task '" + t.id() + "' belongs to unknown summary task '" + t.parentId() + "'"
                        + Suggestions.didYouMean(t.parentId(), taskIds));
            } else if (p >= i) {
                error("parent-order", path + "/parent", "task '" + t.id() + "' is listed before its summary task '" + t.parentId() + "'");
            }
        }
        checkDuration(t, path, summary);
        checkLinks(i, t, path);
        checkConstraint(t, path, summary);
        checkProgress(t, path, summary);
        if (t.calendarId() != null && !calendarIds.contains(t.calendarId())) {
            error("unknown-calendar", path + "/calendar", "task '" + t.id() + "' uses unknown calendar '" + t.calendarId() + "'"
                    + Suggestions.didYouMean(t.calendarId(), calendarIds));
        }
        Set<String> assigned = new HashSet<>();
        for (Assignment a : t.assignments()) {
            String ap = path + "/resources/" + a.resourceId();
            if (!resourceIds.contains(a.resourceId())) {
                error("unknown-resource", ap, "task '" + t.id() + "' is assigned unknown resource '" + a.resourceId() + "'"
                        + Suggestions.didYouMean(a.resourceId(), resourceIds));
            }
            if (!assigned.add(a.resourceId())) {
                error("duplicate-assignment", ap, "resource '" + a.resourceId() + "' is assigned twice to task '" + t.id() + "'");
            }
            if (!(a.units() > 0)) {
                error("bad-units", ap, "resource '" + a.resourceId() + "' is assigned to '" + t.id() + "' at " + percent(a.units())
                        + "; units must be above 0");
            }
            if (summary) {
                warning("summary-assignment", ap, "resources on summary task '" + t.id() + "' are not used for scheduling; assign them to its tasks");
            }
        }
        for (int o = 0; o < t.objectiveIds().size(); o++) {
            String oid = t.objectiveIds().get(o);
            if (!objectiveIds.contains(oid)) {
                error("unknown-objective", path + "/objectives/" + o, "task '" + t.id() + "' serves unknown objective '" + oid + "'"
                        + Suggestions.didYouMean(oid, objectiveIds));
            }
        }
        checkRaci(path, "task '" + t.id() + "'", t.raci());
        checkSplits(t, path, summary);
        if (t.estimate() != null) {
            checkEstimate(path + "/estimate", "task '" + t.id() + "'", t.estimate());
        }
    }

    private void checkDuration(Task t, String path, boolean summary) {
        Duration d = t.duration();
        if (d == null) {
            if (!summary && !t.milestone()) {
                warning("missing-duration", path, "task '" + t.id() + "' has no duration; 1 day is assumed");
            }
            return;
        }
        if (d.isPercent()) {
            error("bad-duration", path + "/duration", "task '" + t.id() + "' has duration " + d + "; a percentage is only allowed for lags");
        } else if (d.isNegative()) {
            error("bad-duration", path + "/duration", "task '" + t.id() + "' has a negative duration (" + d + ")");
        } else if (summary && !d.isZero()) {
            warning("summary-duration", path + "/duration", "summary task '" + t.id() + "' spans its tasks; its own duration " + d + " is ignored");
        }
    }

    private void checkLinks(int i, Task t, String path) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < t.links().size(); k++) {
            Link link = t.links().get(k);
            String lp = path + "/after/" + k;
            String p = link.predecessorId();
            if (p.equals(t.id())) {
                error("self-link", lp, "task '" + t.id() + "' cannot depend on itself");
                continue;
            }
            if (taskRef(lp, p, "task '" + t.id() + "' depends on") == null) {
                continue;
            }
            if (!seen.add(p)) {
                error("duplicate-link", lp, "task '" + t.id() + "' is linked to '" + p + "' twice; keep one link");
            }
            int pi = wbs.indexOf(p);
            if (wbs.isAncestor(pi, i)) {
                error("link-to-summary", lp, "task '" + t.id() + "' cannot depend on its own summary task '" + p + "'");
            } else if (wbs.isAncestor(i, pi)) {
                error("link-to-summary", lp, "summary task '" + t.id() + "' cannot depend on its own task '" + p + "'");
            }
            if (link.lag().isPercent() && Math.abs(link.lag().amount()) > 1000) {
                warning("large-lag", lp + "/lag", "a lag of " + link.lag() + " of the predecessor's duration is unusually large");
            }
        }
    }

    private void checkConstraint(Task t, String path, boolean summary) {
        Constraint c = t.constraint();
        String cp = path + "/constraint";
        if (c != null && c.type().needsDate()) {
            ConstraintType type = c.type();
            if (summary && type != ConstraintType.SNET && type != ConstraintType.FNLT) {
                error("summary-constraint", cp, "summary task '" + t.id() + "' can only have 'start no earlier than' or "
                        + "'finish no later than' constraints, not '" + type.describe() + "'");
            }
            if (t.deadline() != null && type == ConstraintType.MSO && !c.date().isBefore(t.deadline())) {
                error("constraint-conflict", cp, "task '" + t.id() + "' must start on " + startText(c.date())
                        + " but its deadline is " + finishText(t.deadline()) + ": it can never meet it");
            }
            if (t.deadline() != null && type == ConstraintType.SNET && !c.date().isBefore(t.deadline())) {
                // a plan that can still be scheduled, with a deadline it will miss (as after leveling): MS Project marks it, so do we
                warning("constraint-conflict", cp, "task '" + t.id() + "' may not start before " + startText(c.date())
                        + " but its deadline is " + finishText(t.deadline()) + ": it will miss its deadline");
            }
            if (t.deadline() != null && (type == ConstraintType.MFO || type == ConstraintType.FNET) && c.date().isAfter(t.deadline())) {
                error("constraint-conflict", cp, "task '" + t.id() + "' may not finish before " + finishText(c.date())
                        + " but its deadline is " + finishText(t.deadline()) + ": it can never meet it");
            }
            if (plan.start() != null && plan.scheduleFrom() == ScheduleFrom.START && !type.constrainsStart() && type != ConstraintType.FNET
                    && !c.date().isAfter(plan.start())) {
                error("constraint-conflict", cp, "task '" + t.id() + "' must finish by " + finishText(c.date()) + ", which is not after the plan start "
                        + startText(plan.start()));
            }
            if (t.manual() && t.start() != null && type == ConstraintType.MSO && !c.date().equals(t.start())) {
                error("constraint-conflict", cp, "manually scheduled task '" + t.id() + "' starts " + startText(t.start())
                        + " but must start on " + startText(c.date()));
            }
            if (t.manual() && t.finish() != null && type == ConstraintType.MFO && !c.date().equals(t.finish())) {
                error("constraint-conflict", cp, "manually scheduled task '" + t.id() + "' finishes " + finishText(t.finish())
                        + " but must finish on " + finishText(c.date()));
            }
        }
        if (t.deadline() != null && plan.start() != null && plan.scheduleFrom() == ScheduleFrom.START && !t.deadline().isAfter(plan.start())) {
            warning("constraint-conflict", path + "/deadline", "task '" + t.id() + "' has its deadline " + finishText(t.deadline())
                    + " before the plan even starts (" + startText(plan.start()) + "): it will miss it");
        }
    }

    private void checkProgress(Task t, String path, boolean summary) {
        if (t.percentComplete() < 0 || t.percentComplete() > 100) {
            error("bad-progress", path + "/progress", "task '" + t.id() + "' is " + Duration.of(t.percentComplete(), io.planwright.core.model.TimeUnit.PERCENT)
                    + " complete; progress runs from 0% to 100%");
        }
        if (t.physicalPercentComplete() != null && (t.physicalPercentComplete() < 0 || t.physicalPercentComplete() > 100)) {
            error("bad-progress", path + "/physical-progress", "task '" + t.id() + "' is " + Amounts.percent(t.physicalPercentComplete() / 100)
                    + " physically complete; progress runs from 0 % to 100 %");
        }
        if (t.remainingDuration() != null && t.remainingDuration().isNegative()) {
            error("bad-progress", path + "/remaining", "task '" + t.id() + "' has " + t.remainingDuration() + " remaining: no work can be left below nothing");
        } else if (t.remainingDuration() != null && !t.remainingDuration().isZero() && (t.percentComplete() >= 100 || t.actualFinish() != null)) {
            error("bad-progress", path + "/remaining", "task '" + t.id() + "' is complete but has " + t.remainingDuration()
                    + " remaining: take the remaining work away, or lower its progress");
        }
        boolean started = t.actualStart() != null || t.percentComplete() > 0;
        for (io.planwright.core.model.Assignment a : t.assignments()) {
            if (!started && a.actualWork() != null && !a.actualWork().isZero()) {
                error("bad-progress", path + "/resources/" + a.resourceId() + "/actual-work", "'" + a.resourceId() + "' reports " + a.actualWork()
                        + " of work on task '" + t.id() + "', which has not started: give the task its actual start or progress");
            }
        }
        if (t.actualFinish() != null && t.actualStart() == null) {
            error("bad-progress", path + "/actual-finish", "task '" + t.id() + "' has an actual finish but no actual start");
        }
        if (t.actualStart() != null && t.actualFinish() != null && t.actualFinish().isBefore(t.actualStart())) {
            error("bad-progress", path + "/actual-finish", "task '" + t.id() + "' actually finished (" + finishText(t.actualFinish())
                    + ") before it actually started (" + startText(t.actualStart()) + ")");
        }
        if (t.manual() && t.start() != null && t.finish() != null && t.finish().isBefore(t.start())) {
            error("bad-dates", path + "/finish", "manually scheduled task '" + t.id() + "' finishes (" + finishText(t.finish())
                    + ") before it starts (" + startText(t.start()) + ")");
        }
        if (t.manual() && t.start() == null && !summary) {
            warning("manual-without-start", path + "/manual", "manually scheduled task '" + t.id() + "' has no start date; it is scheduled automatically");
        }
        if (!summary && !t.milestone() && t.actualStart() != null && t.actualFinish() != null && t.duration() != null
                && !t.duration().isElapsed() && !t.duration().isPercent() && !t.actualFinish().isBefore(t.actualStart())) {
            // a finished task keeps its actual dates: a duration that says otherwise is one of the two wrong
            try {
                WorkingTime time = io.planwright.core.schedule.PlanCalendars.ofTask(plan, t.calendarId());
                long spanned = time.workBetween(WorkingTime.minutes(t.actualStart()), WorkingTime.minutes(t.actualFinish()));
                long planned = t.duration().minutes(plan.workTime());
                if (Math.abs(spanned - planned) >= 1) {
                    warning("progress-against-duration", path + "/duration", "task '" + t.id() + "' is finished: its actual dates ("
                            + startText(t.actualStart()) + " to " + finishText(t.actualFinish()) + ") span "
                            + Duration.of(spanned / (double) plan.workTime().minutesPerDay(), io.planwright.core.model.TimeUnit.DAYS)
                            + " of work, but its duration is " + t.duration() + ": correct the duration or the actual dates");
                }
            } catch (CalendarRangeException e) {
                // the calendar's own problem is reported with the calendar
            }
        }
        if (plan.statusDate() != null && t.actualStart() != null && t.actualStart().isAfter(plan.statusDate())) {
            warning("actual-after-status", path + "/actual-start", "task '" + t.id() + "' started after the status date " + finishText(plan.statusDate()));
        }
    }

    private void checkSplits(Task t, String path, boolean summary) {
        if (t.splits().isEmpty()) {
            return;
        }
        if (summary || t.milestone() || t.duration() == null || t.duration().isZero()) {
            error("bad-split", path + "/splits", "task '" + t.id() + "' has splits, but only a task with work can pause");
            return;
        }
        long duration = t.duration().minutes(plan.workTime());
        long previous = 0;
        for (int k = 0; k < t.splits().size(); k++) {
            io.planwright.core.model.Split sp = t.splits().get(k);
            String sp0 = path + "/splits/" + k;
            if (sp.after().isPercent() || sp.after().isElapsed() || sp.pause().isPercent() || sp.pause().isElapsed()) {
                error("bad-split", sp0, "task '" + t.id() + "': a split is given in working time, such as {after: 2d, pause: 1d}");
                continue;
            }
            long after = sp.after().minutes(plan.workTime());
            if (after <= previous || after >= duration) {
                error("bad-split", sp0, "task '" + t.id() + "': a pause comes after some of its " + t.duration() + " of work and before the end, "
                        + "and after the pause before it (after " + sp.after() + ")");
            }
            if (!(sp.pause().amount() > 0)) {
                error("bad-split", sp0, "task '" + t.id() + "': a pause lasts some time (pause " + sp.pause() + ")");
            }
            previous = Math.max(previous, after);
        }
    }

    private void checkEstimate(String path, String what, Estimate e) {
        if (e.optimistic().isPercent() || e.mostLikely().isPercent() || e.pessimistic().isPercent()) {
            error("bad-estimate", path, what + ": an estimate is a duration, not a percentage");
            return;
        }
        if (e.optimistic().isNegative() || e.mostLikely().isNegative() || e.pessimistic().isNegative()) {
            error("bad-estimate", path, what + ": estimates cannot be negative");
            return;
        }
        if (!e.isOrdered(plan.workTime())) {
            error("bad-estimate", path, what + ": the estimate must run from optimistic to most likely to pessimistic ("
                    + e.optimistic() + " / " + e.mostLikely() + " / " + e.pessimistic() + " is out of order)");
        }
    }

    private void checkRaci(String path, String what, List<RaciEntry> raci) {
        if (raci.isEmpty()) {
            return;
        }
        List<String> accountable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean responsible = false;
        for (RaciEntry e : raci) {
            responsible |= e.role() == RaciRole.R;
            String rp = path + "/raci/" + e.party();
            if (!parties.contains(e.party())) {
                error("unknown-party", rp, what + " names '" + e.party() + "' in its RACI, who is neither a resource, a stakeholder nor a role"
                        + Suggestions.didYouMean(e.party(), parties));
            }
            if (!seen.add(e.party())) {
                error("duplicate-raci", rp, what + " lists '" + e.party() + "' twice in its RACI");
            }
            if (e.role() == RaciRole.A) {
                accountable.add(e.party());
            }
        }
        if (accountable.isEmpty()) {
            error("raci-accountable", path + "/raci", what + " has no one Accountable (A) in its RACI: exactly one person or role must be");
        } else if (accountable.size() > 1) {
            error("raci-accountable", path + "/raci", what + " has " + accountable.size() + " Accountable (" + String.join(", ", accountable)
                    + "); exactly one must be");
        }
        if (!responsible) {
            warning("raci-responsible", path + "/raci", what + " has no one Responsible (R) in its RACI: who does the work?");
        }
    }

    private void checkDeliverables() {
        for (Deliverable d : plan.deliverables()) {
            String path = "deliverables/" + d.id();
            for (int o = 0; o < d.objectiveIds().size(); o++) {
                String oid = d.objectiveIds().get(o);
                if (!objectiveIds.contains(oid)) {
                    error("unknown-objective", path + "/objectives/" + o, "deliverable '" + d.id() + "' serves unknown objective '" + oid + "'"
                            + Suggestions.didYouMean(oid, objectiveIds));
                }
            }
            for (int k = 0; k < d.taskIds().size(); k++) {
                taskRef(path + "/tasks/" + k, d.taskIds().get(k), "deliverable '" + d.id() + "' is produced by");
            }
            checkRaci(path, "deliverable '" + d.id() + "'", d.raci());
        }
    }

    private void checkRisks() {
        for (Risk r : plan.risks()) {
            String path = "risks/" + r.id();
            if (!(r.probability() >= 0 && r.probability() <= 1)) {
                error("bad-probability", path + "/probability", "risk '" + r.id() + "' has probability " + r.probability()
                        + "; a probability runs from 0 to 1 (0% to 100%)");
            }
            if (r.scheduleImpact() != null) {
                checkEstimate(path + "/schedule-impact", "risk '" + r.id() + "'", r.scheduleImpact());
                if (r.taskIds().isEmpty()) {
                    warning("risk-without-tasks", path + "/tasks", "risk '" + r.id() + "' has a schedule impact but no linked tasks it would delay");
                }
            }
            CostEstimate cost = r.costImpact();
            if (cost != null && !cost.isOrdered()) {
                error("bad-estimate", path + "/cost-impact", "risk '" + r.id() + "': the cost impact must run from optimistic to most likely to pessimistic");
            }
            for (int k = 0; k < r.taskIds().size(); k++) {
                taskRef(path + "/tasks/" + k, r.taskIds().get(k), "risk '" + r.id() + "' is linked to");
            }
            if (r.owner() != null && !parties.contains(r.owner())) {
                error("unknown-party", path + "/owner", "risk '" + r.id() + "' is owned by '" + r.owner()
                        + "', who is neither a resource, a stakeholder nor a role" + Suggestions.didYouMean(r.owner(), parties));
            }
        }
    }

    private void checkStakeholders() {
        for (Stakeholder s : plan.stakeholders()) {
            if (s.currentEngagement() != null && s.desiredEngagement() != null
                    && s.currentEngagement().ordinal() < s.desiredEngagement().ordinal() && plan.communications().stream()
                    .noneMatch(c -> c.audience().contains(s.id()))) {
                warning("stakeholder-unreached", "stakeholders/" + s.id(), "stakeholder '" + s.name() + "' should become more engaged ("
                        + s.currentEngagement().name().toLowerCase() + " to " + s.desiredEngagement().name().toLowerCase()
                        + ") but no communication reaches them");
            }
        }
    }

    private void checkCommunications() {
        for (CommunicationItem c : plan.communications()) {
            String path = "communications/" + c.id();
            for (int a = 0; a < c.audience().size(); a++) {
                String who = c.audience().get(a);
                if (Audience.isSpecial(who)) {
                    int at = a;
                    Audience.unknown(plan, who).ifPresent(m ->
                            error("unknown-party", path + "/audience/" + at, "communication '" + c.id() + "': " + m));
                } else if (!parties.contains(who)) {
                    error("unknown-party", path + "/audience/" + a, "communication '" + c.id() + "' goes to '" + who
                            + "', who is neither a stakeholder, a resource nor a role" + Suggestions.didYouMean(who, parties));
                }
            }
            checkRunning(c, path);
            if (c.owner() != null && !parties.contains(c.owner())) {
                error("unknown-party", path + "/owner", "communication '" + c.id() + "' is sent by '" + c.owner()
                        + "', who is neither a resource, a stakeholder nor a role" + Suggestions.didYouMean(c.owner(), parties));
            }
            if (c.audience().isEmpty()) {
                warning("no-audience", path + "/audience", "communication '" + c.id() + "' has no audience");
            }
        }
    }

    /** A communication item that runs: a cadence that fires, a webhook that is a URL, and an address for everyone it e-mails. */
    private void checkRunning(CommunicationItem c, String path) {
        if (c.schedule() != null) {
            try {
                Cadence cadence = Cadence.parse(c.schedule());
                if (cadence instanceof Cadence.AtMilestones && plan.tasks().stream().noneMatch(Task::milestone)) {
                    error("cadence-never-fires", path + "/schedule", "communication '" + c.id() + "' goes out at milestones, and the plan has none: it would never be sent");
                }
            } catch (IllegalArgumentException e) {
                error("bad-cadence", path + "/schedule", "communication '" + c.id() + "': " + e.getMessage());
            }
        }
        if (c.webhook() != null && !c.webhook().matches("https?://[^\\s]+")) {
            error("bad-webhook", path + "/webhook", "communication '" + c.id() + "' posts to '" + c.webhook() + "', which is not an http(s) URL");
        }
        if (c.schedule() == null || !isEmail(c.channel())) {
            return;
        }
        Audience.Resolution r = Audience.resolve(plan, c);
        for (Audience.Unreached u : r.unreached()) {
            int at = c.audience().indexOf(u.entry());
            if (parties.contains(u.party()) || plan.roles().contains(u.party())) {
                boolean person = !plan.roles().contains(u.party());
                String where = path + "/audience" + (at < 0 ? "" : "/" + at);
                String message = "communication '" + c.id() + "' is e-mailed, but " + u.why();
                if (person) {
                    error("no-address", where, message);
                } else {
                    warning("no-address", where, message);
                }
            }
        }
        if (r.reached().isEmpty() && !c.audience().isEmpty()) {
            error("no-address", path + "/audience", "communication '" + c.id() + "' is e-mailed on a schedule, but no one in its audience has an e-mail address");
        }
    }

    /** Whether a channel is e-mail, as people write it. */
    public static boolean isEmail(String channel) {
        if (channel == null) {
            return false;
        }
        String ch = channel.trim().toLowerCase(java.util.Locale.ROOT);
        return ch.equals("email") || ch.equals("e-mail") || ch.equals("mail");
    }

    private void checkBaselines() {
        unique("baselines", plan.baselines(), io.planwright.core.model.Baseline::id, new HashSet<>());
        for (io.planwright.core.model.Baseline b : plan.baselines()) {
            Set<String> seen = new HashSet<>();
            for (io.planwright.core.model.BaselineTask t : b.tasks()) {
                String path = "baselines/" + b.id() + "/tasks/" + t.taskId();
                if (!seen.add(t.taskId())) {
                    error("duplicate-id", path, "task '" + t.taskId() + "' appears twice in baseline '" + b.id() + "'");
                } else if (!taskIds.contains(t.taskId())) {
                    warning("baseline-unknown-task", path, "baseline '" + b.id() + "' has values for task '" + t.taskId()
                            + "', which is no longer in the plan" + Suggestions.didYouMean(t.taskId(), taskIds));
                }
                if (t.start() != null && t.finish() != null && t.finish().isBefore(t.start())) {
                    error("bad-dates", path, "baseline '" + b.id() + "' has task '" + t.taskId() + "' finishing before it starts");
                }
            }
        }
    }

    private boolean checkCycles() {
        if (plan.tasks().isEmpty()) {
            return true;
        }
        PlanCompiler.Compiled compiled;
        try {
            compiled = PlanCompiler.compile(plan);
        } catch (IllegalArgumentException | CalendarRangeException e) {
            return false; // calendar problems are reported by checkCalendars
        }
        try {
            TopologicalOrder.of(compiled.network());
            return true;
        } catch (DependencyCycleException e) {
            List<String> ids = e.tasks().stream().map(compiled.network()::id).collect(Collectors.toList());
            List<String> shown = new ArrayList<>(ids);
            shown.add(ids.get(0));
            String first = ids.get(0);
            error("cycle", "tasks/" + first + "/after", "dependency cycle: " + String.join(" -> ", shown)
                    + "; no task of it could ever start. Remove one of these links");
            return false;
        }
    }

    private void checkTraceability() {
        if (plan.objectives().isEmpty()) {
            return;
        }
        // an unknown objective is reported on its own: naming one counts as traced here
        Alignment.objectivesOf(plan).forEach((id, serves) -> {
            if (serves.isEmpty()) {
                warning("untraced-work", "tasks/" + id, "task '" + id + "' serves no objective, directly or through its phase or a deliverable: possible scope creep");
            }
        });
    }

    private void checkSchedule() {
        PlanSchedule s;
        try {
            s = PlanScheduler.schedule(plan);
        } catch (CalendarRangeException e) {
            error("calendar-range", "calendars/" + e.calendarId(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            return;
        }
        for (ScheduleWarning w : s.warnings()) {
            String path = w.kind() == ScheduleWarning.Kind.START_BEFORE_PLAN ? "plan/start"
                    : w.kind() == ScheduleWarning.Kind.TARGET_MISSED ? "plan/finish"
                    : w.taskId() == null ? "tasks" : "tasks/" + w.taskId() + switch (w.kind()) {
                case DEADLINE_MISSED -> "/deadline";
                case CONSTRAINT_CONFLICT -> "/constraint";
                default -> "";
            };
            warning(switch (w.kind()) {
                case DEADLINE_MISSED -> "deadline-missed";
                case CONSTRAINT_CONFLICT -> "constraint-conflict";
                case NEGATIVE_FLOAT -> "negative-float";
                case START_BEFORE_PLAN -> "start-before-plan";
                case TARGET_MISSED -> "target-missed";
            }, path, w.message());
        }
        checkBehind(s);
        checkOverallocations(s);
    }

    /**
     * A work resource asked for more than its maximum units: one warning per resource, with its peak, how
     * many stretches of time and the first of them with the tasks at work then (leveling removes them).
     */
    private void checkOverallocations(PlanSchedule s) {
        Map<String, List<Overallocations.Overallocation>> byResource = new java.util.LinkedHashMap<>();
        for (Overallocations.Overallocation o : Overallocations.of(plan, s)) {
            byResource.computeIfAbsent(o.resourceId(), k -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<String, List<Overallocations.Overallocation>> e : byResource.entrySet()) {
            List<Overallocations.Overallocation> list = e.getValue();
            Overallocations.Overallocation first = list.get(0);
            double peak = list.stream().mapToDouble(Overallocations.Overallocation::units).max().orElse(first.units());
            String stretches = list.size() == 1 ? "from " : "in " + list.size() + " stretches of time, the first from ";
            warning("overallocated", "resources/" + e.getKey(), "resource '" + e.getKey() + "' is over-allocated: up to " + Amounts.percent(peak)
                    + " of its " + Amounts.percent(first.maxUnits()) + " " + stretches + Moments.human(first.from(), Moments.Edge.START, null)
                    + " to " + Moments.human(first.to(), Moments.Edge.FINISH, null) + " (" + String.join(", ", first.taskIds())
                    + "): level the plan (planwright level) or change the assignments");
        }
    }

    /**
     * Work the schedule puts before the status date that progress says has not happened, as MS Project's
     * "late" indicator: a task that should have finished by then and is not complete, or should have
     * started and has not.
     */
    private void checkBehind(PlanSchedule s) {
        LocalDateTime status = plan.statusDate();
        if (status == null) {
            return;
        }
        java.util.Map<String, Task> byId = new java.util.HashMap<>(plan.tasks().size() * 2);
        plan.tasks().forEach(t -> byId.putIfAbsent(t.id(), t));
        for (ScheduledTask st : s.tasks()) {
            if (st.type() == ScheduledTask.Kind.SUMMARY || st.done()) {
                continue;
            }
            Task t = byId.get(st.id()); // not plan.task(id): a search through the list for each task
            if (t == null || t.percentComplete() >= 100) {
                continue;
            }
            String pct = Duration.of(t.percentComplete(), io.planwright.core.model.TimeUnit.PERCENT).toString();
            if (!st.finish().isAfter(status)) {
                warning("behind-schedule", "tasks/" + t.id() + "/progress", "task '" + t.id() + "' should have finished by the status date "
                        + finishText(status) + " (scheduled finish " + Moments.human(st.finish(), Moments.Edge.FINISH, null)
                        + ") but is " + pct + " complete: record its progress, or move the work past the status date");
            } else if (st.start().isBefore(status) && t.actualStart() == null && t.percentComplete() == 0) {
                warning("behind-schedule", "tasks/" + t.id() + "/progress", "task '" + t.id() + "' should have started by the status date "
                        + finishText(status) + " (scheduled start " + Moments.human(st.start(), Moments.Edge.START, null)
                        + ") but has not: record its actual start, or move the work past the status date");
            }
        }
    }

    private static String percent(double units) {
        return Duration.of(units * 100, io.planwright.core.model.TimeUnit.PERCENT).toString();
    }

    /** A start as the plan file says it: a date alone at the start of a day. */
    private static String startText(LocalDateTime t) {
        return Moments.written(t, Moments.Edge.START).replace('T', ' ');
    }

    /** A finish as the plan file says it: the end of a day as that day, never the next. */
    private static String finishText(LocalDateTime t) {
        return Moments.written(t, Moments.Edge.FINISH).replace('T', ' ');
    }
}
