package io.planwright.formats.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the schedule's rows add after their own columns: each task's progress (percent complete, a summary's
 * rolled up from its tasks' durations as MS Project does; actual
 * start and finish, as the schedule holds them), where it stands against the main baseline (its baseline start and finish, and the
 * finish variance in working hours of the task's calendar, positive when later), and its work and cost
 * (forecast and actual, as core's {@link Costs} counts them; a summary's are its tasks' added up). Worked
 * out once per schedule written.
 */
final class ScheduleProgress {

    /** One row's figures; null where there is none (no baseline, not started). */
    record Row(double percentComplete, LocalDateTime actualStart, LocalDateTime actualFinish, LocalDateTime baselineStart,
               LocalDateTime baselineFinish, Long finishVarianceMinutes, double workHours, double cost, double actualCost) {
    }

    private static final Row NONE = new Row(0, null, null, null, null, null, 0, 0, 0);

    private final Row[] rows;

    private ScheduleProgress(Row[] rows) {
        this.rows = rows;
    }

    static ScheduleProgress of(PlanSchedule s) {
        Plan plan = s.plan();
        List<ScheduledTask> tasks = s.tasks();
        Map<String, Task> byId = new HashMap<>(plan.tasks().size() * 2);
        plan.tasks().forEach(t -> byId.putIfAbsent(t.id(), t));
        Baseline baseline = plan.baselines().isEmpty() ? null : plan.baselines().get(0);
        Map<String, BaselineTask> base = new HashMap<>();
        if (baseline != null) {
            baseline.tasks().forEach(b -> base.putIfAbsent(b.taskId(), b));
        }
        Map<String, WorkingTime> calendars = new HashMap<>();
        Map<String, Resource> resources = Costs.resourcesById(plan);
        // work and cost of the tasks that do work, added up into every summary above them, and their duration and
        // the part of it done, for a summary's percent complete (MS Project's: its tasks' duration done over their duration)
        Map<String, double[]> figures = new HashMap<>(tasks.size() * 2);
        for (ScheduledTask st : tasks) {
            Task t = byId.get(st.id());
            if (t == null || st.type() == ScheduledTask.Kind.SUMMARY) {
                continue;
            }
            double share = Costs.shareDone(t);
            double[] f = {Costs.taskWork(plan, resources, t, st), Costs.taskCost(plan, resources, t, st),
                    Costs.actualCost(plan, resources, t, st, share), st.durationMinutes() * share, st.durationMinutes(), share >= 1 ? 0 : 1};
            Set<String> seen = new HashSet<>();
            for (Task up = t; up != null && seen.add(up.id()); up = up.parentId() == null ? null : byId.get(up.parentId())) {
                double[] sum = figures.computeIfAbsent(up.id(), k -> new double[6]);
                for (int k = 0; k < f.length; k++) {
                    sum[k] += f[k];
                }
            }
        }
        Row[] rows = new Row[tasks.size()];
        for (int i = 0; i < rows.length; i++) {
            ScheduledTask st = tasks.get(i);
            Task t = byId.get(st.id());
            BaselineTask b = base.get(st.id());
            if (t == null) {
                rows[i] = NONE;
                continue;
            }
            Long variance = null;
            WorkingTime cal = b == null ? null
                    : calendars.computeIfAbsent(PlanCalendars.taskCalendarId(plan, t.calendarId()), id -> PlanCalendars.calendar(plan, id));
            if (b != null && b.finish() != null && st.finish() != null) {
                variance = cal.workBetween(WorkingTime.minutes(b.finish()), WorkingTime.minutes(st.finish()));
            }
            // the actual and baseline dates as the schedule holds dates (a date given alone moved into working time,
            // as the start and finish columns show it: a baseline finish of 2027-01-15 is that day's 17:00, not the 16th)
            double[] f = figures.getOrDefault(st.id(), new double[6]);
            double percent = t.percentComplete();
            if (st.type() == ScheduledTask.Kind.SUMMARY) {
                // rolled up: the duration done over the duration; a phase of milestones alone is done when all of them are
                percent = f[4] > 0 ? Math.round(f[3] / f[4] * 1000) / 10.0 : f[5] == 0 && figures.containsKey(st.id()) ? 100 : 0;
            }
            rows[i] = new Row(percent, t.actualStart() == null ? null : st.start(), t.actualFinish() == null ? null : st.finish(),
                    b == null ? null : working(cal, b.start(), true), b == null ? null : working(cal, b.finish(), false), variance, f[0], f[1], f[2]);
        }
        return new ScheduleProgress(rows);
    }

    Row row(int i) {
        return i < rows.length ? rows[i] : NONE;
    }

    /** A date given alone (midnight) as a working moment: a start the next work start, a finish the previous work finish. */
    private static LocalDateTime working(WorkingTime cal, LocalDateTime t, boolean start) {
        if (t == null || !t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return t;
        }
        long m = WorkingTime.minutes(t);
        return WorkingTime.dateTime(start ? cal.nextWorkStart(m) : cal.previousWorkFinish(m));
    }
}
