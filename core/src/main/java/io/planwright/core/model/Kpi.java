package io.planwright.core.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A key performance indicator of an objective: where it stands before the project (baseline),
 * where it should be (target) by when, optionally its latest measured value, and its measurements over
 * time (in date order).
 */
public record Kpi(String id, String name, String unit, Double baseline, Double target, LocalDate targetDate, Double current,
                  List<KpiMeasurement> measurements) {

    public Kpi {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        measurements = measurements == null ? List.of()
                : measurements.stream().sorted(Comparator.comparing(KpiMeasurement::date)).toList();
    }

    /** A KPI without measurements over time. */
    public Kpi(String id, String name, String unit, Double baseline, Double target, LocalDate targetDate, Double current) {
        this(id, name, unit, baseline, target, targetDate, current, List.of());
    }

    /** The latest value known: the last measurement's, else {@code current}. */
    public Double latest() {
        return measurements.isEmpty() ? current : Double.valueOf(measurements.get(measurements.size() - 1).value());
    }
}
