package io.planwright.core.change;

import io.planwright.core.model.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merge of a scenario back into its plan: the entries the scenario changed since it was branched
 * (its base) are carried into the plan as it is now, entry by entry, for the changes chosen. An entry the plan
 * also changed in the meantime, differently, is a conflict: it is listed with both sides and the plan's
 * version is kept (never overwritten silently). The plan's own settings count as one entry, {@code plan}.
 *
 * <p>Keys name entries as {@code section/id} ({@code tasks/design}, {@code risks/r1}), or {@code plan}.
 */
public final class PlanMerge {

    /** An entry both sides changed differently: what each did to it since the base, field by field. */
    public record Conflict(String key, String name, List<PlanDiff.FieldChange> plan, List<PlanDiff.FieldChange> scenario) {
    }

    /** The merged plan, the entries taken from the scenario, and the conflicts (kept as the plan has them). */
    public record Result(Plan plan, List<String> applied, List<Conflict> conflicts) {
    }

    private static final List<PlanSections.Section<?>> SECTIONS = PlanSections.ALL;

    public static final String SETTINGS = "plan";

    private PlanMerge() {
    }

    /** The keys of every entry the scenario changed since its base (added, removed or changed), in the scenario's order. */
    public static List<String> changes(Plan base, Plan scenario) {
        List<String> out = new ArrayList<>();
        if (!settings(base).equals(settings(scenario))) {
            out.add(SETTINGS);
        }
        for (PlanSections.Section<?> s : SECTIONS) {
            changed(s, base, scenario, out);
        }
        return out;
    }

    private static <T> void changed(PlanSections.Section<T> s, Plan base, Plan scenario, List<String> out) {
        Map<String, T> b = byId(s, base);
        Map<String, T> t = byId(s, scenario);
        for (Map.Entry<String, T> e : t.entrySet()) {
            if (!Objects.equals(b.get(e.getKey()), e.getValue())) {
                out.add(s.name() + "/" + e.getKey());
            }
        }
        for (String id : b.keySet()) {
            if (!t.containsKey(id)) {
                out.add(s.name() + "/" + id);
            }
        }
    }

    /**
     * Merges the scenario's changes since {@code base} into {@code plan}: those named in {@code chosen}
     * (null: all of them).
     */
    public static Result merge(Plan base, Plan plan, Plan scenario, Set<String> chosen) {
        List<String> applied = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Plan.Builder out = plan.toBuilder();
        if (want(chosen, SETTINGS) && !settings(base).equals(settings(scenario))) {
            if (!settings(base).equals(settings(plan)) && !settings(plan).equals(settings(scenario))) {
                conflicts.add(new Conflict(SETTINGS, plan.name(), PlanDiff.of(settings(base), settings(plan)).plan(),
                        PlanDiff.of(settings(base), settings(scenario)).plan()));
            } else {
                out = withSections(settings(scenario).toBuilder(), plan);
                applied.add(SETTINGS);
            }
        }
        for (PlanSections.Section<?> s : SECTIONS) {
            mergeSection(s, base, plan, scenario, chosen, out, applied, conflicts);
        }
        return new Result(out.build(), List.copyOf(applied), List.copyOf(conflicts));
    }

    private static <T> void mergeSection(PlanSections.Section<T> s, Plan base, Plan plan, Plan scenario, Set<String> chosen, Plan.Builder out,
                                         List<String> applied, List<Conflict> conflicts) {
        Map<String, T> b = byId(s, base);
        Map<String, T> o = byId(s, plan);
        Map<String, T> t = byId(s, scenario);
        // the plan's entries in its order, each replaced, kept or removed
        Map<String, T> result = new LinkedHashMap<>(o);
        Set<String> ids = new LinkedHashSet<>(t.keySet());
        ids.addAll(b.keySet());
        boolean changed = false;
        for (String id : ids) {
            T was = b.get(id);
            T theirs = t.get(id);
            String key = s.name() + "/" + id;
            if (Objects.equals(was, theirs) || !want(chosen, key)) {
                continue;
            }
            T ours = o.get(id);
            if (!Objects.equals(was, ours) && !Objects.equals(ours, theirs)) {
                conflicts.add(new Conflict(key, label(s, theirs != null ? theirs : ours != null ? ours : was, id),
                        diff(s, was, ours, id), diff(s, was, theirs, id)));
                continue;
            }
            if (theirs == null) {
                result.remove(id);
            } else if (result.containsKey(id)) {
                result.put(id, theirs);
            } else {
                insertAfterPredecessor(result, id, theirs, s, scenario);
            }
            applied.add(key);
            changed = true;
        }
        if (changed) {
            s.set().apply(out, new ArrayList<>(result.values()));
        }
    }

    /** An entry the scenario added goes after the entry before it in the scenario that the result holds (a task after its phase). */
    private static <T> void insertAfterPredecessor(Map<String, T> result, String id, T entry, PlanSections.Section<T> s, Plan scenario) {
        List<T> order = s.entries().apply(scenario);
        String after = null;
        for (T x : order) {
            String xid = s.id().apply(x);
            if (xid.equals(id)) {
                break;
            }
            if (result.containsKey(xid)) {
                after = xid;
            }
        }
        Map<String, T> copy = new LinkedHashMap<>();
        if (after == null) {
            copy.put(id, entry);
        }
        for (Map.Entry<String, T> e : result.entrySet()) {
            copy.put(e.getKey(), e.getValue());
            if (e.getKey().equals(after)) {
                copy.put(id, entry);
            }
        }
        result.clear();
        result.putAll(copy);
    }

    private static <T> List<PlanDiff.FieldChange> diff(PlanSections.Section<T> s, T before, T after, String id) {
        if (before == null || after == null) {
            return List.of(new PlanDiff.FieldChange(before == null ? "added" : "removed", before == null ? null : id, after == null ? null : id));
        }
        return PlanDiff.fields((Record) before, (Record) after, Set.of());
    }

    private static <T> String label(PlanSections.Section<T> s, T entry, String id) {
        String l = entry == null ? null : s.label().apply(entry);
        return l == null ? id : l;
    }

    private static boolean want(Set<String> chosen, String key) {
        return chosen == null || chosen.contains(key);
    }

    private static <T> Map<String, T> byId(PlanSections.Section<T> s, Plan plan) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : s.entries().apply(plan)) {
            out.putIfAbsent(s.id().apply(t), t);
        }
        return out;
    }

    /** The plan's own settings: the plan without its sections. */
    private static Plan settings(Plan p) {
        Plan.Builder b = p.toBuilder();
        for (PlanSections.Section<?> s : SECTIONS) {
            clear(s, b);
        }
        return b.build();
    }

    private static <T> void clear(PlanSections.Section<T> s, Plan.Builder b) {
        s.set().apply(b, List.of());
    }

    private static Plan.Builder withSections(Plan.Builder b, Plan from) {
        for (PlanSections.Section<?> s : SECTIONS) {
            copy(s, b, from);
        }
        return b;
    }

    private static <T> void copy(PlanSections.Section<T> s, Plan.Builder b, Plan from) {
        s.set().apply(b, s.entries().apply(from));
    }
}
