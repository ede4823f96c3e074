package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.LastComputed;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.WorkTime;
import io.planwright.core.model.Wbs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a plan into a {@link ScheduleNetwork}. Task numbers are positions in the plan's task
 * list (WBS order). References that do not resolve (unknown predecessors or calendars) are left out:
 * validation reports them, and the scheduler works with what is sound.
 */
public final class PlanCompiler {

    /** A task without a duration is given one day, as Microsoft Project does ("1 day?"). */
    public static final Duration DEFAULT_DURATION = Duration.days(1);

    private PlanCompiler() {
    }

    /** The network, and how task ids and calendar ids map to its numbers. */
    public record Compiled(ScheduleNetwork network, Wbs wbs, Map<String, Integer> calendarIndex) {
    }

    /**
     * The last network compiled, for the same plan object: validation compiles a plan to find cycles and
     * the scheduler then compiles it again. Plans and networks never change.
     */
    private static final LastComputed<Plan, Compiled> LAST = new LastComputed<>(PlanCompiler::compileAnew);

    public static Compiled compile(Plan plan) {
        return LAST.get(plan);
    }

    private static Compiled compileAnew(Plan plan) {
        Wbs wbs = Wbs.of(plan);
        Map<String, Integer> calendarIndex = new HashMap<>();
        WorkingTime[] cals = calendars(plan, calendarIndex);
        long start = WorkingTime.minutes(PlanCalendars.planStart(plan));
        List<Task> tasks = plan.tasks();
        int linkCount = 0;
        for (Task t : tasks) {
            linkCount += t.links().size();
        }
        NetworkBuilder b = new NetworkBuilder(cals, start, tasks.size(), linkCount);
        boolean backward = plan.scheduleFrom() == ScheduleFrom.FINISH && plan.finish() != null;
        if (backward) {
            b.backwardFrom(WorkingTime.minutes(plan.finish()));
        } else if (plan.finish() != null) {
            b.targetFinish(WorkingTime.minutes(plan.finish()));
        }
        addTasks(plan, wbs, b, calendarIndex, backward);
        addAssignmentSpans(plan, wbs, b, calendarIndex);
        addPauses(plan, wbs, b, cals, calendarIndex);
        addLinks(plan, wbs, b);
        return new Compiled(b.build(), wbs, Map.copyOf(calendarIndex));
    }

    /** The plan's calendars compiled, the plan's own first (number 0); their numbers into {@code calendarIndex}. */
    private static WorkingTime[] calendars(Plan plan, Map<String, Integer> calendarIndex) {
        LocalDate anchor = PlanCalendars.anchorDay(plan);
        Map<String, WorkCalendar> byId = new LinkedHashMap<>();
        for (WorkCalendar c : plan.calendars()) {
            byId.putIfAbsent(c.id(), c);
        }
        String defaultId = plan.effectiveCalendarId();
        if (!byId.containsKey(defaultId)) {
            byId.put(defaultId, WorkCalendar.standard(defaultId));
        }
        WorkingTime[] cals = new WorkingTime[byId.size()];
        calendarIndex.put(defaultId, 0);
        cals[0] = WorkingTime.compile(byId.get(defaultId), byId, anchor);
        int next = 1;
        for (WorkCalendar c : byId.values()) {
            if (!c.id().equals(defaultId)) {
                calendarIndex.put(c.id(), next);
                cals[next++] = WorkingTime.compile(c, byId, anchor);
            }
        }
        return cals;
    }

    /** Every task in WBS order: duration, calendar, constraint, deadline, manual and actual dates. */
    private static void addTasks(Plan plan, Wbs wbs, NetworkBuilder b, Map<String, Integer> calendarIndex, boolean backward) {
        List<Task> tasks = plan.tasks();
        WorkTime wt = plan.workTime();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            int parent = wbs.parent(i);
            boolean summary = wbs.isSummary(i);
            Duration d = summary ? Duration.ZERO : t.duration() != null ? t.duration() : t.milestone() ? Duration.ZERO : DEFAULT_DURATION;
            long minutes = d.isPercent() ? 0 : Math.max(0, d.minutes(wt));
            if (!summary && TaskProgress.inProgress(t) && !d.isElapsed()) {
                minutes = TaskProgress.doneMinutes(t, minutes, wt) + TaskProgress.remainingMinutes(t, minutes, wt);
            }
            Integer cal = t.calendarId() == null ? Integer.valueOf(0) : calendarIndex.get(t.calendarId());
            int task = b.addTask(t.id(), parent, minutes, d.isElapsed(), t.milestone() || (!summary && minutes == 0),
                    cal == null ? 0 : cal);
            ConstraintType type = t.constraint() != null ? t.constraint().type()
                    : backward ? ConstraintType.ALAP : ConstraintType.ASAP;
            if (type.needsDate()) {
                b.constraint(task, type, WorkingTime.minutes(t.constraint().date()));
            } else {
                b.constraint(task, type, ScheduleNetwork.NONE);
            }
            if (t.deadline() != null) {
                b.deadline(task, WorkingTime.minutes(t.deadline()));
            }
            if (!summary && t.manual() && t.start() != null) {
                b.manual(task, WorkingTime.minutes(t.start()), t.finish() == null ? ScheduleNetwork.NONE : WorkingTime.minutes(t.finish()));
            }
            if (!summary && t.actualStart() != null) {
                b.actual(task, WorkingTime.minutes(t.actualStart()),
                        t.actualFinish() == null ? ScheduleNetwork.NONE : WorkingTime.minutes(t.actualFinish()));
            }
        }
    }

    /**
     * With the plan's option to reschedule remaining work (MS Project's "move start of remaining parts before
     * the status date forward to the status date"), a started task that stopped before the status date resumes
     * there: a pause of the working time between where its done part ends and the status date, on its calendar.
     */
    private static long resumeGap(Plan plan, Task t, long duration, WorkingTime cal) {
        if (!plan.rescheduleRemaining() || plan.statusDate() == null || !TaskProgress.inProgress(t) || cal == null) {
            return 0;
        }
        WorkTime wt = plan.workTime();
        long remaining = TaskProgress.remainingMinutes(t, duration, wt);
        if (remaining == 0) {
            return 0;
        }
        long start = WorkingTime.minutes(t.actualStart());
        long stop = cal.ordinal(start) + TaskProgress.doneMinutes(t, duration, wt);
        long status = cal.ordinal(WorkingTime.minutes(plan.statusDate()));
        return Math.max(0, status - stop);
    }

    /** A split task's pauses, in working minutes in all; and the pause of a started task resuming at the status date. */
    private static void addPauses(Plan plan, Wbs wbs, NetworkBuilder b, WorkingTime[] cals, Map<String, Integer> calendarIndex) {
        List<Task> tasks = plan.tasks();
        WorkTime wt = plan.workTime();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            long paused = 0;
            for (io.planwright.core.model.Split sp : t.splits()) {
                if (!sp.pause().isPercent() && !sp.pause().isElapsed()) {
                    paused += Math.max(0, sp.pause().minutes(wt));
                }
            }
            if (!wbs.isSummary(i) && TaskProgress.inProgress(t) && (t.duration() == null || !t.duration().isElapsed())) {
                Integer cal = t.calendarId() == null ? Integer.valueOf(0) : calendarIndex.get(t.calendarId());
                long d = t.duration() == null ? DEFAULT_DURATION.minutes(wt) : t.duration().isPercent() ? 0 : Math.max(0, t.duration().minutes(wt));
                paused += resumeGap(plan, t, d, cals[cal == null ? 0 : cal]);
            }
            if (paused > 0 && !wbs.isSummary(i) && (t.duration() == null || !t.duration().isElapsed())) {
                b.pause(i, paused);
            }
        }
    }

    /** The links, in the order of their successors and of each successor's list; a link within one branch of the WBS is left out. */
    private static void addLinks(Plan plan, Wbs wbs, NetworkBuilder b) {
        List<Task> tasks = plan.tasks();
        WorkTime wt = plan.workTime();
        for (int i = 0; i < tasks.size(); i++) {
            for (Link link : tasks.get(i).links()) {
                int p = wbs.indexOf(link.predecessorId());
                if (p < 0 || p == i || wbs.isAncestor(p, i) || wbs.isAncestor(i, p)) {
                    continue;
                }
                Duration lag = link.lag();
                if (lag.isPercent()) {
                    b.percentLink(p, i, link.type(), lag.amount());
                } else if (lag.isElapsed()) {
                    b.elapsedLink(p, i, link.type(), lag.minutes(wt));
                } else {
                    b.link(p, i, link.type(), lag.minutes(wt));
                }
            }
        }
    }

    /**
     * As in MS Project, a fixed-units or fixed-work task with work resources runs on their calendars:
     * each assignment lasts its work divided by its units (by default the task's duration) on its
     * resource's calendar, and the task spans them. A task with its own calendar, a fixed-duration
     * task, or one whose resources share its calendar, simply runs on its calendar.
     */
    private static void addAssignmentSpans(Plan plan, Wbs wbs, NetworkBuilder b, Map<String, Integer> calendarIndex) {
        Map<String, io.planwright.core.model.Resource> resources = new HashMap<>();
        for (io.planwright.core.model.Resource r : plan.resources()) {
            resources.putIfAbsent(r.id(), r);
        }
        WorkTime wt = plan.workTime();
        for (int i = 0; i < wbs.size(); i++) {
            Task t = wbs.task(i);
            if (wbs.isSummary(i) || t.calendarId() != null || t.type() == io.planwright.core.model.TaskType.FIXED_DURATION || t.manual()
                    || t.duration() == null || t.duration().isElapsed() || t.duration().isPercent() || t.assignments().isEmpty()) {
                continue;
            }
            long duration = t.duration().minutes(wt);
            if (duration <= 0) {
                continue;
            }
            List<long[]> spans = new java.util.ArrayList<>();
            boolean differs = false;
            for (io.planwright.core.model.Assignment a : t.assignments()) {
                io.planwright.core.model.Resource r = resources.get(a.resourceId());
                if (r == null || r.type() != io.planwright.core.model.ResourceType.WORK || !(a.units() > 0)) {
                    continue;
                }
                Integer cal = r.calendarId() == null ? Integer.valueOf(0) : calendarIndex.get(r.calendarId());
                int c = cal == null ? 0 : cal;
                long minutes = a.work() == null || a.work().isElapsed() || a.work().isPercent() ? duration
                        : Math.round(a.work().minutes(wt) / a.units());
                differs |= c != 0 || minutes != duration;
                spans.add(new long[] {c, minutes});
            }
            if (differs) {
                for (long[] sp : spans) {
                    b.assignmentSpan(i, (int) sp[0], sp[1]);
                }
            }
        }
    }
}
