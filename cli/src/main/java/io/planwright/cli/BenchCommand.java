package io.planwright.cli;

import io.planwright.bench.ScheduleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, with competitors side by side.",
        subcommands = {BenchCommand.Schedule.class, BenchCommand.Generate.class, BenchCommand.Psplib.class, BenchCommand.Simulate.class,
                BenchCommand.Track.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The generated network's size and seed, shared by the bench commands. */
    static final class Network {
        @Option(names = "--tasks", required = true, description = "Number of tasks.")
        int tasks;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = {"Time Planwright's scheduler against MPXJ's on a generated network.",
                    "Generates a random network (about 2 links per task, mixed link types and lags, a 5x8 calendar with holidays),",
                    "schedules it completely with Planwright and with MPXJ's MicrosoftScheduler (up to 50,000 tasks), and prints the",
                    "best of several runs after warm-up: tasks=N links=M planwright_ms=X mpxj_ms=Y"})
    static final class Schedule implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Network network;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs of each scheduler (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--no-mpxj", description = "Measure Planwright only.")
        boolean noMpxj;

        @Option(names = "--shuffle", description = "Number the tasks in random order (the worst case: the schedulers must sort the network).")
        boolean shuffle;

        @Override
        public Integer call() {
            if (network.tasks < 1 || network.tasks > 20_000_000) {
                throw CliException.usage("--tasks must be between 1 and 20,000,000");
            }
            if (runs < 1) {
                throw CliException.usage("--runs must be at least 1");
            }
            spec.commandLine().getOut().println(ScheduleBench.run(network.tasks, network.seed, runs, !noMpxj, shuffle).line());
            return 0;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Time the risk analysis on the generated network of 'bench schedule'.",
                    "Every task gets a three-point estimate (80 % / 100 % / 160 % of its duration) and the network is simulated K times",
                    "(best of --runs after two warm-up runs); prints tasks=N iterations=K ms=X, the threads and links, and with --naive",
                    "the single-threaded naive loop on the same network."})
    static final class Simulate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Network network;

        @Option(names = "--iterations", defaultValue = "10000", description = "Iterations (default ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--threads", description = "Threads (default: all processors).")
        Integer threads;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--naive", description = "Also time the naive single-threaded loop (sampling and forward pass only).")
        boolean naive;

        @Override
        public Integer call() {
            if (network.tasks < 1 || network.tasks > 2_000_000) {
                throw CliException.usage("--tasks must be between 1 and 2,000,000");
            }
            if (iterations < 1 || iterations > 10_000_000 || runs < 1) {
                throw CliException.usage("--iterations must be between 1 and 10,000,000, --runs at least 1");
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || t > 256) {
                throw CliException.usage("--threads must be between 1 and 256");
            }
            spec.commandLine().getOut().println(io.planwright.bench.SimulateBench.run(network.tasks, iterations, network.seed, t, runs, naive).text());
            return 0;
        }
    }

    @Command(name = "track", mixinStandardHelpOptions = true,
            description = {"Time earned value and earned schedule on a generated plan in progress.",
                    "The network of 'bench schedule' with a cost on every task, its main baseline saved and progress updated as of the",
                    "day halfway; then earned value and earned schedule of every task, phase and the plan at P weekly dates (one: the",
                    "status date alone), best of --runs after two warm-up runs: tasks=N periods=P ms=X, and the plan's figures."})
    static final class Track implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Network network;

        @Option(names = "--periods", defaultValue = "104", description = "Weekly periods (default ${DEFAULT-VALUE}).")
        int periods;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() {
            if (network.tasks < 1 || network.tasks > 5_000_000) {
                throw CliException.usage("--tasks must be between 1 and 5,000,000");
            }
            if (periods < 1 || periods > 10_000 || runs < 1) {
                throw CliException.usage("--periods must be between 1 and 10,000, --runs at least 1");
            }
            spec.commandLine().getOut().println(io.planwright.bench.TrackBench.run(network.tasks, periods, network.seed, runs).text());
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a generated plan of N tasks in any format Planwright writes.",
                    "The benchmark's network: projects of 1,000 tasks in phases of 100, about two links per task with all link types and",
                    "lags, a calendar with holidays, twenty people; the format is chosen by the extension of OUT: .plan.yaml, .json, .xml,",
                    ".xer, .pmxml, .csv, .xlsx. For measuring the formats end to end, e.g. 'planwright schedule OUT --verbose'."})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Network network;

        @picocli.CommandLine.Parameters(paramLabel = "OUT", description = "The file to write.")
        java.nio.file.Path out;

        @Override
        public Integer call() throws java.io.IOException {
            if (network.tasks < 1 || network.tasks > 2_000_000) {
                throw CliException.usage("--tasks must be between 1 and 2,000,000");
            }
            io.planwright.core.model.Plan plan = io.planwright.bench.PlanGenerator.plan(io.planwright.bench.NetworkGenerator.generate(network.tasks, network.seed));
            try {
                io.planwright.formats.PlanIO.write(plan, out, java.time.Instant.now());
            } catch (io.planwright.formats.PlanIO.ExportException e) {
                throw CliException.usage(e.getMessage());
            }
            spec.commandLine().getErr().println("wrote " + out + " (" + plan.tasks().size() + " tasks and summaries)");
            return 0;
        }
    }

    @Command(name = "psplib", mixinStandardHelpOptions = true,
            description = {"Level every PSPLIB .sm instance of DIR and write a CSV of the schedules.",
                    "Each instance (j30, j60, j90, j120) is levelled within a CPU budget; the CSV has instance,jobs,makespan,cpu_ms,starts",
                    "(the start period of every job in file order, source and sink included). Prints the mean deviation from the optimum",
                    "(j30, from jXXopt.sm beside DIR) or the critical-path lower bound, beside the single-pass priority rule of MS",
                    "Project's standard leveling order, and checks every schedule."})
    static final class Psplib implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "A directory of PSPLIB .sm files.")
        java.nio.file.Path dir;

        @Option(names = "--time-limit-ms", defaultValue = "1000", description = "CPU milliseconds per instance, all threads together (default ${DEFAULT-VALUE}).")
        long timeLimitMs;

        @picocli.CommandLine.Mixin
        SearchOptions search;

        @Option(names = "--limit", defaultValue = "0", description = "Level only the first N instances (0: all).")
        int limit;

        @Option(names = "--out", description = "The CSV to write (default: standard output).")
        java.nio.file.Path out;

        @Option(names = "--optima", description = "A jXXopt.sm file with the optimal makespans (default: the one beside DIR, if any).")
        java.nio.file.Path optimaFile;

        @Override
        public Integer call() throws java.io.IOException {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw CliException.usage(dir + " is not a directory of PSPLIB .sm files");
            }
            io.planwright.core.level.RcpspSolver.Options options = search.options(timeLimitMs * 1_000_000L, "--time-limit-ms");
            java.util.List<java.nio.file.Path> files = io.planwright.bench.PsplibBench.instances(dir);
            if (files.isEmpty()) {
                throw CliException.usage(dir + " holds no .sm files");
            }
            if (limit > 0 && files.size() > limit) {
                files = files.subList(0, limit);
            }
            java.util.Map<String, Integer> optima = optimaFile != null
                    ? io.planwright.bench.PsplibBench.optima(optimaFile, optimaFile.getFileName().toString().replace("opt.sm", ""))
                    : io.planwright.bench.PsplibBench.optima(dir.toAbsolutePath().normalize());
            java.util.List<io.planwright.bench.PsplibBench.Row> rows = new java.util.ArrayList<>();
            StringBuilder csv = new StringBuilder(io.planwright.bench.PsplibBench.csvHeader()).append('\n');
            java.io.PrintWriter err = spec.commandLine().getErr();
            for (java.nio.file.Path f : files) {
                io.planwright.bench.PsplibBench.Row row;
                try {
                    row = io.planwright.bench.PsplibBench.run(f, options, optima);
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                rows.add(row);
                csv.append(io.planwright.bench.PsplibBench.csv(row)).append('\n');
                if (row.violation() != null) {
                    err.println(row.instance() + ": the schedule is not feasible: " + row.violation());
                }
                if (rows.size() % 60 == 0) {
                    err.println("  " + rows.size() + " of " + files.size() + " ...");
                    err.flush();
                }
            }
            if (out == null) {
                spec.commandLine().getOut().print(csv);
            } else {
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile(out.toAbsolutePath().getParent(), ".psplib", ".csv");
                java.nio.file.Files.writeString(tmp, csv);
                java.nio.file.Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            err.println(io.planwright.bench.PsplibBench.summary(dir.getFileName().toString(), rows));
            return rows.stream().anyMatch(r -> r.violation() != null) ? 1 : 0;
        }
    }
}
