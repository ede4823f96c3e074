package io.planwright.core.schedule;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deadline a schedule misses: a task's (a phase's too) or the plan's target finish, with how many
 * working minutes late. What leveling, a change or a scenario newly breaks is the difference of two lists.
 *
 * @param taskId null for the plan's target finish
 */
public record MissedDeadline(String taskId, String name, LocalDateTime deadline, LocalDateTime finish, long lateMinutes) {

    /** Every deadline the schedule misses, in WBS order, the plan's target finish last. */
    public static List<MissedDeadline> of(PlanSchedule s) {
        Plan plan = s.plan();
        List<MissedDeadline> out = new ArrayList<>();
        Map<String, WorkingTime> calendars = new HashMap<>();
        for (ScheduledTask st : s.tasks()) {
            Task t = plan.task(st.id()).orElse(null);
            if (t == null || t.deadline() == null || st.finish() == null || !st.finish().isAfter(t.deadline())) {
                continue;
            }
            String id = PlanCalendars.taskCalendarId(plan, t.calendarId());
            out.add(new MissedDeadline(t.id(), t.name(), t.deadline(), st.finish(), late(plan, calendars, id, t.deadline(), st.finish())));
        }
        if (plan.scheduleFrom() == ScheduleFrom.START && plan.finish() != null && s.finish() != null && s.finish().isAfter(plan.finish())) {
            out.add(new MissedDeadline(null, "the plan's target finish", plan.finish(), s.finish(),
                    late(plan, calendars, plan.effectiveCalendarId(), plan.finish(), s.finish())));
        }
        return List.copyOf(out);
    }

    /** The deadlines {@code after} misses that {@code before} met, or misses by more. */
    public static List<MissedDeadline> newlyMissed(PlanSchedule before, PlanSchedule after) {
        Map<String, Long> was = new HashMap<>();
        for (MissedDeadline m : of(before)) {
            was.put(String.valueOf(m.taskId()), m.lateMinutes());
        }
        List<MissedDeadline> out = new ArrayList<>();
        for (MissedDeadline m : of(after)) {
            Long earlier = was.get(String.valueOf(m.taskId()));
            if (earlier == null || m.lateMinutes() > earlier) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private static long late(Plan plan, Map<String, WorkingTime> calendars, String calendarId, LocalDateTime deadline, LocalDateTime finish) {
        try {
            WorkingTime time = calendars.computeIfAbsent(calendarId, id -> PlanCalendars.calendar(plan, id));
            return Math.max(0, time.workBetween(WorkingTime.minutes(deadline), WorkingTime.minutes(finish)));
        } catch (CalendarRangeException e) {
            return 0;
        }
    }

    /** "3 working days", "4 working hours". */
    public String lateText() {
        return Durations.words(lateMinutes);
    }
}
