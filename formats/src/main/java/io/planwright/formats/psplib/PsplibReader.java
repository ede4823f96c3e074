package io.planwright.formats.psplib;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.formats.plan.InputFile;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.SourceMap;
import io.planwright.formats.tree.Location;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PSPLIB single-mode RCPSP instance ({@code .sm}, Kolisch and Sprecher's project scheduling
 * problem library): its jobs with durations, their successors, and the renewable resources with their
 * capacities and each job's requests. One period is one working day of a standard calendar; the plan
 * starts on Monday 5 January 2026. Job 1 and the last job (PSPLIB's dummy source and sink) become the
 * milestones "Project start" and "Project finish". Resource {@code R 2} with capacity 12 becomes a
 * resource of 12 units, and a request of 4 an assignment of 4 units, so that leveling can be checked
 * against the published optimal and best-known makespans.
 */
public final class PsplibReader {

    public static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 8, 0);

    private final String file;
    private final List<String> lines;
    private final List<LocatedProblem> problems = new ArrayList<>();
    private final SourceMap sources = new SourceMap();

    private PsplibReader(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static ReadResult read(Path path) {
        String name = path.toString();
        InputFile in = InputFile.read(path, 16L * 1024 * 1024, "a PSPLIB instance");
        if (in.failure() != null) {
            return in.asResult();
        }
        List<String> lines = new String(in.bytes(), StandardCharsets.ISO_8859_1).lines().toList();
        PsplibReader r = new PsplibReader(name, lines);
        String base = path.getFileName() == null ? "psplib" : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Plan plan;
        try {
            plan = r.plan(base);
        } catch (Bad e) {
            r.problems.add(new LocatedProblem(name, e.line > 0 ? new Location(e.line, 1) : null, Problem.error("bad-value", null, e.getMessage())));
            plan = null;
        }
        return new ReadResult(name, plan, r.problems, r.sources);
    }

    private static final class Bad extends Exception {
        final int line;

        Bad(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** What an .sm file holds: jobs 1..n (index 0 unused), their successors, durations, requests, and the capacities. */
    private record Parsed(int jobs, int horizon, int renewable, int precedence, int available, List<List<Integer>> successors, int[] duration,
                          int[][] request, int[] capacity) {
    }

    /**
     * The instance as a resource-constrained scheduling problem for the leveler (jobs numbered from 0 in
     * the file's order, which PSPLIB keeps topological); a file that cannot be read is refused with the
     * line that is wrong.
     */
    public static io.planwright.core.level.Rcpsp instance(Path path) {
        String name = path.toString();
        InputFile in = InputFile.read(path, 16L * 1024 * 1024, "a PSPLIB instance");
        if (in.failure() != null) {
            throw new IllegalArgumentException(in.asResult().problems().get(0).format());
        }
        PsplibReader r = new PsplibReader(name, new String(in.bytes(), StandardCharsets.ISO_8859_1).lines().toList());
        Parsed f;
        try {
            f = r.parse();
        } catch (Bad e) {
            throw new IllegalArgumentException(name + (e.line > 0 ? ":" + e.line : "") + ": " + e.getMessage());
        }
        int n = f.jobs;
        int[] duration = new int[n];
        int[][] demand = new int[n][];
        int[][] successors = new int[n][];
        for (int j = 1; j <= n; j++) {
            duration[j - 1] = f.duration[j];
            demand[j - 1] = f.request[j].clone();
            successors[j - 1] = f.successors.get(j - 1).stream().mapToInt(s -> s - 1).toArray();
        }
        try {
            return new io.planwright.core.level.Rcpsp(duration, demand, f.capacity, successors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private Parsed parse() throws Bad {
        int jobs = intAfter("jobs (incl. supersource/sink", 0);
        int horizon = intAfter("horizon", 0);
        int renewable = intAfter("- renewable", 0);
        int nonRenewable = lineOf("- nonrenewable", 0) >= 0 ? intAfter("- nonrenewable", 0) : 0;
        int doubly = lineOf("- doubly constrained", 0) >= 0 ? intAfter("- doubly constrained", 0) : 0;
        if (jobs < 2 || jobs > 100_000) {
            throw new Bad(lineOf("jobs (incl. supersource/sink", 0) + 1, "the number of jobs (" + jobs + ") is not usable");
        }
        for (int count : new int[] {renewable, nonRenewable, doubly}) {
            if (count < 0 || count > 1000) {
                throw new Bad(lineOf("RESOURCES", 0) + 1, "a resource count of " + count + " is not usable (0 to 1,000)");
            }
        }
        if (nonRenewable + doubly > 0) {
            problems.add(new LocatedProblem(file, null, Problem.warning("loss", null, "not carried over: " + (nonRenewable + doubly)
                    + " non-renewable or doubly constrained resources (a budget, not a capacity per day)")));
        }
        // successors
        int precedence = lineOf("PRECEDENCE RELATIONS", 0);
        if (precedence < 0) {
            throw new Bad(0, "this is not a PSPLIB .sm file: no 'PRECEDENCE RELATIONS' section");
        }
        List<List<Integer>> successors = new ArrayList<>();
        int line = precedence + 2;
        for (int j = 1; j <= jobs; j++, line++) {
            int[] v = numbers(line, 3);
            if (v[0] != j) {
                throw new Bad(line + 1, "expected the precedence line of job " + j + ", found job " + v[0]);
            }
            if (v[1] != 1) {
                throw new Bad(line + 1, "job " + j + " has " + v[1] + " modes; only single-mode instances (.sm) are supported");
            }
            if (v.length != 3 + v[2]) {
                throw new Bad(line + 1, "job " + j + " announces " + v[2] + " successors but lists " + (v.length - 3));
            }
            List<Integer> s = new ArrayList<>();
            for (int k = 3; k < v.length; k++) {
                if (v[k] < 1 || v[k] > jobs || v[k] == j) {
                    throw new Bad(line + 1, "job " + j + " has successor " + v[k] + ", which is not another job of 1 to " + jobs);
                }
                s.add(v[k]);
            }
            successors.add(s);
        }
        // durations and requests
        int requests = lineOf("REQUESTS/DURATIONS", precedence);
        if (requests < 0) {
            throw new Bad(0, "no 'REQUESTS/DURATIONS' section");
        }
        line = requests + 3; // title, header, dashes
        int[] duration = new int[jobs + 1];
        int[][] request = new int[jobs + 1][renewable];
        for (int j = 1; j <= jobs; j++, line++) {
            int[] v = numbers(line, 3 + renewable + nonRenewable + doubly);
            if (v[0] != j) {
                throw new Bad(line + 1, "expected the durations and requests of job " + j + ", found job " + v[0]);
            }
            if (v[2] < 0) {
                throw new Bad(line + 1, "job " + j + " has a negative duration");
            }
            duration[j] = v[2];
            for (int k = 0; k < renewable; k++) {
                request[j][k] = v[3 + k];
            }
        }
        int available = lineOf("RESOURCEAVAILABILITIES", requests);
        if (available < 0) {
            throw new Bad(0, "no 'RESOURCEAVAILABILITIES' section");
        }
        int[] capacity = numbers(available + 2, renewable);
        for (int k = 0; k < renewable; k++) {
            if (capacity[k] < 0) {
                throw new Bad(available + 3, "resource R " + (k + 1) + " has a negative capacity");
            }
        }
        return new Parsed(jobs, horizon, renewable, precedence, available, successors, duration, request, capacity);
    }

    private Plan plan(String name) throws Bad {
        Parsed f = parse();
        int jobs = f.jobs;
        int horizon = f.horizon;
        int renewable = f.renewable;
        int precedence = f.precedence;
        int available = f.available;
        List<List<Integer>> successors = f.successors;
        int[] duration = f.duration;
        int[][] request = f.request;
        int[] capacity = f.capacity;
        Plan.Builder plan = Plan.builder(name);
        plan.description("PSPLIB instance " + name + ": " + (jobs - 2) + " jobs, " + renewable + " renewable resources, horizon " + horizon
                + " periods; one period is one working day");
        plan.start(START);
        List<Resource> resources = new ArrayList<>();
        for (int k = 0; k < renewable; k++) {
            resources.add(Resource.builder("r" + (k + 1)).name("R " + (k + 1)).maxUnits(capacity[k]).build());
        }
        plan.resources(resources);
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int j = 0; j <= jobs; j++) {
            predecessors.add(new ArrayList<>());
        }
        for (int j = 1; j <= jobs; j++) {
            for (int s : successors.get(j - 1)) {
                predecessors.get(s).add(j);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (int j = 1; j <= jobs; j++) {
            String id = "j" + j;
            String title = j == 1 ? "Project start" : j == jobs ? "Project finish" : "Job " + j;
            Task.Builder b = Task.builder(id).name(title).duration(Duration.days(duration[j])).milestone(duration[j] == 0);
            for (int p : predecessors.get(j)) {
                b.after("j" + p);
            }
            List<Assignment> assignments = new ArrayList<>();
            for (int k = 0; k < renewable; k++) {
                if (request[j][k] > 0) {
                    assignments.add(new Assignment("r" + (k + 1), request[j][k], null));
                }
            }
            b.assignments(assignments);
            tasks.add(b.build());
            sources.put("tasks/" + id, new Location(precedence + 3 + j - 1, 1));
        }
        plan.tasks(tasks);
        return plan.build();
    }

    private int lineOf(String marker, int from) {
        String m = marker.toLowerCase(Locale.ROOT);
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(m)) {
                return i;
            }
        }
        return -1;
    }

    private int intAfter(String marker, int from) throws Bad {
        int i = lineOf(marker, from);
        if (i < 0) {
            throw new Bad(0, "this is not a PSPLIB .sm file: no '" + marker.strip() + "' line");
        }
        String l = lines.get(i);
        int colon = l.indexOf(':');
        String tail = colon < 0 ? "" : l.substring(colon + 1).trim().split("\\s+")[0];
        try {
            return Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw new Bad(i + 1, "expected a number after '" + marker.strip() + ":', found '" + tail + "'");
        }
    }

    private int[] numbers(int index, int atLeast) throws Bad {
        if (index >= lines.size()) {
            throw new Bad(lines.size(), "the file ends too early (a section is incomplete)");
        }
        String l = lines.get(index).trim();
        String[] parts = l.isEmpty() ? new String[0] : l.split("\\s+");
        if (parts.length < atLeast) {
            throw new Bad(index + 1, "expected at least " + atLeast + " numbers, found '" + l + "'");
        }
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new Bad(index + 1, "'" + parts[i] + "' is not a whole number");
            }
        }
        return v;
    }
}
