package io.planwright.server.stakeholders;

import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.stakeholders.PowerInterest;
import io.planwright.core.stakeholders.Raci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the stakeholder pages show, from core's rules: the power-interest grid and the RACI matrix with its
 * problems. Plain data for the templates, which escape every text they print (the RACI cells hold only
 * role letters).
 */
final class StakeholderViews {

    private StakeholderViews() {
    }

    /** One quadrant of the power-interest grid. */
    record Quadrant(String name, String advice, List<Stakeholder> stakeholders) {
    }

    static List<Quadrant> powerInterest(Plan plan) {
        List<Quadrant> q = new ArrayList<>();
        for (PowerInterest where : PowerInterest.values()) {
            q.add(new Quadrant(where.text(), where.where(), plan.stakeholders().stream().filter(s -> PowerInterest.of(s) == where).toList()));
        }
        return q;
    }

    /**
     * One row of the RACI matrix: the task, its cells as markup made only of role letters (R, A, C, I) in
     * the parties' order, the plan's RACI problems of the task (the same check the problems list uses),
     * and whether its RACI comes from a phase above it.
     */
    record RaciRow(String taskId, String name, int depth, boolean summary, String cells, List<String> problems, boolean own,
                   String inheritedFrom) {
    }

    /**
     * The matrix's rows, each with the plan's problems of its RACI: the page flags what the problems list
     * (and the dashboard) says, nothing else. A task without RACI of its own is no problem; the page says
     * which phase's RACI covers it.
     */
    static List<RaciRow> raciRows(Plan plan, List<String> parties, List<Problem> problems) {
        Map<String, Integer> depth = depths(plan);
        Set<String> parents = new HashSet<>();
        plan.tasks().forEach(t -> {
            if (t.parentId() != null) {
                parents.add(t.parentId());
            }
        });
        Map<String, List<String>> byTask = Raci.problemsByTask(problems);
        Map<String, String> covering = Raci.coveringPhases(plan);
        List<RaciRow> rows = new ArrayList<>();
        for (Task t : plan.tasks()) {
            rows.add(raciRow(t, depth.get(t.id()), parents.contains(t.id()), parties, byTask.getOrDefault(t.id(), List.of()), covering.get(t.id())));
        }
        return rows;
    }

    static RaciRow raciRow(Task t, int depth, boolean summary, List<String> parties, List<String> problems, String inheritedFrom) {
        Map<String, RaciRole> byParty = new HashMap<>();
        for (RaciEntry e : t.raci()) {
            byParty.putIfAbsent(e.party(), e.role());
        }
        // the cells hold no text from the plan (only R, A, C, I), so they are written here in one piece:
        // a thousand tasks by thirty parties is thirty thousand cells
        StringBuilder cells = new StringBuilder(parties.size() * 12);
        for (String p : parties) {
            RaciRole r = byParty.get(p);
            if (r == null) {
                cells.append("<td></td>");
            } else {
                cells.append("<td class=\"r-").append(r.name()).append("\">").append(r.name()).append("</td>");
            }
        }
        return new RaciRow(t.id(), t.name(), depth, summary, cells.toString(), problems, !t.raci().isEmpty(), inheritedFrom);
    }

    static Map<String, Integer> depths(Plan plan) {
        Map<String, Integer> depth = new HashMap<>();
        for (Task t : plan.tasks()) {
            depth.put(t.id(), t.parentId() == null ? 0 : depth.getOrDefault(t.parentId(), 0) + 1);
        }
        return depth;
    }
}
