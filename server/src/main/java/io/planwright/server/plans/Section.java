package io.planwright.server.plans;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A collection of the plan, as the API names it ({@code /tasks}) and as the database keeps it (kind
 * {@code task}): the model's record for one entry, how to tell its id, and how to read and replace the
 * collection in a plan.
 */
public record Section<T>(String path, String kind, Class<T> type, Function<T, String> id, Function<Plan, List<T>> list,
                         BiFunction<Plan.Builder, List<T>, Plan.Builder> replace) {

    public static final Section<Task> TASKS = new Section<>("tasks", "task", Task.class, Task::id, Plan::tasks, Plan.Builder::tasks);
    public static final Section<Resource> RESOURCES = new Section<>("resources", "resource", Resource.class, Resource::id, Plan::resources,
            Plan.Builder::resources);
    public static final Section<WorkCalendar> CALENDARS = new Section<>("calendars", "calendar", WorkCalendar.class, WorkCalendar::id,
            Plan::calendars, Plan.Builder::calendars);
    public static final Section<Objective> OBJECTIVES = new Section<>("objectives", "objective", Objective.class, Objective::id,
            Plan::objectives, Plan.Builder::objectives);
    public static final Section<Deliverable> DELIVERABLES = new Section<>("deliverables", "deliverable", Deliverable.class, Deliverable::id,
            Plan::deliverables, Plan.Builder::deliverables);
    public static final Section<Risk> RISKS = new Section<>("risks", "risk", Risk.class, Risk::id, Plan::risks, Plan.Builder::risks);
    public static final Section<Stakeholder> STAKEHOLDERS = new Section<>("stakeholders", "stakeholder", Stakeholder.class, Stakeholder::id,
            Plan::stakeholders, Plan.Builder::stakeholders);
    public static final Section<CommunicationItem> COMMUNICATIONS = new Section<>("communications", "communication", CommunicationItem.class,
            CommunicationItem::id, Plan::communications, Plan.Builder::communications);
    public static final Section<Baseline> BASELINES = new Section<>("baselines", "baseline", Baseline.class, Baseline::id, Plan::baselines,
            Plan.Builder::baselines);

    /** Every collection, in the order a plan file lists them. */
    public static final List<Section<?>> ALL = List.of(CALENDARS, RESOURCES, OBJECTIVES, DELIVERABLES, TASKS, RISKS, STAKEHOLDERS,
            COMMUNICATIONS, BASELINES);

    public static Optional<Section<?>> byPath(String path) {
        return ALL.stream().filter(s -> s.path.equals(path)).findFirst();
    }

    public static Optional<Section<?>> byKind(String kind) {
        return ALL.stream().filter(s -> s.kind.equals(kind)).findFirst();
    }

    /** The id of an entry of this section given as Object. */
    public String idOf(Object entry) {
        return id.apply(type.cast(entry));
    }
}
