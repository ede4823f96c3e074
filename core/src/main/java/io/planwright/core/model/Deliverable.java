package io.planwright.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something the project hands over: produced by tasks, serving objectives, accepted against criteria,
 * with its own RACI; it may need a sign-off ({@code approval}, null for none) before it counts as accepted.
 */
public record Deliverable(String id, String name, String description, List<String> objectiveIds, List<String> taskIds,
                          LocalDate due, String acceptance, List<RaciEntry> raci, Approval approval) {

    public Deliverable {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        raci = raci == null ? List.of() : List.copyOf(raci);
    }
}
