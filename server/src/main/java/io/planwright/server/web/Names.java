package io.planwright.server.web;

import io.planwright.core.model.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person calls the plan's entries: a task's, a person's or an objective's name for its id, by kind,
 * so that pages show names where people expect them (with the id beside, in muted text). An id the plan
 * does not know (a free-text owner, a deleted task) is shown as it is written.
 */
public final class Names {

    /** An id and what to call it; {@code named} is false when there is no name other than the id. */
    public record Named(String id, String name, boolean named) {
    }

    private final Map<String, Map<String, String>> byKind = new HashMap<>();

    private Names() {
    }

    public static Names of(Plan plan) {
        Names n = new Names();
        plan.tasks().forEach(t -> n.put("task", t.id(), t.name()));
        plan.objectives().forEach(o -> n.put("objective", o.id(), o.name()));
        plan.risks().forEach(r -> n.put("risk", r.id(), r.title()));
        plan.communications().forEach(c -> n.put("communication", c.id(), c.name()));
        plan.calendars().forEach(c -> n.put("calendar", c.id(), c.name()));
        plan.deliverables().forEach(d -> n.put("deliverable", d.id(), d.name()));
        plan.baselines().forEach(b -> n.put("baseline", b.id(), b.name()));
        // a party (owner, audience, RACI) is a role, a stakeholder or a person; a person's name wins
        plan.roles().forEach(r -> n.put("party", r, r));
        plan.stakeholders().forEach(s -> {
            n.put("party", s.id(), s.name());
            n.put("stakeholder", s.id(), s.name());
        });
        plan.resources().forEach(r -> {
            n.put("party", r.id(), r.name());
            n.put("resource", r.id(), r.name());
        });
        return n;
    }

    private void put(String kind, String id, String name) {
        if (id != null) {
            byKind.computeIfAbsent(kind, k -> new HashMap<>()).put(id, name == null || name.isBlank() ? id : name);
        }
    }

    /** The name of an entry of a kind (task, objective, risk, party, ...), or the id when it has none. */
    public Named of(String kind, String id) {
        String name = id == null ? null : byKind.getOrDefault(kind, Map.of()).get(id);
        return new Named(id, name == null ? id : name, name != null && !name.equals(id));
    }

    public Named task(String id) {
        return of("task", id);
    }

    public Named party(String id) {
        return of("party", id);
    }

    public List<Named> tasks(List<String> ids) {
        return all("task", ids);
    }

    public List<Named> parties(List<String> ids) {
        return all("party", ids);
    }

    public List<Named> objectives(List<String> ids) {
        return all("objective", ids);
    }

    private List<Named> all(String kind, List<String> ids) {
        List<Named> out = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> out.add(of(kind, id)));
        }
        return out;
    }

    /** The names of one kind by id, for a page's script (the grid's Objectives column, over-allocations). */
    public Map<String, String> map(String kind) {
        return Map.copyOf(byKind.getOrDefault(kind, Map.of()));
    }
}
