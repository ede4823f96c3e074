package io.planwright.core.change;

import io.planwright.core.alignment.Alignment;
import io.planwright.core.cost.Costs;
import io.planwright.core.level.Overallocations;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a proposed change does to the plan, before it is approved: the finish, the cost, the work of each
 * resource and the over-allocations it adds, the deadlines it newly misses, the P80 finish of the risk
 * analysis, and the objectives whose work it changes. Both versions are scheduled; nothing is estimated.
 */
public final class ChangeImpact {

    /** Iterations of each risk analysis: P80 to a few hours on plans of hundreds of tasks. */
    public static final int ITERATIONS = 2_000;

    /** A resource's hours of work in the plan and in the proposal. */
    public record Work(String resourceId, String name, double before, double after) {
    }

    /** A deadline the proposal misses that the plan meets. */
    public record Missed(String taskId, String name, LocalDateTime deadline, LocalDateTime finish) {
    }

    /** An over-allocation of the proposal that the plan does not have (by resource, from, to, units over what it has). */
    public record NewOverallocation(String resourceId, LocalDateTime from, LocalDateTime to, double units, double maxUnits) {
    }

    /** The figures. */
    public record Figures(LocalDateTime finishBefore, LocalDateTime finishAfter, double costBefore, double costAfter, List<Work> work,
                          List<NewOverallocation> overallocations, List<Missed> deadlinesMissed, LocalDateTime p80Before,
                          LocalDateTime p80After, List<String> objectivesAffected) {

        public double costDelta() {
            return costAfter - costBefore;
        }
    }

    private ChangeImpact() {
    }

    public static Figures of(Plan plan, PlanSchedule ps, Plan proposed, PlanSchedule ss) {
        return new Figures(ps.finish(), ss.finish(), Costs.total(Costs.taskCosts(plan, ps)), Costs.total(Costs.taskCosts(proposed, ss)),
                work(plan, ps, proposed, ss), overallocations(plan, ps, proposed, ss), missed(plan, ps, proposed, ss), p80(plan), p80(proposed),
                objectives(plan, ps, proposed, ss));
    }

    private static LocalDateTime p80(Plan plan) {
        return MonteCarlo.run(SimulationModel.of(plan), new MonteCarlo.Options(ITERATIONS, 1, 1, 0), null).finish().p80();
    }

    private static Map<String, Double> hoursByResource(Plan plan, PlanSchedule s) {
        Map<String, Double> out = new TreeMap<>();
        Map<String, ScheduledTask> rows = new HashMap<>();
        s.tasks().forEach(t -> rows.put(t.id(), t));
        for (Task t : plan.tasks()) {
            ScheduledTask row = rows.get(t.id());
            if (row == null || row.type() == ScheduledTask.Kind.SUMMARY) {
                continue;
            }
            for (Assignment a : t.assignments()) {
                if (plan.resource(a.resourceId()).map(r -> r.type() == io.planwright.core.model.ResourceType.WORK).orElse(false)) {
                    out.merge(a.resourceId(), Costs.workHours(plan, a, row), Double::sum);
                }
            }
        }
        return out;
    }

    private static List<Work> work(Plan plan, PlanSchedule ps, Plan proposed, PlanSchedule ss) {
        Map<String, Double> before = hoursByResource(plan, ps);
        Map<String, Double> after = hoursByResource(proposed, ss);
        Set<String> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<Work> out = new ArrayList<>();
        for (String id : ids) {
            double b = round(before.getOrDefault(id, 0.0));
            double a = round(after.getOrDefault(id, 0.0));
            if (b != a) {
                String name = proposed.resource(id).or(() -> plan.resource(id)).map(r -> r.name()).orElse(id);
                out.add(new Work(id, name, b, a));
            }
        }
        return out;
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }

    private static List<NewOverallocation> overallocations(Plan plan, PlanSchedule ps, Plan proposed, PlanSchedule ss) {
        Set<String> had = new HashSet<>();
        for (Overallocations.Overallocation o : Overallocations.of(plan, ps)) {
            had.add(o.resourceId() + " " + o.from() + " " + o.to());
        }
        List<NewOverallocation> out = new ArrayList<>();
        for (Overallocations.Overallocation o : Overallocations.of(proposed, ss)) {
            if (!had.contains(o.resourceId() + " " + o.from() + " " + o.to())) {
                out.add(new NewOverallocation(o.resourceId(), o.from(), o.to(), o.units(), o.maxUnits()));
            }
        }
        return out;
    }

    private static List<Missed> missed(Plan plan, PlanSchedule ps, Plan proposed, PlanSchedule ss) {
        Map<String, ScheduledTask> before = new HashMap<>();
        ps.tasks().forEach(t -> before.put(t.id(), t));
        Map<String, ScheduledTask> after = new HashMap<>();
        ss.tasks().forEach(t -> after.put(t.id(), t));
        Map<String, Task> planTasks = new HashMap<>();
        plan.tasks().forEach(t -> planTasks.put(t.id(), t));
        List<Missed> out = new ArrayList<>();
        for (Task t : proposed.tasks()) {
            ScheduledTask a = after.get(t.id());
            if (t.deadline() == null || a == null || !a.finish().isAfter(t.deadline())) {
                continue;
            }
            ScheduledTask b = before.get(t.id());
            Task was = planTasks.get(t.id());
            boolean missedBefore = b != null && was != null && was.deadline() != null && b.finish().isAfter(was.deadline());
            if (!missedBefore) {
                out.add(new Missed(t.id(), t.name(), t.deadline(), a.finish()));
            }
        }
        return out;
    }

    /** The objectives whose serving tasks or work differ between the two. */
    private static List<String> objectives(Plan plan, PlanSchedule ps, Plan proposed, PlanSchedule ss) {
        Map<String, String> before = served(Alignment.of(plan, ps));
        Map<String, String> after = served(Alignment.of(proposed, ss));
        Set<String> ids = new java.util.LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (!Objects.equals(before.get(id), after.get(id))) {
                out.add(id);
            }
        }
        return out;
    }

    private static Map<String, String> served(Alignment.Report r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.objectives().forEach(s -> out.put(s.objective().id(), new java.util.TreeSet<>(s.taskIds()) + " " + Math.round(s.workHours() * 100)));
        return out;
    }
}
