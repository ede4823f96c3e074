package io.planwright.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A key performance indicator of an objective: where it stands before the project (baseline),
 * where it should be (target) by when, and optionally its latest measured value.
 */
public record Kpi(String id, String name, String unit, Double baseline, Double target, LocalDate targetDate, Double current) {

    public Kpi {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
