package io.planwright.core.cost;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan costs: each task that does work (fixed cost, work at the standard rate, costs per use,
 * material), each phase (its tasks' costs) against its budget, and the plan; the budget is what the main
 * baseline recorded.
 */
public final class Costs {

    private Costs() {
    }

    /** The forecast cost of each task that does work (not summaries): fixed cost, work at the standard rate, costs per use, material. */
    public static Map<String, Double> taskCosts(Plan plan, PlanSchedule schedule) {
        Map<String, Resource> resources = resourcesById(plan);
        return perWorkTask(plan, schedule, (t, st) -> taskCost(plan, resources, t, st));
    }

    /** The hours of work of each task that does work (not summaries): its work resources' assignments. */
    public static Map<String, Double> taskWork(Plan plan, PlanSchedule schedule) {
        Map<String, Resource> resources = resourcesById(plan);
        return perWorkTask(plan, schedule, (t, st) -> taskWork(plan, resources, t, st));
    }

    /** The hours of work of one task, its plan's resources by id at hand: its work resources' assignments. */
    public static double taskWork(Plan plan, Map<String, Resource> resources, Task t, ScheduledTask st) {
        double hours = 0;
        for (Assignment a : t.assignments()) {
            Resource r = resources.get(a.resourceId());
            if (r != null && r.type() == ResourceType.WORK) {
                hours += workHours(plan, a, st);
            }
        }
        return hours;
    }

    /** A figure for each task that does work (not summaries), by its id. */
    private static Map<String, Double> perWorkTask(Plan plan, PlanSchedule schedule, java.util.function.ToDoubleBiFunction<Task, ScheduledTask> figure) {
        Map<String, Double> out = new HashMap<>();
        for (Task t : plan.tasks()) {
            ScheduledTask st = schedule.task(t.id()).orElse(null);
            if (st != null && st.type() != ScheduledTask.Kind.SUMMARY) {
                out.put(t.id(), figure.applyAsDouble(t, st));
            }
        }
        return out;
    }

    /** The forecast cost of one task that does work, its plan's resources by id at hand: fixed cost, work at the standard rate, costs per use, material. */
    public static double taskCost(Plan plan, Map<String, Resource> resources, Task t, ScheduledTask st) {
        return cost(plan, resources, t, st, 1, false);
    }

    /**
     * What the work done on a task cost: the actual cost its assignments report, and for the rest (its
     * fixed cost, assignments reporting none) their cost times the share done, as MS Project computes
     * actual costs.
     */
    public static double actualCost(Plan plan, Map<String, Resource> resources, Task t, ScheduledTask st, double shareDone) {
        return cost(plan, resources, t, st, shareDone, true);
    }

    /** The share of a task done, as its actual cost counts it: all of it once it has an actual finish, else its percent complete (the duration done). */
    public static double shareDone(Task t) {
        return t.actualFinish() != null ? 1 : Math.max(0, Math.min(1, t.percentComplete() / 100.0));
    }

    /** A share of a task's cost; with {@code reported}, assignments that report their actual cost count that instead. */
    private static double cost(Plan plan, Map<String, Resource> resources, Task t, ScheduledTask st, double share, boolean reported) {
        double cost = t.fixedCost() == null ? 0 : t.fixedCost().doubleValue() * share;
        for (Assignment a : t.assignments()) {
            Resource r = resources.get(a.resourceId());
            if (reported && a.actualCost() != null) {
                cost += a.actualCost().doubleValue();
            } else if (r != null) {
                cost += cost(plan, r, a, st) * share;
            }
        }
        return cost;
    }

    /**
     * The part of a task's cost that grows with its duration, per working minute: work resources at
     * their standard rate whose work is not fixed (their units times the duration). Costs per use,
     * material and fixed costs do not depend on how long the task takes.
     */
    public static double costPerWorkingMinute(Plan plan, Task t) {
        Map<String, Resource> resources = resourcesById(plan);
        double perMinute = 0;
        for (Assignment a : t.assignments()) {
            Resource r = resources.get(a.resourceId());
            if (r != null && r.type() == ResourceType.WORK && r.standardRate() != null && a.work() == null) {
                perMinute += a.units() * r.standardRate().perHour(plan.workTime()) / 60.0;
            }
        }
        return perMinute;
    }

    /** What a resource does in the plan: its hours of work (work resources) and its cost. */
    public record ResourceCost(String resourceId, double workHours, double cost) {
    }

    /** Each resource's hours of work and cost over the tasks that do work, in the plan's order of resources. */
    public static Map<String, ResourceCost> byResource(Plan plan, PlanSchedule schedule) {
        Map<String, Resource> resources = resourcesById(plan);
        Map<String, double[]> sums = new LinkedHashMap<>();
        plan.resources().forEach(r -> sums.put(r.id(), new double[2]));
        for (Task t : plan.tasks()) {
            ScheduledTask st = schedule.task(t.id()).orElse(null);
            if (st == null || st.type() == ScheduledTask.Kind.SUMMARY) {
                continue;
            }
            for (Assignment a : t.assignments()) {
                Resource r = resources.get(a.resourceId());
                if (r != null) {
                    double[] sum = sums.get(r.id());
                    sum[0] += r.type() == ResourceType.WORK ? workHours(plan, a, st) : 0;
                    sum[1] += cost(plan, r, a, st);
                }
            }
        }
        Map<String, ResourceCost> out = new LinkedHashMap<>();
        sums.forEach((id, sum) -> out.put(id, new ResourceCost(id, sum[0], sum[1])));
        return out;
    }

    /** The plan's resources by id. */
    public static Map<String, Resource> resourcesById(Plan plan) {
        Map<String, Resource> resources = new HashMap<>();
        plan.resources().forEach(r -> resources.put(r.id(), r));
        return resources;
    }

    /** The hours an assignment works: its own work when given, else its units over the task's duration. */
    public static double workHours(Plan plan, Assignment a, ScheduledTask task) {
        return a.work() != null ? a.work().minutes(plan.workTime()) / 60.0 : a.units() * task.durationMinutes() / 60.0;
    }

    /** One assignment's cost: cost per use, and work at the standard rate (work resources) or the quantity at the unit price (material). */
    static double cost(Plan plan, Resource r, Assignment a, ScheduledTask task) {
        double cost = r.costPerUse() == null ? 0 : r.costPerUse().doubleValue();
        if (r.standardRate() == null) {
            return cost;
        }
        if (r.type() == ResourceType.WORK) {
            cost += workHours(plan, a, task) * r.standardRate().perHour(plan.workTime());
        } else if (r.type() == ResourceType.MATERIAL) {
            cost += a.units() * r.standardRate().amount().doubleValue();
        }
        return cost;
    }

    public static double total(Map<String, Double> costs) {
        return costs.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The main baseline (MS Project's "Baseline", the first one), or null. */
    public static Baseline mainBaseline(Plan plan) {
        return plan.baselines().isEmpty() ? null : plan.baselines().get(0);
    }

    /** Ids of the tasks that have subtasks. */
    public static java.util.Set<String> parents(Plan plan) {
        java.util.Set<String> out = new java.util.HashSet<>();
        plan.tasks().forEach(t -> {
            if (t.parentId() != null) {
                out.add(t.parentId());
            }
        });
        return out;
    }

    /** The budget: the cost the main baseline recorded for the tasks that do work (summaries roll up), or null without one. */
    public static Double budget(Plan plan) {
        Baseline b = mainBaseline(plan);
        return b == null ? null : budget(plan, b);
    }

    /** What a baseline recorded as the cost of the tasks that do work (phases roll up theirs), or null when it recorded none. */
    public static Double budget(Plan plan, Baseline b) {
        java.util.Set<String> parents = parents(plan);
        double sum = 0;
        boolean any = false;
        for (BaselineTask bt : b.tasks()) {
            if (bt.cost() != null && !parents.contains(bt.taskId())) {
                sum += bt.cost().doubleValue();
                any = true;
            }
        }
        return any ? sum : null;
    }

    /** Budget and forecast per phase (the top-level tasks). */
    public record PhaseCost(String id, String name, double forecast, Double budget) {
    }

    public static List<PhaseCost> phaseCosts(Plan plan, Map<String, Double> costs) {
        Map<String, String> parent = new HashMap<>();
        plan.tasks().forEach(t -> parent.put(t.id(), t.parentId()));
        Map<String, Double> baseline = new HashMap<>();
        java.util.Set<String> parents = parents(plan);
        if (mainBaseline(plan) != null) {
            for (BaselineTask bt : mainBaseline(plan).tasks()) {
                if (bt.cost() != null) {
                    baseline.put(bt.taskId(), bt.cost().doubleValue());
                }
            }
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> hasBudget = new HashMap<>();
        for (Task t : plan.tasks()) {
            if (t.parentId() == null) {
                sums.put(t.id(), new double[2]);
            }
        }
        for (Task t : plan.tasks()) {
            String top = t.id();
            while (parent.get(top) != null) {
                top = parent.get(top);
            }
            double[] s = sums.get(top);
            if (s == null) {
                continue;
            }
            s[0] += costs.getOrDefault(t.id(), 0.0);
            Double b = baseline.get(t.id());
            if (b != null && !parents.contains(t.id())) {
                s[1] += b;
                hasBudget.put(top, true);
            }
        }
        List<PhaseCost> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        plan.tasks().forEach(t -> names.put(t.id(), t.name()));
        sums.forEach((id, s) -> out.add(new PhaseCost(id, names.get(id), s[0], hasBudget.containsKey(id) ? s[1] : null)));
        return out;
    }

}
