package io.planwright.core.track;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the plan stands against a baseline, per task, phase and the plan: the variance of start,
 * finish and duration in working days of the task's calendar (positive: later or longer than the
 * baseline, as MS Project's Start Variance and Finish Variance), of work in hours and of cost. A value
 * the baseline did not record has no variance (null); a task added after the baseline has none.
 */
public final class Variance {

    private Variance() {
    }

    /**
     * One line of the variance table.
     *
     * @param kind the plan, a phase, a task or a milestone
     */
    public record Line(String id, String name, EarnedValue.Kind kind, int depth, LocalDateTime baselineStart, LocalDateTime baselineFinish,
                       LocalDateTime start, LocalDateTime finish, Double startDays, Double finishDays, Double durationDays,
                       Double workHours, Double cost) {
    }

    /** The variance table: the plan first, then every task in WBS order. */
    public static List<Line> of(Plan plan, PlanSchedule schedule, Baseline baseline) {
        Map<String, BaselineTask> base = new HashMap<>();
        baseline.tasks().forEach(b -> base.put(b.taskId(), b));
        Map<String, Double> costs = Costs.taskCosts(plan, schedule);
        Map<String, Double> hours = Costs.taskWork(plan, schedule);
        double perDay = plan.workTime().minutesPerDay();
        WorkingTime planCalendar = PlanCalendars.planCalendar(plan);
        Map<String, WorkingTime> calendars = new HashMap<>();
        Wbs wbs = Wbs.of(plan);
        double[] work = new double[wbs.size()];
        double[] cost = new double[wbs.size()];
        for (int i = wbs.size() - 1; i >= 0; i--) {   // children come after their parents: roll up backwards
            Task t = wbs.task(i);
            if (!wbs.isSummary(i)) {
                cost[i] = costs.getOrDefault(t.id(), 0.0);
                work[i] = hours.getOrDefault(t.id(), 0.0);
            }
            if (wbs.parent(i) >= 0) {
                work[wbs.parent(i)] += work[i];
                cost[wbs.parent(i)] += cost[i];
            }
        }
        List<Line> out = new ArrayList<>();
        LocalDateTime baseStart = base.values().stream().map(BaselineTask::start).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
        LocalDateTime baseFinish = Baselines.finish(baseline);
        double baseCost = baseline.tasks().stream().filter(b -> b.cost() != null && wbs.indexOf(b.taskId()) >= 0 && !wbs.isSummary(wbs.indexOf(b.taskId())))
                .mapToDouble(b -> b.cost().doubleValue()).sum();
        double planWork = 0;
        double planCost = 0;
        for (int i = 0; i < wbs.size(); i++) {
            if (wbs.parent(i) < 0) {
                planWork += work[i];
                planCost += cost[i];
            }
        }
        out.add(new Line(null, plan.name(), EarnedValue.Kind.PLAN, 0, baseStart, baseFinish, schedule.start(), schedule.finish(),
                days(planCalendar, baseStart, schedule.start(), perDay), days(planCalendar, baseFinish, schedule.finish(), perDay),
                null, null, baseStart == null ? null : planCost - baseCost));
        for (int i = 0; i < wbs.size(); i++) {
            Task t = wbs.task(i);
            ScheduledTask s = schedule.task(t.id()).orElse(null);
            BaselineTask b = base.get(t.id());
            EarnedValue.Kind kind = wbs.isSummary(i) ? EarnedValue.Kind.PHASE : t.milestone() ? EarnedValue.Kind.MILESTONE : EarnedValue.Kind.TASK;
            if (s == null || b == null) {
                out.add(new Line(t.id(), t.name(), kind, wbs.depth(i) + 1, null, null, s == null ? null : s.start(), s == null ? null : s.finish(),
                        null, null, null, null, null));
                continue;
            }
            WorkingTime cal = calendars.computeIfAbsent(PlanCalendars.taskCalendarId(plan, t.calendarId()), id -> PlanCalendars.calendar(plan, id));
            Double duration = b.duration() == null || s.elapsed() ? null
                    : (s.durationMinutes() - b.duration().minutes(plan.workTime())) / perDay;
            out.add(new Line(t.id(), t.name(), kind, wbs.depth(i) + 1, b.start(), b.finish(), s.start(), s.finish(),
                    days(cal, b.start(), s.start(), perDay), days(cal, b.finish(), s.finish(), perDay), duration,
                    b.work() == null ? null : work[i] - b.work().minutes(plan.workTime()) / 60.0,
                    b.cost() == null ? null : cost[i] - b.cost().doubleValue()));
        }
        return out;
    }

    /** The tasks (not phases) that finish more than {@code thresholdDays} working days after their baseline, latest first. */
    public static List<Line> slipped(List<Line> lines, double thresholdDays) {
        return lines.stream()
                .filter(l -> l.kind() == EarnedValue.Kind.TASK || l.kind() == EarnedValue.Kind.MILESTONE)
                .filter(l -> l.finishDays() != null && l.finishDays() > thresholdDays + 1e-9)
                .sorted(Comparator.comparingDouble(Line::finishDays).reversed())
                .toList();
    }

    private static Double days(WorkingTime cal, LocalDateTime baseline, LocalDateTime now, double perDay) {
        if (baseline == null || now == null) {
            return null;
        }
        return cal.workBetween(WorkingTime.minutes(baseline), WorkingTime.minutes(now)) / perDay;
    }
}
