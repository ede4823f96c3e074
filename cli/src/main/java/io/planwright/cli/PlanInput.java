package io.planwright.cli;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.PlanIO;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Reads a plan for a command: prints its problems, and stops the command if there are errors. */
final class PlanInput {

    private PlanInput() {
    }

    /** Reads and checks; problems go to {@code err}; errors end the command with exit code 1. */
    static Plan read(Path file, PrintWriter err, boolean showWarnings) {
        return readResult(file, err, showWarnings).plan();
    }

    /** The same, with the warnings (for a report that lists them). */
    static ReadResult readResult(Path file, PrintWriter err, boolean showWarnings) {
        return readResult(file, err, showWarnings, null);
    }

    /** @param timing if not null, receives the nanoseconds spent reading and checking */
    static ReadResult readResult(Path file, PrintWriter err, boolean showWarnings, long[] timing) {
        long t0 = System.nanoTime();
        ReadResult read = PlanIO.read(file);
        long t1 = System.nanoTime();
        ReadResult r = PlanIO.check(file, read);
        if (timing != null) {
            timing[0] = t1 - t0;
            timing[1] = System.nanoTime() - t1;
        }
        print(r.problems(), err, showWarnings);
        if (r.plan() == null || r.hasErrors()) {
            long errors = r.problems().stream().filter(LocatedProblem::isError).count();
            throw CliException.problems(file + ": " + errors + (errors == 1 ? " error" : " errors") + "; nothing was written");
        }
        return r;
    }

    static void print(List<LocatedProblem> problems, PrintWriter out, boolean showWarnings) {
        for (LocatedProblem p : problems) {
            if (p.isError() || showWarnings) {
                out.println(p.format());
            }
        }
        out.flush();
    }
}
