package io.planwright.core.model;

import java.util.List;
import java.util.Objects;

/** An organisational objective the plan serves, measured by KPIs. */
public record Objective(String id, String name, String description, List<Kpi> kpis) {

    public Objective {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }
}
