package io.planwright.core.model;

import java.util.Objects;

/** An entry of the stakeholder register. */
public record Stakeholder(String id, String name, String organisation, String role, Level influence, Level interest,
                          Engagement currentEngagement, Engagement desiredEngagement, String contact, String notes) {

    public Stakeholder {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
