package io.planwright.core.alignment;

import io.planwright.core.cost.Costs;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanSchedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the plan's work serves its objectives: a task serves the objectives it names, those of its phases,
 * and those of the deliverables it (or a phase of it) belongs to. Work that serves none is a candidate
 * for scope creep; an objective no work serves is not being worked towards.
 */
public final class Alignment {

    private Alignment() {
    }

    /** One objective with the work that serves it (a task serving two objectives counts for both). */
    public record Served(Objective objective, List<String> taskIds, double workHours, double cost) {
    }

    /**
     * The alignment report.
     *
     * @param objectives     every objective, in the plan's order, with its work
     * @param untraced       tasks doing work that serve no objective
     * @param untracedHours  their hours of work
     * @param untracedCost   their cost
     * @param withoutWork    objectives no task serves
     */
    public record Report(List<Served> objectives, List<String> untraced, double untracedHours, double untracedCost, List<Objective> withoutWork) {
    }

    /** The objectives each task that does work (not a phase) serves, in the plan's order of tasks; empty sets for untraced work. */
    public static Map<String, Set<String>> objectivesOf(Plan plan) {
        Map<String, Set<String>> viaDeliverables = new LinkedHashMap<>();
        for (Deliverable d : plan.deliverables()) {
            for (String t : d.taskIds()) {
                viaDeliverables.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(d.objectiveIds());
            }
        }
        Wbs wbs = Wbs.of(plan);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < wbs.size(); i++) {
            if (wbs.isSummary(i)) {
                continue;
            }
            Set<String> serves = new LinkedHashSet<>();
            for (int a = i; a >= 0; a = wbs.parent(a)) {
                Task t = wbs.task(a);
                serves.addAll(t.objectiveIds());
                serves.addAll(viaDeliverables.getOrDefault(t.id(), Set.of()));
            }
            out.put(wbs.task(i).id(), serves);
        }
        return out;
    }

    public static Report of(Plan plan, PlanSchedule schedule) {
        Map<String, Set<String>> serves = objectivesOf(plan);
        Map<String, Double> costs = Costs.taskCosts(plan, schedule);
        Map<String, Double> work = Costs.taskWork(plan, schedule);
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        plan.objectives().forEach(o -> {
            tasks.put(o.id(), new ArrayList<>());
            sums.put(o.id(), new double[2]);
        });
        List<String> untraced = new ArrayList<>();
        double untracedHours = 0;
        double untracedCost = 0;
        for (Map.Entry<String, Set<String>> e : serves.entrySet()) {
            double h = work.getOrDefault(e.getKey(), 0.0);
            double c = costs.getOrDefault(e.getKey(), 0.0);
            boolean known = false;
            for (String o : e.getValue()) {
                if (tasks.containsKey(o)) {
                    known = true;
                    tasks.get(o).add(e.getKey());
                    sums.get(o)[0] += h;
                    sums.get(o)[1] += c;
                }
            }
            if (!known) {
                untraced.add(e.getKey());
                untracedHours += h;
                untracedCost += c;
            }
        }
        List<Served> objectives = new ArrayList<>();
        List<Objective> withoutWork = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Objective o : plan.objectives()) {
            if (!seen.add(o.id())) {
                continue;
            }
            objectives.add(new Served(o, List.copyOf(tasks.get(o.id())), sums.get(o.id())[0], sums.get(o.id())[1]));
            if (tasks.get(o.id()).isEmpty()) {
                withoutWork.add(o);
            }
        }
        return new Report(objectives, untraced, untracedHours, untracedCost, withoutWork);
    }
}
