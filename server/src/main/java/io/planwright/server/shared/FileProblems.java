package io.planwright.server.shared;

import io.planwright.formats.plan.LocatedProblem;

import java.util.ArrayList;
import java.util.List;

/** A file that cannot be read into a plan: 422 with its problems, each with its line and column. */
public final class FileProblems extends RuntimeException {
    private final List<String> problems;

    public FileProblems(String name, List<LocatedProblem> problems, String storedAs, String shownAs) {
        super(name + ": " + problems.size() + " problems", null, false, false);
        List<String> out = new ArrayList<>();
        for (LocatedProblem p : problems) {
            out.add(storedAs.isEmpty() ? p.format() : p.format().replace(storedAs, shownAs));
        }
        this.problems = List.copyOf(out);
    }

    public List<String> problems() {
        return problems;
    }
}
