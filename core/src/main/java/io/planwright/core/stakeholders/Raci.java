package io.planwright.core.stakeholders;

import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RACI matrix's rules, for every face: who its parties are and what to call them, which phase's RACI
 * covers a task without RACI of its own, which of the plan's problems concern a task's RACI, and the role
 * a cell takes next when it is cycled (none, R, A, C, I, none).
 */
public final class Raci {

    private Raci() {
    }

    /** The parties of the matrix: everyone named in an entry, then people, stakeholders and roles not named yet. */
    public static List<String> parties(Plan plan) {
        Set<String> out = new LinkedHashSet<>();
        plan.tasks().forEach(t -> t.raci().forEach(e -> out.add(e.party())));
        plan.resources().stream().filter(r -> r.type() == ResourceType.WORK).forEach(r -> out.add(r.id()));
        plan.stakeholders().forEach(s -> out.add(s.id()));
        out.addAll(plan.roles());
        return List.copyOf(out);
    }

    /** What to call each party: the person's or stakeholder's name, or the role as it is written. */
    public static Map<String, String> partyNames(Plan plan) {
        Map<String, String> out = new HashMap<>();
        plan.roles().forEach(r -> out.put(r, r));
        plan.stakeholders().forEach(s -> out.put(s.id(), s.name() == null ? s.id() : s.name()));
        plan.resources().forEach(r -> out.put(r.id(), r.name() == null ? r.id() : r.name()));
        return out;
    }

    /**
     * For each task without RACI of its own whose phase (or a phase above it) has RACI: the name of the
     * nearest such phase, whose RACI covers it. A task without RACI of its own is no problem.
     */
    public static Map<String, String> coveringPhases(Plan plan) {
        Map<String, Task> byId = new HashMap<>();
        plan.tasks().forEach(t -> byId.put(t.id(), t));
        Map<String, String> out = new HashMap<>();
        for (Task t : plan.tasks()) {
            if (!t.raci().isEmpty()) {
                continue;
            }
            for (Task up = t.parentId() == null ? null : byId.get(t.parentId()); up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
                if (!up.raci().isEmpty()) {
                    out.put(t.id(), up.name());
                    break;
                }
            }
        }
        return out;
    }

    /** The messages of the problems (as the plan's check gives them) that concern a task's RACI, by task id. */
    public static Map<String, List<String>> problemsByTask(List<Problem> problems) {
        Map<String, List<String>> byTask = new HashMap<>();
        for (Problem p : problems) {
            if (p.path() != null && p.path().startsWith("tasks/") && p.path().contains("/raci")) {
                String id = p.path().substring("tasks/".length(), p.path().indexOf("/raci"));
                byTask.computeIfAbsent(id, k -> new ArrayList<>()).add(p.message());
            }
        }
        return byTask;
    }

    /** The role a cell takes when it is cycled: none, R, A, C, I, then none again (null is none). */
    public static RaciRole next(RaciRole current) {
        if (current == null) {
            return RaciRole.R;
        }
        return switch (current) {
            case R -> RaciRole.A;
            case A -> RaciRole.C;
            case C -> RaciRole.I;
            case I -> null;
        };
    }
}
