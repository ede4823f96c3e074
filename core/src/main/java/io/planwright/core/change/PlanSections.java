package io.planwright.core.change;

import io.planwright.core.model.Plan;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The plan's sections of entries with ids, once for the diff and the merge: name, entries, id, label, and how a builder takes them. */
final class PlanSections {

    record Section<T>(String name, Function<Plan, List<T>> entries, Function<T, String> id, Function<T, String> label,
                      BiFunction<Plan.Builder, List<T>, Plan.Builder> set) {
    }

    static final List<Section<?>> ALL = List.of(
            new Section<>("tasks", Plan::tasks, t -> t.id(), t -> t.name(), Plan.Builder::tasks),
            new Section<>("resources", Plan::resources, r -> r.id(), r -> r.name(), Plan.Builder::resources),
            new Section<>("calendars", Plan::calendars, c -> c.id(), c -> c.name(), Plan.Builder::calendars),
            new Section<>("objectives", Plan::objectives, o -> o.id(), o -> o.name(), Plan.Builder::objectives),
            new Section<>("deliverables", Plan::deliverables, d -> d.id(), d -> d.name(), Plan.Builder::deliverables),
            new Section<>("risks", Plan::risks, r -> r.id(), r -> r.title(), Plan.Builder::risks),
            new Section<>("stakeholders", Plan::stakeholders, s -> s.id(), s -> s.name(), Plan.Builder::stakeholders),
            new Section<>("communications", Plan::communications, c -> c.id(), c -> c.name(), Plan.Builder::communications),
            new Section<>("baselines", Plan::baselines, b -> b.id(), b -> b.name(), Plan.Builder::baselines));

    private PlanSections() {
    }
}
