package io.planwright.core.change;

import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.track.Baselines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scope creep in figures: once a plan has a baseline, the work added outside an approved change request.
 * A task the main baseline does not know, and that no applied change request brought in, is counted with
 * its hours of work and its cost. Summaries are left out (their tasks count).
 */
public final class ScopeGuard {

    /** One task added outside change control. */
    public record Added(String taskId, String name, double workHours, double cost) {
    }

    /** The tasks added outside change control and their totals; {@code guarded} is false without a baseline. */
    public record Report(boolean guarded, String baselineName, List<Added> added, double workHours, double cost) {
    }

    private ScopeGuard() {
    }

    /** @param covered the tasks applied change requests added */
    public static Report of(Plan plan, PlanSchedule schedule, Set<String> covered) {
        Baseline main = Baselines.find(plan, null).orElse(null);
        if (main == null) {
            return new Report(false, null, List.of(), 0, 0);
        }
        Set<String> known = new HashSet<>();
        main.tasks().forEach((BaselineTask b) -> known.add(b.taskId()));
        Map<String, Double> work = Costs.taskWork(plan, schedule);
        Map<String, Double> costs = Costs.taskCosts(plan, schedule);
        List<Added> out = new ArrayList<>();
        double hours = 0;
        double cost = 0;
        for (Task t : plan.tasks()) {
            if (known.contains(t.id()) || covered.contains(t.id()) || !work.containsKey(t.id()) && !costs.containsKey(t.id())) {
                continue; // in the baseline, brought in by a request, or a summary
            }
            double w = work.getOrDefault(t.id(), 0.0);
            double c = costs.getOrDefault(t.id(), 0.0);
            out.add(new Added(t.id(), t.name() == null ? t.id() : t.name(), w, c));
            hours += w;
            cost += c;
        }
        return new Report(true, main.name(), List.copyOf(out), hours, cost);
    }
}
