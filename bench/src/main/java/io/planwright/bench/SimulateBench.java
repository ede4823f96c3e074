package io.planwright.bench;

import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The risk analysis benchmark: the generated network of {@code planwright bench schedule} (about two
 * links per task of all four types with lags, projects of 1,000 tasks in phases of 100) with a
 * three-point estimate on every task that is not a milestone (optimistic 80 %, most likely 100 %,
 * pessimistic 160 % of its duration, triangular), simulated {@code iterations} times: the best of a few
 * runs after two warm-up runs. Beside it, the naive loop the issue describes (one thread: for each
 * iteration, draw every duration with {@code SplittableRandom}, then a forward pass), on the same network.
 */
public final class SimulateBench {

    /** One measurement: the network, and the milliseconds of the simulation and of the naive loop (-1 when not run). */
    public record Line(int tasks, int links, int iterations, int threads, long ms, long naiveMs, double p50Days, double p90Days) {
        public String text() {
            return String.format(Locale.ROOT, "tasks=%d iterations=%d ms=%d", tasks, iterations, ms)
                    + String.format(Locale.ROOT, " threads=%d links=%d", threads, links)
                    + (naiveMs >= 0 ? " naive_single_thread_ms=" + naiveMs : "")
                    + String.format(Locale.ROOT, " p50_days=%.1f p90_days=%.1f", p50Days, p90Days);
        }
    }

    private SimulateBench() {
    }

    /** The generated plan with an estimate on every task that does work. */
    public static Plan plan(int tasks, long seed) {
        Plan plan = PlanGenerator.plan(NetworkGenerator.generate(tasks, seed));
        List<Task> out = new ArrayList<>(plan.tasks().size());
        for (Task t : plan.tasks()) {
            if (t.duration() != null && !t.milestone() && t.duration().amount() > 0) {
                Duration d = t.duration();
                out.add(t.toBuilder().estimate(Estimate.of(Duration.of(d.amount() * 0.8, d.unit()), d, Duration.of(d.amount() * 1.6, d.unit())))
                        .build());
            } else {
                out.add(t);
            }
        }
        return plan.toBuilder().tasks(out).build();
    }

    public static Line run(int tasks, int iterations, long seed, int threads, int runs, boolean naive) {
        Plan plan = plan(tasks, seed);
        SimulationModel model = SimulationModel.of(plan);
        MonteCarlo.Options options = new MonteCarlo.Options(iterations, seed, threads, 0);
        MonteCarlo.run(model, options, null); // warm-up: the compiler settles over two runs
        MonteCarlo.run(model, options, null);
        long best = Long.MAX_VALUE;
        MonteCarlo.Result r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = MonteCarlo.run(model, options, null);
            best = Math.min(best, System.nanoTime() - t0);
        }
        long naiveMs = -1;
        if (naive) {
            naiveLoop(model, Math.min(iterations, 1000), seed); // warm-up
            long t0 = System.nanoTime();
            naiveLoop(model, iterations, seed);
            naiveMs = (System.nanoTime() - t0) / 1_000_000;
        }
        return new Line(tasks, model.linkCount(), iterations, threads, best / 1_000_000, naiveMs, r.finishDays().p50(), r.finishDays().p90());
    }

    /** The naive loop: sampling with SplittableRandom.nextDouble and the forward pass, nothing else, on one thread. */
    static double naiveLoop(SimulationModel model, int iterations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        for (int it = 0; it < iterations; it++) {
            sum += model.naiveIteration(random);
        }
        return sum;
    }
}
