package io.planwright.core.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A saved copy of the plan's dates, durations and costs, to measure progress and change against.
 * MS Project keeps up to eleven (Baseline, Baseline1 .. Baseline10).
 */
public record Baseline(String id, String name, LocalDateTime savedAt, List<BaselineTask> tasks) {

    public Baseline {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
