package io.planwright.core.track;

import io.planwright.core.calendar.Moments;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A team member's side of tracking: the work assigned to them that is due now ("My work": the week of
 * the status date and the next one, what is overdue first), and the progress they report on it, applied
 * to the plan once a project manager accepts it (the member's actual and remaining work on the task, the
 * task's percent complete, and its actual start and finish as of the status date).
 */
public final class TeamProgress {

    private TeamProgress() {
    }

    /**
     * Progress a member reports on one task, for their own assignment; a field left null is not reported.
     *
     * @param percentComplete the task's percent complete, 0 to 100
     */
    public record Report(String taskId, String resourceId, Duration actualWork, Duration remainingWork, Double percentComplete) {
    }

    /**
     * One task of a member's work: its scheduled dates, the member's planned, actual and remaining work
     * (hours planned; actual and remaining as reported, or null), and the task's percent complete.
     */
    public record WorkItem(String taskId, String name, LocalDateTime start, LocalDateTime finish, boolean overdue, double plannedWorkHours,
                           Duration actualWork, Duration remainingWork, double percentComplete) {
    }

    /** The day progress is counted up to: the plan's status date, else {@code today}. */
    public static LocalDate asOfDay(Plan plan, LocalDate today) {
        return plan.statusDate() == null ? today : Moments.day(plan.statusDate(), Moments.Edge.FINISH);
    }

    /**
     * The tasks assigned to {@code resourceId} that are not done and are scheduled in the week of
     * {@code day} (from its Monday) or the next one, with those that should have finished by the end of
     * {@code day} first (overdue), then by start.
     */
    public static List<WorkItem> myWork(Plan plan, PlanSchedule schedule, String resourceId, LocalDate day) {
        LocalDateTime from = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
        LocalDateTime to = from.plusWeeks(2);
        LocalDateTime due = Moments.of(day, Moments.Edge.FINISH);
        List<WorkItem> out = new ArrayList<>();
        for (Task t : plan.tasks()) {
            Assignment a = assignment(t, resourceId);
            ScheduledTask st = schedule.byId().get(t.id());
            if (a == null || st == null || st.type() == ScheduledTask.Kind.SUMMARY || isDone(t, st)) {
                continue;
            }
            boolean overdue = st.finish().isBefore(due);
            boolean inWindow = st.start().isBefore(to) && !st.finish().isBefore(from);
            if (overdue || inWindow) {
                out.add(new WorkItem(t.id(), t.name(), st.start(), st.finish(), overdue, Costs.workHours(plan, a, st), a.actualWork(),
                        a.remainingWork(), t.percentComplete()));
            }
        }
        out.sort(Comparator.comparing((WorkItem w) -> !w.overdue()).thenComparing(WorkItem::start).thenComparing(WorkItem::finish));
        return List.copyOf(out);
    }

    /** The resource's assignment on the task, or null when the resource is not assigned to it. */
    public static Assignment assignment(Task task, String resourceId) {
        for (Assignment a : task.assignments()) {
            if (a.resourceId().equals(resourceId)) {
                return a;
            }
        }
        return null;
    }

    static boolean isDone(Task t, ScheduledTask st) {
        return t.actualFinish() != null || t.percentComplete() >= 100 || st.done();
    }

    /**
     * The plan with the reports applied in order, as of {@code day}: each sets the reporting resource's
     * actual and remaining work on the task and the task's percent complete (what it reports); a task
     * with progress and no actual start starts at the start of {@code day}; a task reported 100 % complete
     * finishes at its end (or at its actual start, if that is later), with no work remaining; a finished
     * task reported below 100 % is open again. Reports on tasks the plan no longer has, or no longer
     * assigns to the resource, are left out.
     */
    public static Plan apply(Plan plan, List<Report> reports, LocalDate day) {
        Map<String, Task> changed = new HashMap<>();
        for (Report r : reports) {
            Task t = changed.containsKey(r.taskId()) ? changed.get(r.taskId()) : plan.task(r.taskId()).orElse(null);
            if (t == null || assignment(t, r.resourceId()) == null) {
                continue;
            }
            changed.put(t.id(), apply(t, r, day));
        }
        if (changed.isEmpty()) {
            return plan;
        }
        List<Task> tasks = new ArrayList<>(plan.tasks().size());
        for (Task t : plan.tasks()) {
            tasks.add(changed.getOrDefault(t.id(), t));
        }
        return plan.toBuilder().tasks(tasks).build();
    }

    static Task apply(Task t, Report r, LocalDate day) {
        double percent = r.percentComplete() == null ? t.percentComplete() : r.percentComplete();
        boolean complete = percent >= 100;
        List<Assignment> assignments = new ArrayList<>();
        for (Assignment a : t.assignments()) {
            if (a.resourceId().equals(r.resourceId())) {
                Duration actual = r.actualWork() == null ? a.actualWork() : r.actualWork();
                Duration remaining = r.remainingWork() != null ? r.remainingWork() : complete ? Duration.hours(0) : a.remainingWork();
                a = new Assignment(a.resourceId(), a.units(), a.work(), actual, remaining, a.actualCost());
            }
            assignments.add(a);
        }
        Task.Builder b = t.toBuilder().assignments(assignments).percentComplete(percent);
        boolean progress = percent > 0 || (r.actualWork() != null && !r.actualWork().isZero());
        LocalDateTime start = t.actualStart();
        if (progress && start == null) {
            start = Moments.of(day, Moments.Edge.START);
            b.actualStart(start);
        }
        if (complete) {
            if (t.actualFinish() == null) {
                LocalDateTime end = Moments.of(day, Moments.Edge.FINISH);
                b.actualFinish(start != null && start.isAfter(end) ? start : end);
            }
            if (t.remainingDuration() != null) {
                b.remainingDuration(Duration.ZERO);
            }
        } else if (r.percentComplete() != null && t.actualFinish() != null) {
            b.actualFinish(null);
        }
        return b.build();
    }
}
