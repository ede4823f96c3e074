package io.planwright.cli;

import io.planwright.core.level.RcpspSolver;
import picocli.CommandLine.Option;

/** How long and how the leveling search runs: shared by {@code level} and {@code bench psplib}. */
final class SearchOptions {

    @Option(names = "--schedules", defaultValue = "0", description = "Stop after this many schedules instead of by time: the same --seed then gives the same result.")
    long schedules;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Threads (default ${DEFAULT-VALUE}).")
    int threads;

    /** The search's budget: {@code cpuNanos} of CPU unless a number of schedules is given; bad values are refused by name. */
    RcpspSolver.Options options(long cpuNanos, String timeOption) {
        if (threads < 1 || threads > 256) {
            throw CliException.usage("--threads must be between 1 and 256");
        }
        if (schedules < 0) {
            throw CliException.usage("--schedules must be positive (or 0 to stop by time)");
        }
        if (schedules == 0 && cpuNanos <= 0) {
            throw CliException.usage("give a positive " + timeOption + ", or a positive --schedules");
        }
        return schedules > 0 ? RcpspSolver.Options.schedules(schedules, seed, threads) : new RcpspSolver.Options(cpuNanos, 0, seed, threads);
    }
}
