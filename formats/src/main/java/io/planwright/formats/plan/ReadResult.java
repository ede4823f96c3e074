package io.planwright.formats.plan;

import io.planwright.core.model.Plan;

import java.util.List;
import java.util.Set;

/** The plan (null when the file is not a plan at all), every problem found, and where things stood. */
public record ReadResult(String file, Plan plan, List<LocatedProblem> problems, SourceMap sources, Set<String> faultyPaths) {

    public ReadResult {
        problems = List.copyOf(problems);
        faultyPaths = Set.copyOf(faultyPaths);
    }

    public ReadResult(String file, Plan plan, List<LocatedProblem> problems, SourceMap sources) {
        this(file, plan, problems, sources, Set.of());
    }

    /** True if the file itself was wrong about the element at this model path (or the task it belongs to). */
    public boolean isFaulty(String path) {
        if (path == null) {
            return false;
        }
        String[] parts = path.split("/");
        return parts.length >= 2 && (faultyPaths.contains(parts[0] + "/" + parts[1]) || faultyPaths.contains(parts[0] + "/*"));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(LocatedProblem::isError);
    }

    public List<LocatedProblem> errors() {
        return problems.stream().filter(LocatedProblem::isError).toList();
    }
}
