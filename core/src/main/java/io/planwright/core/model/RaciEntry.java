package io.planwright.core.model;

import java.util.Objects;

/** One cell of a RACI matrix: a party (a resource, a stakeholder or a role) and its part. */
public record RaciEntry(String party, RaciRole role) {

    public RaciEntry {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(role, "role");
    }
}
