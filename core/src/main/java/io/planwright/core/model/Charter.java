package io.planwright.core.model;

import java.util.List;

/** Why the project exists and where its boundaries are. */
public record Charter(String purpose, List<String> inScope, List<String> outOfScope, List<String> assumptions,
                      List<String> constraints) {

    public static final Charter EMPTY = new Charter(null, List.of(), List.of(), List.of(), List.of());

    public Charter {
        inScope = inScope == null ? List.of() : List.copyOf(inScope);
        outOfScope = outOfScope == null ? List.of() : List.copyOf(outOfScope);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    public boolean isEmpty() {
        return purpose == null && inScope.isEmpty() && outOfScope.isEmpty() && assumptions.isEmpty() && constraints.isEmpty();
    }
}
