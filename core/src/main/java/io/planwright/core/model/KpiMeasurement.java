package io.planwright.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** One measurement of a KPI: its value on a date, with an optional note on where it came from. */
public record KpiMeasurement(LocalDate date, double value, String note) {

    public KpiMeasurement {
        Objects.requireNonNull(date, "date");
    }
}
