package io.planwright.bench;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated network as a whole plan, for measuring the file formats end to end: one summary task
 * per project of a thousand tasks, a phase summary per hundred, the generated tasks with their links
 * and lags, a calendar with public holidays, and twenty people assigned in turn.
 */
public final class PlanGenerator {

    private PlanGenerator() {
    }

    public static Plan plan(GeneratedNetwork g) {
        List<Resource> people = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            people.add(Resource.builder("person-" + r).name("Person " + r).build());
        }
        List<List<Link>> links = new ArrayList<>();
        for (int i = 0; i < g.tasks(); i++) {
            links.add(new ArrayList<>());
        }
        LinkType[] types = LinkType.values();
        for (int k = 0; k < g.links(); k++) {
            long lag = g.linkLag()[k];
            Duration d = lag % 480 == 0 ? Duration.days(lag / 480.0) : Duration.of(lag / 60.0, TimeUnit.HOURS);
            links.get(g.linkSucc()[k]).add(Link.of("t" + g.linkPred()[k], types[g.linkType()[k]], d));
        }
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < g.tasks(); i++) {
            int project = i / NetworkGenerator.PROJECT;
            int phase = i / 100;
            if (i % NetworkGenerator.PROJECT == 0) {
                tasks.add(Task.builder("p" + project).name("Project " + (project + 1)).build());
            }
            if (i % 100 == 0) {
                tasks.add(Task.builder("ph" + phase).parentId("p" + project).name("Phase " + (phase % 10 + 1) + " of project " + (project + 1)).build());
            }
            long minutes = g.duration()[i];
            Task.Builder b = Task.builder("t" + i).parentId("ph" + phase).name("Task " + i)
                    .duration(minutes % 480 == 0 ? Duration.days(minutes / 480.0) : Duration.hours(minutes / 60.0))
                    .milestone(minutes == 0).links(links.get(i));
            if (minutes > 0) {
                b.assignment(new Assignment(people.get(i % people.size()).id(), 1.0, null));
            }
            tasks.add(b.build());
        }
        return Plan.builder("Generated portfolio of " + g.tasks() + " tasks").start(g.start())
                .calendars(List.of(PlanwrightNetworks.calendar(g))).calendarId("standard").resources(people).tasks(tasks).build();
    }
}
