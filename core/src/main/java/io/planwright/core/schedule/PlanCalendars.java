package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Plan;
import io.planwright.core.model.WorkCalendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's calendars compiled as the scheduler compiles them, and the one rule for where their working
 * minutes are counted from (the anchor day) and where the plan starts when it gives no start.
 */
public final class PlanCalendars {

    private PlanCalendars() {
    }

    /** The day working-minute ordinals count from: the plan's start, else its finish, else a fixed Monday. */
    public static LocalDate anchorDay(Plan plan) {
        if (plan.start() != null) {
            return plan.start().toLocalDate();
        }
        if (plan.finish() != null) {
            return plan.finish().toLocalDate();
        }
        return LocalDate.of(2000, 1, 3);
    }

    /** The plan start; without one, a plan scheduled from its finish starts there, others on a fixed Monday. */
    public static LocalDateTime planStart(Plan plan) {
        if (plan.start() != null) {
            return plan.start();
        }
        if (plan.finish() != null) {
            return plan.finish();
        }
        return LocalDateTime.of(2000, 1, 3, 8, 0);
    }

    /** The plan's default calendar. */
    public static WorkingTime planCalendar(Plan plan) {
        return calendar(plan, plan.effectiveCalendarId());
    }

    /** One of the plan's calendars by id (the standard week when the plan has none of that id). */
    public static WorkingTime calendar(Plan plan, String id) {
        Map<String, WorkCalendar> byId = new LinkedHashMap<>();
        for (WorkCalendar c : plan.calendars()) {
            byId.putIfAbsent(c.id(), c);
        }
        WorkCalendar c = byId.getOrDefault(id, WorkCalendar.standard(id));
        byId.putIfAbsent(id, c);
        return WorkingTime.compile(c, byId, anchorDay(plan));
    }

    /** A task's calendar: its own where the plan has it, else the plan's. */
    public static WorkingTime ofTask(Plan plan, String calendarId) {
        return calendar(plan, taskCalendarId(plan, calendarId));
    }

    /** The id of a task's calendar: its own where the plan has it, else the plan's default. */
    public static String taskCalendarId(Plan plan, String calendarId) {
        return calendarId != null && plan.calendar(calendarId).isPresent() ? calendarId : plan.effectiveCalendarId();
    }
}
