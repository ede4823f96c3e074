package io.planwright.server.plans;

import io.planwright.core.model.Charter;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Plan;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.WorkTime;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The plan's own fields and its charter: everything of a plan that is not a collection.
 * {@code rescheduleRemaining}: the work left of a started task that is behind resumes at the status date.
 */
public record PlanSettings(String name, String description, LocalDateTime start, LocalDateTime finish, ScheduleFrom scheduleFrom,
                           LocalDateTime statusDate, ZoneId timeZone, String currency, String calendarId, WorkTime workTime,
                           Distribution defaultDistribution, Charter charter, List<String> roles, boolean rescheduleRemaining) {

    public PlanSettings {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static PlanSettings of(Plan p) {
        return new PlanSettings(p.name(), p.description(), p.start(), p.finish(), p.scheduleFrom(), p.statusDate(), p.timeZone(),
                p.currency(), p.calendarId(), p.workTime(), p.defaultDistribution(), p.charter(), p.roles(), p.rescheduleRemaining());
    }

    /** The plan with these settings and its own collections. */
    public Plan.Builder applyTo(Plan.Builder b) {
        return b.name(name).description(description).start(start).finish(finish).scheduleFrom(scheduleFrom).statusDate(statusDate)
                .timeZone(timeZone).currency(currency).calendarId(calendarId).workTime(workTime).defaultDistribution(defaultDistribution)
                .charter(charter).roles(roles).rescheduleRemaining(rescheduleRemaining);
    }
}
