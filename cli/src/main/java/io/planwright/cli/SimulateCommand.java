package io.planwright.cli;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.model.Plan;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.format.Amounts;
import io.planwright.formats.risk.SimulationJson;
import io.planwright.formats.schedule.ScheduleCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Risk analysis: a Monte Carlo simulation of the plan's finish and cost.",
                "Each iteration samples every task's three-point estimate (triangular or PERT), lets each risk of the register",
                "occur by its probability (its schedule impact added to its tasks, its cost impact to the cost) and reschedules the",
                "network. Prints P10/P50/P80/P90 and the mean of the finish and the cost, the probability of meeting each deadline,",
                "each task's criticality index and the tasks and risks that drive the finish (sensitivity)."})
final class SimulateCommand implements Callable<Integer> {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    PlanReport report;

    @Option(names = "--iterations", defaultValue = "10000", description = "Iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed gives the same numbers, whatever the threads (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--correlation", defaultValue = "0", description = "Correlation between any two uncertain durations, 0 (default) up to 0.99.")
    double correlation;

    @Option(names = "--format", defaultValue = "table", description = "table (for people, default) or json.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings and the progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (iterations < 1 || iterations > 10_000_000) {
            throw CliException.usage("--iterations must be between 1 and 10000000");
        }
        int cpus = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (cpus < 1 || cpus > 256) {
            throw CliException.usage("--threads must be between 1 and 256");
        }
        if (!(correlation >= 0 && correlation < 1)) {
            throw CliException.usage("--correlation must be from 0 up to (not including) 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = PlanInput.readResult(report.file, err, !quiet).plan();
        SimulationModel model;
        try {
            model = SimulationModel.of(plan);
        } catch (CalendarRangeException | IllegalArgumentException e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        }
        Progress progress = !quiet && System.console() != null && (long) iterations * model.taskCount() >= 2_000_000L ? new Progress(err, iterations)
                : null;
        MonteCarlo.Result r = MonteCarlo.run(model, new MonteCarlo.Options(iterations, seed, cpus, correlation), progress);
        if (progress != null) {
            progress.clear();
        }
        String text = format == Format.json ? SimulationJson.write(r, false) : table(plan, r);
        report.write(spec, text);
        if (!quiet) {
            r.notes().forEach(n -> err.println("note: " + n));
            err.flush();
        }
        return 0;
    }

    /** A bar on standard error, redrawn at most every tenth of a second: only in a terminal. */
    static final class Progress implements java.util.function.IntConsumer {
        private final PrintWriter err;
        private final int total;
        private final java.util.function.LongSupplier clock;
        private boolean drawn;
        private long last;

        Progress(PrintWriter err, int total) {
            this(err, total, System::nanoTime);
        }

        /** With {@code clock} giving nanoseconds (tests give their own). */
        Progress(PrintWriter err, int total, java.util.function.LongSupplier clock) {
            this.err = err;
            this.total = total;
            this.clock = clock;
        }

        @Override
        public synchronized void accept(int done) {
            long now = clock.getAsLong();
            if (drawn && done < total && now - last < 100_000_000L) {
                return;
            }
            drawn = true;
            last = now;
            int width = 30;
            int filled = (int) ((long) done * width / total);
            err.print("\rsimulating [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done * 100L / total + " %");
            err.flush();
        }

        synchronized void clear() {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }

    static String table(Plan plan, MonteCarlo.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Risk analysis of %s: %,d iterations, seed %d, %d ms%n%n", plan.name(), r.iterations(), r.seed(),
                r.nanos() / 1_000_000));
        b.append(String.format(Locale.ROOT, "%-22s %-17s %-17s %-17s %-17s %-17s%n", "", "P10", "P50", "P80", "P90", "mean"));
        MonteCarlo.DatePercentiles f = r.finish();
        b.append(String.format(Locale.ROOT, "%-22s %-17s %-17s %-17s %-17s %-17s%n", "finish", t(f.p10()), t(f.p50()), t(f.p80()), t(f.p90()),
                t(f.mean())));
        MonteCarlo.Percentiles d = r.finishDays();
        b.append(String.format(Locale.ROOT, "%-22s %-17.1f %-17.1f %-17.1f %-17.1f %-17.1f%n", "finish (working days)", d.p10(), d.p50(), d.p80(),
                d.p90(), d.mean()));
        MonteCarlo.Percentiles c = r.cost();
        String cur = plan.currency();
        b.append(String.format(Locale.ROOT, "%-22s %-17s %-17s %-17s %-17s %-17s%n", "cost", Amounts.money(c.p10(), cur), Amounts.money(c.p50(), cur),
                Amounts.money(c.p80(), cur), Amounts.money(c.p90(), cur), Amounts.money(c.mean(), cur)));
        b.append(String.format(Locale.ROOT, "%nWithout uncertainty: finish %s (%.1f working days), cost %s%n", t(r.plannedFinish()),
                r.plannedFinishDays(), Amounts.money(r.plannedCost(), cur)));
        if (!r.deadlines().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nProbability of meeting each deadline%n"));
            for (Map.Entry<String, Double> e : r.deadlines().entrySet()) {
                b.append(String.format(Locale.ROOT, "  %-30s %-17s %5.1f %%%n", cut(e.getKey(), 30), t(r.deadlineDates().get(e.getKey())),
                        e.getValue() * 100));
            }
        }
        if (!r.milestones().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nMilestones%-21s %-17s %-17s %-17s%n", "", "P50", "P80", "P90"));
            r.milestones().entrySet().stream().limit(30).forEach(e -> b.append(String.format(Locale.ROOT, "  %-30s %-17s %-17s %-17s%n",
                    cut(e.getKey(), 30), t(e.getValue().p50()), t(e.getValue().p80()), t(e.getValue().p90()))));
        }
        b.append(String.format(Locale.ROOT, "%nCriticality index (share of iterations on the critical path), the highest%n"));
        r.criticality().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(15)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %-30s %5.1f %%%n", cut(e.getKey(), 30), e.getValue() * 100)));
        b.append(String.format(Locale.ROOT, "%nSensitivity (correlation with the finish), the strongest%n"));
        r.sensitivity().entrySet().stream().limit(15).forEach(e -> {
            int bar = (int) Math.round(Math.abs(e.getValue()) * 20);
            b.append(String.format(Locale.ROOT, "  %-30s %6.3f %s%n", cut(e.getKey(), 30), e.getValue(), "#".repeat(bar)));
        });
        List<String> notes = r.notes();
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("Note: ").append(n).append('\n'));
        }
        return b.toString();
    }

    /** Percentile dates are days (minutes would be false precision), and a finish at the end of a day is that day. */
    private static String t(java.time.LocalDateTime time) {
        return time == null ? "" : io.planwright.core.calendar.Moments.humanDay(time, io.planwright.core.calendar.Moments.Edge.FINISH);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
