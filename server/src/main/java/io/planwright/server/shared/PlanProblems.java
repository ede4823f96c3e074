package io.planwright.server.shared;

import io.planwright.core.check.Problem;

import java.util.List;

/** A change would give the plan errors; nothing was written (422). */
public final class PlanProblems extends RuntimeException {
    private final List<Problem> problems;

    public PlanProblems(List<Problem> problems) {
        super(problems.size() + " problems", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
