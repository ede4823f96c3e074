package io.planwright.core.overview;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * What a project manager looks at first, computed once for every face (the dashboard, the portfolio,
 * the CLI and the status reports): the float of the finish, the next milestones, the critical work
 * ahead, and how far each KPI has come.
 */
public final class PlanOverview {

    private PlanOverview() {
    }

    /**
     * The float of the finish in working days of the plan's calendar (holidays count as they do in the
     * schedule): how far the finish can slip before the plan's target finish; negative when a deadline, a
     * constraint or the target cannot be met (the most negative float of any task). Null when the plan has
     * no target finish and meets every date.
     */
    public static Double finishFloatDays(Plan plan, PlanSchedule schedule) {
        long least = Long.MAX_VALUE;
        for (ScheduledTask t : schedule.tasks()) {
            if (t.type() != ScheduledTask.Kind.SUMMARY && !t.done()) {
                least = Math.min(least, t.totalFloatMinutes());
            }
        }
        double perDay = plan.workTime().minutesPerDay();
        if (least < 0) {
            return least / perDay;
        }
        if (plan.finish() != null && plan.scheduleFrom() != ScheduleFrom.FINISH && schedule.finish() != null) {
            try {
                WorkingTime time = PlanCalendars.planCalendar(plan);
                return time.workBetween(WorkingTime.minutes(schedule.finish()), WorkingTime.minutes(plan.finish())) / perDay;
            } catch (CalendarRangeException e) {
                return null;
            }
        }
        return null;
    }

    /** Working days between two moments on the plan's calendar (negative when {@code to} comes first). */
    public static double workingDaysBetween(Plan plan, LocalDateTime from, LocalDateTime to) {
        WorkingTime time = PlanCalendars.planCalendar(plan);
        return time.workBetween(WorkingTime.minutes(from), WorkingTime.minutes(to)) / (double) plan.workTime().minutesPerDay();
    }

    /** The next milestones from a moment on, soonest first. */
    public static List<ScheduledTask> nextMilestones(PlanSchedule schedule, LocalDateTime from, int count) {
        return schedule.tasks().stream().filter(t -> t.type() == ScheduledTask.Kind.MILESTONE && !t.done() && !t.finish().isBefore(from))
                .sorted(Comparator.comparing(ScheduledTask::finish)).limit(count).toList();
    }

    /** Critical work not yet finished by a moment, earliest start first. */
    public static List<ScheduledTask> criticalAhead(PlanSchedule schedule, LocalDateTime from, int count) {
        return schedule.tasks().stream().filter(t -> t.critical() && t.type() != ScheduledTask.Kind.SUMMARY && !t.finish().isBefore(from))
                .sorted(Comparator.comparing(ScheduledTask::start)).limit(count).toList();
    }

    /** How far a KPI has come from its baseline to its target, 0 to 100, or null when that cannot be told. */
    public static Integer kpiProgress(Kpi k) {
        if (k.target() == null || k.current() == null) {
            return null;
        }
        double from = k.baseline() == null ? 0 : k.baseline();
        if (k.target().doubleValue() == from) {
            return 100;
        }
        double p = (k.current() - from) / (k.target() - from) * 100;
        return (int) Math.round(Math.max(0, Math.min(100, p)));
    }
}
