package io.planwright.cli;

import io.planwright.bench.ScheduleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, with competitors side by side.",
        subcommands = {BenchCommand.Schedule.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = {"Generate a random network (about 2 links per task, mixed link types and lags, a 5x8 calendar with holidays),",
                    "schedule it completely with Planwright and with MPXJ's MicrosoftScheduler (up to 50,000 tasks),",
                    "and print the best of several runs after warm-up: tasks=N links=M planwright_ms=X mpxj_ms=Y"})
    static final class Schedule implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--tasks", required = true, description = "Number of tasks.")
        int tasks;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs of each scheduler (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--no-mpxj", description = "Measure Planwright only.")
        boolean noMpxj;

        @Option(names = "--shuffle", description = "Number the tasks in random order (the worst case: the schedulers must sort the network).")
        boolean shuffle;

        @Override
        public Integer call() {
            if (tasks < 1 || tasks > 20_000_000) {
                throw CliException.usage("--tasks must be between 1 and 20,000,000");
            }
            if (runs < 1) {
                throw CliException.usage("--runs must be at least 1");
            }
            spec.commandLine().getOut().println(ScheduleBench.run(tasks, seed, runs, !noMpxj, shuffle).line());
            return 0;
        }
    }
}
