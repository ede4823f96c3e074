package io.planwright.core.track;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MS Project's Update Project ("update work as complete through"): the work the schedule put before a
 * date is recorded as done. A task scheduled to finish by then is 100 % complete with its scheduled
 * dates as its actual ones; a task under way is, by the chosen rule, given the share of its working
 * time elapsed, or left at 0 % until it finishes. Progress already reported never goes down, actual
 * dates already reported are kept, and the plan's status date becomes that date.
 */
public final class ProgressUpdate {

    private ProgressUpdate() {
    }

    /** How a task under way at the date is updated. */
    public enum Rule {
        /** Percent complete from 0 to 100: the share of its working time before the date (MS Project's default). */
        SHARE_ELAPSED,
        /** 0 % or 100 % only: a task counts as done when it finishes by the date. */
        ZERO_OR_HUNDRED
    }

    /** What an update changed, for the revision's message and the CLI's report. */
    public record Result(Plan plan, List<String> completed, List<String> advanced) {

        public boolean changed() {
            return !completed.isEmpty() || !advanced.isEmpty();
        }
    }

    /**
     * The plan with no progress reported: every task at 0 % without actual dates, physical progress or remaining
     * duration, every assignment without actual or remaining work or actual cost, and no status date. Its
     * baselines stay. (The plan as it stood before work began, to re-run progress from.)
     */
    public static Plan cleared(Plan plan) {
        java.util.List<io.planwright.core.model.Task> tasks = new java.util.ArrayList<>();
        for (io.planwright.core.model.Task t : plan.tasks()) {
            java.util.List<io.planwright.core.model.Assignment> as = new java.util.ArrayList<>();
            t.assignments().forEach(a -> as.add(new io.planwright.core.model.Assignment(a.resourceId(), a.units(), a.work())));
            tasks.add(t.toBuilder().percentComplete(0).actualStart(null).actualFinish(null).physicalPercentComplete(null)
                    .remainingDuration(null).assignments(as).build());
        }
        return plan.toBuilder().statusDate(null).tasks(tasks).build();
    }

    public static Result asOf(Plan plan, PlanSchedule schedule, LocalDateTime date, Rule rule) {
        Wbs wbs = Wbs.of(plan);
        Map<String, WorkingTime> calendars = new HashMap<>();
        List<Task> tasks = new ArrayList<>(plan.tasks().size());
        List<String> completed = new ArrayList<>();
        List<String> advanced = new ArrayList<>();
        for (int i = 0; i < wbs.size(); i++) {
            Task t = wbs.task(i);
            ScheduledTask s = schedule.task(t.id()).orElse(null);
            if (wbs.isSummary(i) || s == null || t.actualFinish() != null || s.start().isAfter(date) || s.start().equals(date) && !t.milestone()) {
                tasks.add(t);
                continue;
            }
            Task.Builder b = t.toBuilder();
            LocalDateTime start = t.actualStart() != null ? t.actualStart() : s.start();
            if (!s.finish().isAfter(date)) {
                tasks.add(b.percentComplete(100).actualStart(start).actualFinish(s.finish()).build());
                completed.add(t.id());
                continue;
            }
            if (rule == Rule.ZERO_OR_HUNDRED) {
                tasks.add(t);
                continue;
            }
            WorkingTime cal = calendars.computeIfAbsent(PlanCalendars.taskCalendarId(plan, t.calendarId()), id -> PlanCalendars.calendar(plan, id));
            long from = WorkingTime.minutes(s.start());
            long total = cal.workBetween(from, WorkingTime.minutes(s.finish()));
            double share = total <= 0 ? 0 : Math.floor(100.0 * cal.workBetween(from, WorkingTime.minutes(date)) / total);
            double percent = Math.max(t.percentComplete(), Math.min(99, share));
            if (percent > t.percentComplete() || t.actualStart() == null) {
                advanced.add(t.id());
            }
            tasks.add(b.percentComplete(percent).actualStart(start).build());
        }
        Plan updated = plan.toBuilder().tasks(tasks).statusDate(date).build();
        return new Result(updated, List.copyOf(completed), List.copyOf(advanced));
    }
}
