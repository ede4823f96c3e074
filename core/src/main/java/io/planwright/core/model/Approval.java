package io.planwright.core.model;

import java.util.List;

/**
 * A sign-off a deliverable or a milestone needs before it counts as accepted: by the named stakeholders
 * ({@code approvers}), or, when none are named, by its Accountable in the RACI.
 */
public record Approval(List<String> approvers) {

    public Approval {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /** Approval by the item's Accountable (none named). */
    public static Approval byAccountable() {
        return new Approval(List.of());
    }
}
