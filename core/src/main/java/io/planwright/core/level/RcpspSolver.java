package io.planwright.core.level;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shortest schedule we can find for a resource-constrained project within a budget: what the
 * research on the RCPSP shows works (Kolisch and Hartmann's surveys; Valls et al. 2005 on
 * justification). An activity-list genetic algorithm (Hartmann 1998: two-point crossover that keeps
 * precedences, swap mutation, ranking selection) whose every schedule is decoded by the serial schedule
 * generation scheme and improved by forward-backward justification, started from the latest-finish-time
 * priority rule and biased random sampling around it. Independent populations run on the threads given
 * (islands, seeds derived from the seed), and the best schedule wins; with a limit on schedules rather
 * than time the result depends on the seed alone. It stops early at a lower bound (critical path, or
 * resource work over capacity), where nothing shorter exists.
 */
public final class RcpspSolver {

    /**
     * How long to search. {@code cpuNanos}: CPU time in all (split over the threads), 0 for none;
     * {@code maxSchedules}: schedules in all (each justification counts as two more), 0 for none; at
     * least one of them must be set.
     */
    public record Options(long cpuNanos, long maxSchedules, long seed, int threads) {
        public Options {
            if (cpuNanos <= 0 && maxSchedules <= 0) {
                throw new IllegalArgumentException("give the search a time limit or a number of schedules");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        public static Options schedules(long maxSchedules, long seed, int threads) {
            return new Options(0, maxSchedules, seed, threads);
        }
    }

    /** A schedule: the start period of each job, its makespan, how many schedules were generated, and the CPU time used. */
    public record Result(int[] starts, int makespan, long schedules, long cpuNanos, int lowerBound, long overallocated, long weightedDelay) {
        public Result(int[] starts, int makespan, long schedules, long cpuNanos, int lowerBound) {
            this(starts, makespan, schedules, cpuNanos, lowerBound, 0, 0);
        }

        /** Shorter first; of equal length, the least work left over-allocated (within float), then the least weighted delay. */
        boolean betterThan(Result o) {
            return makespan != o.makespan ? makespan < o.makespan
                    : overallocated != o.overallocated ? overallocated < o.overallocated : weightedDelay < o.weightedDelay;
        }
    }

    private RcpspSolver() {
    }

    /** A lower bound on the makespan: the critical path, and for each resource its total work over its capacity. */
    public static int lowerBound(Rcpsp p) {
        int lb = p.criticalPathLength();
        for (int r = 0; r < p.resources; r++) {
            long work = 0;
            for (int j = 0; j < p.jobs; j++) {
                work += (long) p.duration[j] * p.demand[j * p.resources + r];
            }
            if (p.capacity[r] > 0) {
                lb = (int) Math.max(lb, (work + p.capacity[r] - 1) / p.capacity[r]);
            }
        }
        return lb;
    }

    /** One pass of the serial scheme with a priority rule: among the jobs whose predecessors are scheduled, the least priority value first (ties: lower number). */
    public static Result priorityRule(Rcpsp p, int[] priority) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        SerialSgs sgs = new SerialSgs(p);
        int[] order = listByPriority(p, priority, null, 0);
        int[] starts = new int[p.jobs];
        int m = sgs.forward(order, starts);
        return new Result(starts, m, 1, cpu.getCurrentThreadCpuTime() - t0, lowerBound(p));
    }

    /** The latest finish time of each job by precedences (the LFT rule's priority: the least first). */
    public static int[] latestFinish(Rcpsp p) {
        return p.latestFinishes(p.criticalPathLength());
    }

    /**
     * MS Project's standard leveling order as a priority rule: the least total float first, then the
     * earliest start (so that work is delayed, not reordered, where float allows).
     */
    public static int[] leastFloat(Rcpsp p) {
        int[] es = p.earliestStarts();
        int[] lf = latestFinish(p);
        int[] key = new int[p.jobs];
        int spread = p.horizon + 1;
        for (int j = 0; j < p.jobs; j++) {
            int slack = lf[j] - p.duration[j] - es[j];
            key[j] = slack * spread + es[j];
        }
        return key;
    }

    /** The best schedule found within the options' budget. */
    public static Result solve(Rcpsp p, Options options) {
        Result found = search(p, options);
        if (p.latest != null) {
            return found; // within float the finish is fixed; the search minimises what is left over-allocated
        }
        // never worse than the leveling it replaces: MS Project's order, one pass (seeding the search with
        // it instead costs the search 0.1 point on j120: a strong early schedule narrows the population)
        Result rule = priorityRule(p, leastFloat(p));
        if (rule.makespan < found.makespan) {
            return new Result(rule.starts, rule.makespan, found.schedules + 1, found.cpuNanos + rule.cpuNanos, found.lowerBound, 0,
                    p.weightedDelay(rule.starts, p.earliestStarts()));
        }
        return found;
    }

    private static Result search(Rcpsp p, Options options) {
        int lb = lowerBound(p);
        if (options.threads == 1) {
            return new Island(p, options, 0, lb).run();
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads, r -> {
            Thread t = new Thread(r, "planwright-level");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < options.threads; i++) {
                int island = i;
                runs.add(pool.submit(() -> new Island(p, options, island, lb).run()));
            }
            Result best = null;
            long schedules = 0;
            long cpuNanos = 0;
            for (Future<Result> f : runs) {
                Result r = f.get();
                schedules += r.schedules;
                cpuNanos += r.cpuNanos;
                if (best == null || r.betterThan(best)) {
                    best = r;
                }
            }
            return new Result(best.starts, best.makespan, schedules, cpuNanos, lb, best.overallocated, best.weightedDelay);
        } catch (Exception e) {
            throw new IllegalStateException("leveling failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An activity list by a priority: repeatedly the eligible job (all predecessors listed) with the
     * least value; with {@code random}, biased random sampling: a job is drawn with a weight that grows
     * with how much better its priority is than the worst eligible one (regret-based, Kolisch 1996).
     */
    static int[] listByPriority(Rcpsp p, int[] priority, SplittableRandom random, double bias) {
        int n = p.jobs;
        int[] waiting = new int[n];
        for (int j = 0; j < n; j++) {
            waiting[j] = p.predecessors[j].length;
        }
        int[] eligible = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (waiting[j] == 0) {
                eligible[count++] = j;
            }
        }
        int[] order = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int pick;
            if (random == null) {
                pick = 0;
                for (int e = 1; e < count; e++) {
                    int a = eligible[e];
                    int b = eligible[pick];
                    if (priority[a] < priority[b] || priority[a] == priority[b] && a < b) {
                        pick = e;
                    }
                }
            } else {
                int worst = Integer.MIN_VALUE;
                for (int e = 0; e < count; e++) {
                    worst = Math.max(worst, priority[eligible[e]]);
                }
                double total = 0;
                for (int e = 0; e < count; e++) {
                    weight[e] = Math.pow(worst - priority[eligible[e]] + 1, bias);
                    total += weight[e];
                }
                double x = random.nextDouble() * total;
                pick = count - 1;
                for (int e = 0; e < count; e++) {
                    x -= weight[e];
                    if (x <= 0) {
                        pick = e;
                        break;
                    }
                }
            }
            int job = eligible[pick];
            eligible[pick] = eligible[--count];
            order[i] = job;
            for (int s : p.successors[job]) {
                if (--waiting[s] == 0) {
                    eligible[count++] = s;
                }
            }
        }
        return order;
    }

    static boolean nonNegativeLags(Rcpsp q) {
        for (int[] lags : q.predecessorLags) {
            for (int lag : lags) {
                if (lag < 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
