package io.planwright.core.level;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of each work resource a schedule asks for, day by day: the peak units at any moment of the
 * day (1.0 = 100 %) against the resource's maximum, as MS Project's resource graph shows it.
 */
public final class ResourceUsage {

    /** One resource's days: from the first day it works to the last, the peak units of each day. */
    public record Usage(String resourceId, String name, double maxUnits, LocalDate firstDay, double[] peak) {
        public boolean overallocated() {
            for (double p : peak) {
                if (p > maxUnits + 1e-9) {
                    return true;
                }
            }
            return false;
        }
    }

    private ResourceUsage() {
    }

    static Map<String, Resource> workResources(Plan plan) {
        Map<String, Resource> work = new LinkedHashMap<>();
        plan.resources().stream().filter(r -> r.type() == ResourceType.WORK).forEach(r -> work.put(r.id(), r));
        return work;
    }

    /**
     * For each work resource, how its units change (in hundredths) at each moment a task that does work
     * starts or finishes; without the tasks that are done, when {@code skipDone}.
     */
    static Map<String, TreeMap<LocalDateTime, Integer>> changes(Plan plan, PlanSchedule schedule, Map<String, Resource> work, boolean skipDone) {
        Map<String, ScheduledTask> rows = new HashMap<>();
        schedule.tasks().forEach(t -> rows.put(t.id(), t));
        Map<String, TreeMap<LocalDateTime, Integer>> changes = new LinkedHashMap<>();
        for (Task t : plan.tasks()) {
            ScheduledTask s = rows.get(t.id());
            if (s == null || s.type() != ScheduledTask.Kind.TASK || !s.finish().isAfter(s.start()) || skipDone && t.actualFinish() != null) {
                continue;
            }
            for (Assignment a : t.assignments()) {
                if (work.containsKey(a.resourceId()) && a.units() > 0) {
                    int units = (int) Math.round(a.units() * 100);
                    TreeMap<LocalDateTime, Integer> c = changes.computeIfAbsent(a.resourceId(), k -> new TreeMap<>());
                    c.merge(s.start(), units, Integer::sum);
                    c.merge(s.finish(), -units, Integer::sum);
                }
            }
        }
        return changes;
    }

    public static List<Usage> byDay(Plan plan, PlanSchedule schedule) {
        Map<String, Resource> work = workResources(plan);
        Map<String, TreeMap<LocalDateTime, Integer>> changes = changes(plan, schedule, work, false);
        List<Usage> out = new ArrayList<>();
        for (Resource r : work.values()) {
            TreeMap<LocalDateTime, Integer> c = changes.get(r.id());
            if (c == null) {
                continue;
            }
            LocalDate first = c.firstKey().toLocalDate();
            LocalDate last = c.lastKey().toLocalDate();
            int days = (int) Math.min(100_000, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
            double[] peak = new double[days];
            int level = 0;
            LocalDateTime previous = null;
            for (Map.Entry<LocalDateTime, Integer> e : c.entrySet()) {
                if (previous != null && level > 0 && e.getKey().isAfter(previous)) {
                    // the level held from previous to this moment: on every day it touches
                    LocalDate to = e.getKey().toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? e.getKey().toLocalDate().minusDays(1)
                            : e.getKey().toLocalDate();
                    for (LocalDate d = previous.toLocalDate(); !d.isAfter(to); d = d.plusDays(1)) {
                        int i = (int) java.time.temporal.ChronoUnit.DAYS.between(first, d);
                        if (i >= 0 && i < days) {
                            peak[i] = Math.max(peak[i], level / 100.0);
                        }
                    }
                }
                level += e.getValue();
                previous = e.getKey();
            }
            out.add(new Usage(r.id(), r.name(), r.maxUnits(), first, peak));
        }
        return out;
    }
}
