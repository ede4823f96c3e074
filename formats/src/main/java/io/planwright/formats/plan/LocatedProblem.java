package io.planwright.formats.plan;

import io.planwright.core.check.Problem;
import io.planwright.formats.tree.Location;
import io.planwright.formats.tree.Node;

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

    /** The task the problem concerns, from its model path ({@code tasks/<id>/...}), or null. */
    public String taskId() {
        String path = problem.path();
        return path != null && path.startsWith("tasks/") ? path.substring("tasks/".length()).split("/")[0] : null;
    }

    /** For JSON output: where (line and column in text files, none in binary ones), what, and the task it concerns. */
    public Node.MapNode json() {
        return Node.MapNode.builder().flow()
                .put("line", location == null ? null : Node.ScalarNode.number(Integer.toString(location.line())))
                .put("column", location == null ? null : Node.ScalarNode.number(Integer.toString(location.column())))
                .put("severity", problem.severity().text())
                .put("code", problem.code())
                .put("task", taskId())
                .put("message", problem.message()).build();
    }

    @Override
    public String toString() {
        return format();
    }
}
