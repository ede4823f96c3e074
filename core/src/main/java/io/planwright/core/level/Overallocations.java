package io.planwright.core.level;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a schedule asks a work resource for more than its maximum units: each stretch of time with the
 * resource, the units asked at the peak, and the tasks that ask them.
 */
public final class Overallocations {

    /** One over-allocation: a resource, from when to when, the units asked (1.0 = 100 %) against its maximum, and the tasks at work then. */
    public record Overallocation(String resourceId, LocalDateTime from, LocalDateTime to, double units, double maxUnits, List<String> taskIds) {
    }

    private Overallocations() {
    }

    public static List<Overallocation> of(Plan plan, PlanSchedule schedule) {
        Map<String, Resource> work = ResourceUsage.workResources(plan);
        Map<String, TreeMap<LocalDateTime, Integer>> changes = ResourceUsage.changes(plan, schedule, work, true);
        // who works on each resource when, to name the tasks of an over-allocation
        Map<String, ScheduledTask> rows = new HashMap<>();
        schedule.tasks().forEach(t -> rows.put(t.id(), t));
        Map<String, List<Object[]>> spans = new HashMap<>();
        for (Task t : plan.tasks()) {
            ScheduledTask s = rows.get(t.id());
            if (s == null || s.type() != ScheduledTask.Kind.TASK || !s.finish().isAfter(s.start()) || t.actualFinish() != null) {
                continue;
            }
            for (Assignment a : t.assignments()) {
                if (work.containsKey(a.resourceId()) && a.units() > 0) {
                    spans.computeIfAbsent(a.resourceId(), k -> new ArrayList<>()).add(new Object[] {s.start(), s.finish(), t.id()});
                }
            }
        }
        List<Overallocation> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDateTime, Integer>> e : changes.entrySet()) {
            Resource r = work.get(e.getKey());
            int capacity = (int) Math.round(r.maxUnits() * 100);
            int level = 0;
            LocalDateTime from = null;
            int peak = 0;
            for (Map.Entry<LocalDateTime, Integer> c : e.getValue().entrySet()) {
                int before = level;
                level += c.getValue();
                if (before <= capacity && level > capacity) {
                    from = c.getKey();
                    peak = level;
                } else if (level > capacity) {
                    peak = Math.max(peak, level);
                } else if (before > capacity && from != null) {
                    out.add(new Overallocation(r.id(), from, c.getKey(), peak / 100.0, r.maxUnits(), tasksBetween(spans.get(r.id()), from, c.getKey())));
                    from = null;
                }
            }
        }
        return out;
    }

    private static List<String> tasksBetween(List<Object[]> spans, LocalDateTime from, LocalDateTime to) {
        TreeSet<String> ids = new TreeSet<>();
        for (Object[] s : spans) {
            if (((LocalDateTime) s[0]).isBefore(to) && ((LocalDateTime) s[1]).isAfter(from)) {
                ids.add((String) s[2]);
            }
        }
        return List.copyOf(ids);
    }
}
