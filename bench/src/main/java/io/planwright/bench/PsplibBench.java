package io.planwright.bench;

import io.planwright.core.level.Rcpsp;
import io.planwright.core.level.RcpspSolver;
import io.planwright.formats.psplib.PsplibReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Leveling measured on PSPLIB: every {@code .sm} instance of a directory levelled by Planwright's
 * solver within a CPU budget, and by the single-pass priority rule that MS Project's standard leveling
 * order amounts to (least float first, then earliest start), each against the reference: the optimum
 * for j30 ({@code j30opt.sm} beside the directory), the critical-path lower bound otherwise.
 */
public final class PsplibBench {

    /** One instance's result. */
    public record Row(String instance, int jobs, int makespan, long cpuNanos, long schedules, int[] starts, int criticalPath, Integer optimum,
                      int priorityRule, int lftRule, String violation) {
        /** The reference the deviation is measured from: the optimum when known, else the critical path. */
        public int reference() {
            return optimum != null ? optimum : criticalPath;
        }
    }

    private PsplibBench() {
    }

    /** The .sm files of a directory, in PSPLIB's order (parameter, then instance). */
    public static List<Path> instances(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sm")).sorted(Comparator.comparing(PsplibBench::orderKey)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orderKey(Path p) {
        Matcher m = Pattern.compile("(\\D*)(\\d+)_(\\d+)\\.sm").matcher(p.getFileName().toString());
        if (!m.matches()) {
            return p.getFileName().toString();
        }
        // j301_1: the set's digits run into the parameter; sort numerically on what follows the set name
        return m.group(1) + String.format(Locale.ROOT, "%08d_%04d", Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * Optimal makespans by instance file name from a {@code jXXopt.sm} file beside the directory (for
     * j30: {@code j30opt.sm}), or an empty map when there is none.
     */
    public static Map<String, Integer> optima(Path dir) {
        Path file = dir.resolveSibling(dir.getFileName().toString() + "opt.sm");
        return Files.isRegularFile(file) ? optima(file, dir.getFileName().toString()) : new HashMap<>();
    }

    /** Optimal makespans from a PSPLIB {@code jXXopt.sm} file, by instance file name ({@code set} + parameter + "_" + instance + ".sm"). */
    public static Map<String, Integer> optima(Path file, String set) {
        Map<String, Integer> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].matches("\\d+") && f[1].matches("\\d+") && f[2].matches("\\d+")) {
                    out.put(set + f[0] + "_" + f[1] + ".sm", Integer.parseInt(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Levels one instance both ways and checks the solver's schedule against every precedence and capacity. */
    public static Row run(Path file, RcpspSolver.Options options, Map<String, Integer> optima) {
        Rcpsp p = PsplibReader.instance(file);
        RcpspSolver.Result r = RcpspSolver.solve(p, options);
        RcpspSolver.Result rule = RcpspSolver.priorityRule(p, RcpspSolver.leastFloat(p));
        RcpspSolver.Result lft = RcpspSolver.priorityRule(p, RcpspSolver.latestFinish(p));
        String name = file.getFileName().toString();
        String violation = p.violation(r.starts());
        if (violation == null && p.makespan(r.starts()) != r.makespan()) {
            violation = "the reported makespan " + r.makespan() + " is not the schedule's " + p.makespan(r.starts());
        }
        return new Row(name, p.jobs(), r.makespan(), r.cpuNanos(), r.schedules(), r.starts(), p.criticalPathLength(), optima.get(name),
                rule.makespan(), lft.makespan(), violation);
    }

    public static String csvHeader() {
        return "instance,jobs,makespan,cpu_ms,starts";
    }

    public static String csv(Row row) {
        StringBuilder b = new StringBuilder();
        b.append(row.instance).append(',').append(row.jobs).append(',').append(row.makespan).append(',')
                .append(String.format(Locale.ROOT, "%.1f", row.cpuNanos / 1e6)).append(',');
        for (int i = 0; i < row.starts.length; i++) {
            b.append(i == 0 ? "" : " ").append(row.starts[i]);
        }
        return b.toString();
    }

    /** The summary of a run: mean deviations from the reference, optimal or best-bound hits, CPU time, feasibility. */
    public static String summary(String set, List<Row> rows) {
        double dev = 0;
        double devRule = 0;
        double devLft = 0;
        int atReference = 0;
        long cpuMax = 0;
        double cpuSum = 0;
        long infeasible = rows.stream().filter(r -> r.violation != null).count();
        boolean optimum = rows.stream().allMatch(r -> r.optimum != null);
        for (Row r : rows) {
            dev += (r.makespan - r.reference()) / (double) r.reference();
            devRule += (r.priorityRule - r.reference()) / (double) r.reference();
            devLft += (r.lftRule - r.reference()) / (double) r.reference();
            if (r.makespan == r.reference()) {
                atReference++;
            }
            cpuSum += r.cpuNanos / 1e6;
            cpuMax = Math.max(cpuMax, r.cpuNanos);
        }
        int n = Math.max(1, rows.size());
        String reference = optimum ? "the optimum" : "the critical-path lower bound";
        return String.format(Locale.ROOT, "%s: %d instances; mean deviation from %s: Planwright %.2f %%, priority rule (MS Project's order) %.2f %%, LFT rule %.2f %%;"
                        + " %s reached on %d; CPU per instance mean %.0f ms, max %.0f ms; schedules per instance mean %.0f; infeasible schedules: %d",
                set, rows.size(), reference, 100 * dev / n, 100 * devRule / n, 100 * devLft / n, optimum ? "optimum" : "lower bound", atReference, cpuSum / n,
                cpuMax / 1e6, rows.stream().mapToLong(Row::schedules).average().orElse(0), infeasible);
    }
}
