package io.planwright.cli;

import io.planwright.bench.ScheduleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, with competitors side by side.",
        subcommands = {BenchCommand.Schedule.class, BenchCommand.Generate.class})
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
            description = {"Generate a random network (about 2 links per task, mixed link types and lags, a 5x8 calendar with holidays),",
                    "schedule it completely with Planwright and with MPXJ's MicrosoftScheduler (up to 50,000 tasks),",
                    "and print the best of several runs after warm-up: tasks=N links=M planwright_ms=X mpxj_ms=Y"})
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

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a generated plan of N tasks (the benchmark's network: projects of 1,000 tasks in phases of 100,",
                    "about two links per task with all link types and lags, a calendar with holidays, twenty people) in any",
                    "format Planwright writes, chosen by the extension of OUT: .plan.yaml, .json, .xml, .xer, .pmxml, .csv, .xlsx.",
                    "For measuring the formats end to end, e.g. 'planwright schedule OUT --verbose'."})
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
}
