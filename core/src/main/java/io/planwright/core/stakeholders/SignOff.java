package io.planwright.core.stakeholders;

import io.planwright.core.model.Approval;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Task;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-off of deliverables and milestones: who approves one (the named approvers, else its Accountable in
 * the RACI) and whether it counts as accepted (only when every approver's latest decision is an approval;
 * one rejection stands until that approver approves).
 */
public final class SignOff {

    private SignOff() {
    }

    /** Where an item that needs approval stands. */
    public enum State {
        /** No approval needed. */
        NOT_REQUIRED,
        /** Some approver has not decided yet (or nobody can approve it: no approver named, no Accountable). */
        AWAITING,
        /** Every approver approved. */
        ACCEPTED,
        /** An approver's latest decision is a rejection. */
        REJECTED;

        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One approver's decision: approved or rejected, when, why. */
    public record Decision(String approver, boolean approved, LocalDateTime at, String comment) {
    }

    /** Something that can need a sign-off: a deliverable or a milestone, its id, name and approvers. */
    public record Item(String kind, String id, String name, List<String> approvers) {
        public Item {
            approvers = List.copyOf(approvers);
        }
    }

    /** The approvers of a deliverable: those named, else its Accountable; empty when it needs no approval. */
    public static List<String> approvers(Deliverable d) {
        return approvers(d.approval(), d.raci(), List.of());
    }

    /** The approvers of a task: those named, else its Accountable (of its own RACI, else of the nearest phase with one). */
    public static List<String> approvers(Plan plan, Task t) {
        List<RaciEntry> phases = new ArrayList<>();
        Map<String, Task> byId = new HashMap<>();
        plan.tasks().forEach(x -> byId.put(x.id(), x));
        for (Task up = t.parentId() == null ? null : byId.get(t.parentId()); up != null && phases.isEmpty();
             up = up.parentId() == null ? null : byId.get(up.parentId())) {
            phases.addAll(up.raci());
        }
        return approvers(t.approval(), t.raci(), phases);
    }

    private static List<String> approvers(Approval a, List<RaciEntry> raci, List<RaciEntry> covering) {
        if (a == null) {
            return List.of();
        }
        if (!a.approvers().isEmpty()) {
            return a.approvers();
        }
        List<String> accountable = accountable(raci);
        return accountable.isEmpty() ? accountable(covering) : accountable;
    }

    private static List<String> accountable(List<RaciEntry> raci) {
        return raci.stream().filter(e -> e.role() == RaciRole.A).map(RaciEntry::party).distinct().toList();
    }

    /** Every deliverable and milestone of the plan that needs approval, deliverables first, in plan order. */
    public static List<Item> items(Plan plan) {
        List<Item> out = new ArrayList<>();
        for (Deliverable d : plan.deliverables()) {
            if (d.approval() != null) {
                out.add(new Item("deliverable", d.id(), d.name(), approvers(d)));
            }
        }
        for (Task t : plan.tasks()) {
            if (t.approval() != null && t.milestone()) {
                out.add(new Item("milestone", t.id(), t.name(), approvers(plan, t)));
            }
        }
        return out;
    }

    /** The item of the plan needing approval with this id (a deliverable's first), or null. */
    public static Item item(Plan plan, String id) {
        return items(plan).stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Where an item stands given the decisions taken on it (any order; an approver's latest counts):
     * accepted only when every approver approved; rejected when any approver's latest is a rejection.
     */
    public static State state(boolean required, List<String> approvers, Collection<Decision> decisions) {
        if (!required) {
            return State.NOT_REQUIRED;
        }
        Map<String, Decision> latest = latest(decisions);
        boolean all = !approvers.isEmpty();
        for (String a : approvers) {
            Decision d = latest.get(a);
            if (d != null && !d.approved()) {
                return State.REJECTED;
            }
            all &= d != null;
        }
        return all ? State.ACCEPTED : State.AWAITING;
    }

    /** Whether a milestone or deliverable counts as accepted: it needs no approval, or every approver approved. */
    public static boolean accepted(boolean required, List<String> approvers, Collection<Decision> decisions) {
        State s = state(required, approvers, decisions);
        return s == State.NOT_REQUIRED || s == State.ACCEPTED;
    }

    /** The approvers who have not decided yet (or whose latest decision is not an approval and who may decide again). */
    public static List<String> waitingOn(List<String> approvers, Collection<Decision> decisions) {
        Map<String, Decision> latest = latest(decisions);
        return approvers.stream().filter(a -> latest.get(a) == null).toList();
    }

    private static Map<String, Decision> latest(Collection<Decision> decisions) {
        Map<String, Decision> latest = new LinkedHashMap<>();
        decisions.stream().sorted(java.util.Comparator.comparing(Decision::at)).forEach(d -> latest.put(d.approver(), d));
        return latest;
    }
}
