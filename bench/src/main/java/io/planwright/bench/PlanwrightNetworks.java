package io.planwright.bench;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.schedule.NetworkBuilder;
import io.planwright.core.schedule.ScheduleNetwork;

import java.util.ArrayList;
import java.util.List;

/** Feeds a generated network to Planwright's engine. */
public final class PlanwrightNetworks {

    private PlanwrightNetworks() {
    }

    public static WorkCalendar calendar(GeneratedNetwork g) {
        List<CalendarException> holidays = new ArrayList<>();
        g.holidays().forEach(d -> holidays.add(CalendarException.holiday("Holiday", d)));
        return WorkCalendar.standard("standard").withExceptions(holidays);
    }

    public static ScheduleNetwork build(GeneratedNetwork g) {
        WorkingTime cal = WorkingTime.compile(calendar(g), g.start().toLocalDate());
        NetworkBuilder b = new NetworkBuilder(new WorkingTime[] {cal}, WorkingTime.minutes(g.start()), g.tasks(), g.links());
        for (int i = 0; i < g.tasks(); i++) {
            b.addTask(g.duration()[i]);
        }
        LinkType[] types = LinkType.values();
        for (int k = 0; k < g.links(); k++) {
            b.link(g.linkPred()[k], g.linkSucc()[k], types[g.linkType()[k]], g.linkLag()[k]);
        }
        return b.build();
    }
}
