package io.planwright.formats.plan;

import io.planwright.core.check.Problem;
import io.planwright.formats.tree.Location;

/** A problem with the file and the line and column it concerns (no location for binary files). */
public record LocatedProblem(String file, Location location, Problem problem) {

    public boolean isError() {
        return problem.isError();
    }

    /** {@code plan.yaml:12:7: error: task 'build' depends on unknown task 'desing' (did you mean 'design'?)}. */
    public String format() {
        String where = location == null ? file : file + ":" + location.line() + ":" + location.column();
        return where + ": " + problem.severity().text() + ": " + problem.message();
    }

    @Override
    public String toString() {
        return format();
    }
}
