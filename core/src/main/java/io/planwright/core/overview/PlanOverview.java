package io.planwright.core.overview;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import io.planwright.core.model.Task;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** A KPI with its objective and how far it has come ({@link #kpiProgress}). */
    public record KpiStatus(String objectiveId, String objective, String kpiId, String name, String unit, Double baseline, Double target,
                            Double current, Integer progress) {
    }

    /** Every KPI of the plan's objectives, in their order, with its progress. */
    public static List<KpiStatus> kpis(Plan plan) {
        List<KpiStatus> out = new ArrayList<>();
        plan.objectives().forEach(o -> {
            for (Kpi k : o.kpis()) {
                out.add(new KpiStatus(o.id(), o.name(), k.id(), k.name(), k.unit(), k.baseline(), k.target(), k.current(), kpiProgress(k)));
            }
        });
        return out;
    }

    /**
     * The moment the overview looks ahead from: the plan's status date, else its start, else the schedule's
     * start (null schedule: none), else 1 January 1900.
     */
    public static LocalDateTime asOf(Plan plan, PlanSchedule schedule) {
        return plan.statusDate() != null ? plan.statusDate() : plan.start() != null ? plan.start()
                : schedule != null && schedule.start() != null ? schedule.start() : LocalDateTime.of(1900, 1, 1, 0, 0);
    }

    /** A plan at a glance, as the portfolio lists it. */
    public enum Health {
        /** It has errors. */
        PROBLEMS,
        /** The finish has negative float: a date cannot be met. */
        LATE,
        /** Less than {@value #AT_RISK_DAYS} working days of float at the finish. */
        AT_RISK,
        /** Enough float, or no target finish. */
        ON_TRACK;

        /** Under this many working days of float at the finish, a plan is at risk. */
        public static final int AT_RISK_DAYS = 5;
    }

    /** The plan's health from its number of errors and the float of its finish ({@link #finishFloatDays}, null: no target). */
    public static Health health(int errors, Double finishFloatDays) {
        if (errors > 0) {
            return Health.PROBLEMS;
        }
        if (finishFloatDays != null && finishFloatDays < 0) {
            return Health.LATE;
        }
        if (finishFloatDays != null && finishFloatDays < Health.AT_RISK_DAYS) {
            return Health.AT_RISK;
        }
        return Health.ON_TRACK;
    }
}
