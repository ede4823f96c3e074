package io.planwright.core.risk;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Schedule risk analysis: Monte Carlo simulation of a plan's dates and costs. Each iteration samples
 * every uncertain task's duration from its three-point estimate, decides which risks of the register
 * occur (each by its probability; one that occurs adds its schedule impact to the duration of the tasks
 * it is linked to and its cost impact to the cost), runs the forward and backward pass of the critical
 * path method over the plan's network, and records the finish, each milestone's finish, the cost, which
 * deadlines are met and which tasks are critical.
 *
 * <p>Reproducible: iteration {@code i} draws its numbers from its own stream, made from the seed and
 * {@code i} alone, and the iterations are summed in blocks whose size depends only on their number, so
 * the same seed gives the same numbers whatever the thread count. Optional correlation: a one-factor
 * Gaussian copula, every pair of uncertain durations with rank correlation close to the value given.
 */
public final class MonteCarlo {

    /** Iterations, seed, threads, and the correlation between any two uncertain durations (0 for none, below 1). */
    public record Options(int iterations, long seed, int threads, double correlation) {
        public Options {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            if (!(correlation >= 0 && correlation < 1)) {
                throw new IllegalArgumentException("correlation must be from 0 up to (not including) 1");
            }
        }

        public Options(int iterations, long seed) {
            this(iterations, seed, Runtime.getRuntime().availableProcessors(), 0);
        }
    }

    /** P10, P50, P80, P90 and the mean of a distribution. */
    public record Percentiles(double p10, double p50, double p80, double p90, double mean) {
    }

    /** The same for dates. */
    public record DatePercentiles(LocalDateTime p10, LocalDateTime p50, LocalDateTime p80, LocalDateTime p90, LocalDateTime mean) {
    }

    /**
     * What the simulation found. Finishes in working days from the project start (the plan's hours per
     * day) and as dates; {@code deadlines}: the share of iterations meeting each deadline (task id, or
     * {@link SimulationModel#PROJECT} for the plan's target finish); {@code criticality}: the share of
     * iterations in which each task is critical; {@code sensitivity}: the correlation of each uncertain
     * task's duration and each risk's delay with the finish, the strongest first; {@code finishSamples} (working days) and
     * {@code costSamples}: every iteration's result, sorted, for histograms.
     */
    public record Result(int iterations, long seed, LocalDateTime start, DatePercentiles finish, Percentiles finishDays,
                         Percentiles cost, Map<String, DatePercentiles> milestones, Map<String, Double> deadlines,
                         Map<String, LocalDateTime> deadlineDates, Map<String, Double> criticality, Map<String, Double> sensitivity,
                         double[] finishSamples, double[] costSamples, LocalDateTime plannedFinish, double plannedFinishDays, double plannedCost,
                         List<String> notes, long nanos) {
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-32;
    /** Floats below this many minutes count as none (critical). */
    private static final double EPSILON = 1e-6;

    private MonteCarlo() {
    }

    /** Runs the simulation; {@code progress} (may be null) hears the number of iterations done, from the worker threads. */
    public static Result run(SimulationModel m, Options o, IntConsumer progress) {
        long t0 = System.nanoTime();
        int iterations = o.iterations();
        int block = Math.max(64, (iterations + 63) / 64);
        int blocks = (iterations + block - 1) / block;
        Shared shared = new Shared(m, iterations);
        Block[] sums = new Block[blocks];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int threads = Math.min(o.threads(), blocks);
        Runnable work = () -> {
            Worker w = new Worker(m, o, shared);
            int b;
            while ((b = next.getAndIncrement()) < blocks) {
                int from = b * block;
                int to = Math.min(iterations, from + block);
                sums[b] = w.run(from, to);
                int all = done.addAndGet(to - from);
                if (progress != null) {
                    progress.accept(all);
                }
            }
            synchronized (shared) {
                shared.add(w);
            }
        };
        if (threads == 1) {
            work.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "planwright-simulate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    runs.add(pool.submit(work));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the simulation failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the simulation was interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
        return summarize(m, o, shared, sums, System.nanoTime() - t0);
    }

    /** Results every iteration writes to its own place, and integer counts that add up in any order. */
    private static final class Shared {
        final double[] finish;
        final double[] cost;
        final float[][] milestone;
        final long[] critical;
        final long[] met;

        Shared(SimulationModel m, int iterations) {
            finish = new double[iterations];
            cost = new double[iterations];
            milestone = new float[m.milestones.length][iterations];
            critical = new long[m.n];
            met = new long[m.deadline.length];
        }

        void add(Worker w) {
            for (int i = 0; i < critical.length; i++) {
                critical[i] += w.critical[i];
            }
            for (int i = 0; i < met.length; i++) {
                met[i] += w.met[i];
            }
        }
    }

    /** Sums for the sensitivity over one block of iterations: per variable (uncertain tasks, then risks) sum of x, x squared, x times the finish. */
    private record Block(double[] sx, double[] sxx, double[] sxy) {
    }

    /** One thread's buffers. */
    private static final class Worker {
        private final SimulationModel m;
        private final Shared shared;
        private final long seed;
        private final double rho;
        private final double[] d;
        private final double[] es;
        private final double[] ef;
        private final long[] durations;
        private final double[] ls;
        private final double[] riskDelay;
        final int[] critical;
        final int[] met;
        private long state;

        Worker(SimulationModel m, Options o, Shared shared) {
            this.m = m;
            this.shared = shared;
            this.seed = o.seed();
            this.rho = o.correlation();
            this.d = new double[m.n];
            this.es = new double[m.n];
            this.ef = new double[m.n];
            this.durations = m.exact ? m.network.durations() : null;
            this.ls = new double[m.n];
            this.riskDelay = new double[m.riskIds.length];
            this.critical = new int[m.n];
            this.met = new int[m.deadline.length];
        }

        private long nextLong() {
            long z = (state += GOLDEN);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        private double nextUnit() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        private double gaussian() {
            double u = nextUnit();
            double v = nextUnit();
            return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }

        /**
         * One iteration on the scheduler of core itself (plans with several calendars, elapsed time, actual
         * dates, tasks as late as possible): the sampled durations in whole minutes, early and late dates and
         * the critical flags as the schedule computes them.
         */
        private double exact(SimulationModel m, double[] d, double[] es, double[] ef) {
            for (int j = 0; j < m.n; j++) {
                durations[m.netIndex[j]] = Math.max(0, Math.round(d[j]));
            }
            io.planwright.core.schedule.Schedule s = io.planwright.core.schedule.CriticalPathScheduler.schedule(m.network.withDurations(durations), m.order);
            for (int j = 0; j < m.n; j++) {
                int i = m.netIndex[j];
                es[j] = m.time.ordinal(s.start(i)) - m.origin;
                ef[j] = m.time.ordinal(s.finish(i)) - m.origin;
                if (s.isCritical(i)) {
                    critical[j]++;
                }
            }
            return m.time.ordinal(s.projectFinish()) - m.origin;
        }

        Block run(int from, int to) {
            SimulationModel m = this.m;
            int[] uncertain = m.uncertain;
            int vars = uncertain.length + m.riskIds.length;
            double[] sx = new double[vars];
            double[] sxx = new double[vars];
            double[] sxy = new double[vars];
            double[] planned = m.planned;
            double[] lo = m.lo;
            double[] mode = m.mode;
            double[] hi = m.hi;
            byte[] kind = m.kind;
            double[][] table = m.table;
            double loading = Math.sqrt(rho);
            double own = Math.sqrt(1 - rho);
            for (int it = from; it < to; it++) {
                state = mix(seed + (long) it * GOLDEN);
                System.arraycopy(planned, 0, d, 0, d.length);
                if (rho > 0) {
                    double common = gaussian();
                    for (int v = 0; v < uncertain.length; v++) {
                        int j = uncertain[v];
                        double u = ThreePoint.normalCdf(loading * common + own * gaussian());
                        d[j] = kind[j] == SimulationModel.PERT ? ThreePoint.fromTable(table[j], lo[j], hi[j], u)
                                : ThreePoint.triangular(lo[j], mode[j], hi[j], u);
                    }
                } else {
                    // two uniforms from every 64 random bits
                    int v = 0;
                    int count = uncertain.length;
                    while (v < count) {
                        long bits = nextLong();
                        int j = uncertain[v++];
                        double u = (bits >>> 32) * TO_UNIT;
                        d[j] = kind[j] == SimulationModel.PERT ? ThreePoint.fromTable(table[j], lo[j], hi[j], u)
                                : ThreePoint.triangular(lo[j], mode[j], hi[j], u);
                        if (v < count) {
                            j = uncertain[v++];
                            u = (bits & 0xFFFFFFFFL) * TO_UNIT;
                            d[j] = kind[j] == SimulationModel.PERT ? ThreePoint.fromTable(table[j], lo[j], hi[j], u)
                                    : ThreePoint.triangular(lo[j], mode[j], hi[j], u);
                        }
                    }
                }
                double cost = 0;
                for (int j = 0; j < d.length; j++) {
                    cost += m.costFixed[j] + m.costPerMinute[j] * d[j];
                }
                for (int r = 0; r < riskDelay.length; r++) {
                    double occurs = nextUnit();
                    double du = nextUnit();
                    double cu = nextUnit();
                    riskDelay[r] = 0;
                    if (occurs < m.riskProbability[r]) {
                        double delay = m.riskKind[r] == SimulationModel.PERT ? ThreePoint.fromTable(m.riskTable[r], m.riskLo[r], m.riskHi[r], du)
                                : m.riskKind[r] == SimulationModel.TRIANGULAR ? ThreePoint.triangular(m.riskLo[r], m.riskMode[r], m.riskHi[r], du)
                                : m.riskMode[r];
                        riskDelay[r] = delay;
                        for (int j : m.riskTasks[r]) {
                            d[j] += delay;
                            cost += m.costPerMinute[j] * delay;
                        }
                        cost += ThreePoint.triangular(m.riskCostLo[r], m.riskCostMode[r], m.riskCostHi[r], cu);
                    }
                }
                double finish;
                if (m.exact) {
                    finish = exact(m, d, es, ef);
                } else {
                    finish = forward(m, d, es, ef);
                    backward(m, d, ls, finish);
                    for (int j = 0; j < critical.length; j++) {
                        if (ls[j] - es[j] <= EPSILON) {
                            critical[j]++;
                        }
                    }
                }
                shared.finish[it] = finish;
                shared.cost[it] = cost;
                for (int k = 0; k < m.milestones.length; k++) {
                    shared.milestone[k][it] = (float) ef[m.milestones[k]];
                }
                for (int k = 0; k < m.deadline.length; k++) {
                    int[] tasks = m.deadlineTasks[k];
                    double f = 0;
                    if (tasks == null) {
                        f = finish;
                    } else {
                        for (int j : tasks) {
                            f = Math.max(f, ef[j]);
                        }
                    }
                    if (f <= m.deadline[k] + EPSILON) {
                        met[k]++;
                    }
                }
                // sensitivity sums, centred on the planned values (fewer digits lost)
                double y = finish;
                for (int v = 0; v < uncertain.length; v++) {
                    int j = uncertain[v];
                    double x = d[j] - planned[j];
                    sx[v] += x;
                    sxx[v] += x * x;
                    sxy[v] += x * y;
                }
                for (int r = 0, v = uncertain.length; r < riskDelay.length; r++, v++) {
                    double x = riskDelay[r];
                    sx[v] += x;
                    sxx[v] += x * x;
                    sxy[v] += x * y;
                }
            }
            return new Block(sx, sxx, sxy);
        }
    }

    /** SplitMix64's finalizer: a well-mixed 64-bit value from any. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The forward pass on working minutes: early starts into {@code es} and finishes into {@code ef};
     * answers the project finish (working minutes from the origin).
     */
    static double forward(SimulationModel m, double[] d, double[] es, double[] ef) {
        int[] offset = m.predOffset;
        int[] pred = m.linkPred;
        boolean[] fromFinish = m.fromFinish;
        double[] pct = m.pct;
        double[] beta = m.beta;
        double[] lag = m.lag;
        double[] release = m.release;
        double[] releaseFinish = m.releaseFinish;
        double[] fixedStart = m.fixedStart;
        double[] latestStart = m.latestStart;
        double[] latestFinish = m.latestFinish;
        boolean[] clamp = m.clampAtStart;
        double finish = 0;
        for (int j = 0; j < es.length; j++) {
            double fixed = fixedStart[j];
            double dj = d[j];
            double s;
            if (fixed == fixed) { // not NaN: it does not move
                s = fixed;
            } else {
                s = Math.max(release[j], releaseFinish[j] - dj);
                for (int k = offset[j], end = offset[j + 1]; k < end; k++) {
                    int p = pred[k];
                    double v = (fromFinish[k] ? ef[p] : es[p]) + pct[k] * d[p] + lag[k] - beta[k] * dj;
                    if (clamp[k] && v < 0) {
                        v = 0;
                    }
                    if (v > s) {
                        s = v;
                    }
                }
                if (s > latestStart[j]) {
                    s = latestStart[j];
                }
                if (s + dj > latestFinish[j]) {
                    s = latestFinish[j] - dj;
                }
            }
            double f = s + dj;
            es[j] = s;
            ef[j] = f;
            if (f > finish) {
                finish = f;
            }
        }
        return finish;
    }

    /** The backward pass on working minutes: late starts into {@code ls}, for a project that ends at {@code finish}. */
    static void backward(SimulationModel m, double[] d, double[] ls, double finish) {
        int n = ls.length;
        for (int j = 0; j < n; j++) {
            ls[j] = finish - d[j];
        }
        int[] offset = m.predOffset;
        int[] pred = m.linkPred;
        boolean[] fromFinish = m.fromFinish;
        double[] pct = m.pct;
        double[] beta = m.beta;
        double[] lag = m.lag;
        for (int j = n - 1; j >= 0; j--) {
            double dj = d[j];
            for (int k = offset[j], end = offset[j + 1]; k < end; k++) {
                int p = pred[k];
                double v = ls[j] + beta[k] * dj - lag[k] - pct[k] * d[p] - (fromFinish[k] ? d[p] : 0);
                if (v < ls[p]) {
                    ls[p] = v;
                }
            }
        }
    }

    private static Result summarize(SimulationModel m, Options o, Shared shared, Block[] blocks, long nanos) {
        int n = o.iterations();
        double perDay = m.minutesPerDay;
        double[] finish = shared.finish;
        // sensitivity: blocks added in their order
        int vars = m.uncertain.length + m.riskIds.length;
        double[] sx = new double[vars];
        double[] sxx = new double[vars];
        double[] sxy = new double[vars];
        for (Block b : blocks) {
            for (int v = 0; v < vars; v++) {
                sx[v] += b.sx[v];
                sxx[v] += b.sxx[v];
                sxy[v] += b.sxy[v];
            }
        }
        double sy = 0;
        double syy = 0;
        double plannedFinish = SimulationModel.finishOf(m);
        for (double f : finish) {
            sy += f - plannedFinish;
            syy += (f - plannedFinish) * (f - plannedFinish);
        }
        Map<String, Double> sensitivity = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int v = 0; v < vars; v++) {
            // sxy was summed against the finish itself: move it to the centred finish
            double cxy = sxy[v] - plannedFinish * sx[v];
            double cov = n * cxy - sx[v] * sy;
            double vx = n * sxx[v] - sx[v] * sx[v];
            double vy = n * syy - sy * sy;
            if (vx <= 1e-9 * Math.max(1, n * sxx[v]) || vy <= 1e-9 * Math.max(1, n * syy)) {
                continue;
            }
            double r = cov / Math.sqrt(vx * vy);
            String id = v < m.uncertain.length ? m.ids[m.uncertain[v]] : m.riskIds[v - m.uncertain.length];
            rows.add(new Object[] {id, Math.max(-1, Math.min(1, r))});
        }
        rows.sort(Comparator.comparingDouble((Object[] r) -> -Math.abs((Double) r[1])).thenComparing(r -> (String) r[0]));
        rows.forEach(r -> sensitivity.put((String) r[0], round((Double) r[1], 4)));

        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = finish[i] / perDay;
        }
        Arrays.sort(days);
        double[] costs = shared.cost.clone();
        Arrays.sort(costs);
        Percentiles finishDays = percentiles(days);
        DatePercentiles finishDates = dates(m, finishDays, perDay);
        Map<String, DatePercentiles> milestones = new LinkedHashMap<>();
        for (int k = 0; k < m.milestones.length; k++) {
            float[] values = shared.milestone[k];
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = values[i] / perDay;
            }
            Arrays.sort(sorted);
            milestones.put(m.ids[m.milestones[k]], dates(m, percentiles(sorted), perDay));
        }
        Map<String, Double> deadlines = new LinkedHashMap<>();
        Map<String, LocalDateTime> deadlineDates = new LinkedHashMap<>();
        for (int k = 0; k < m.deadline.length; k++) {
            deadlines.put(m.deadlineIds[k], shared.met[k] / (double) n);
            deadlineDates.put(m.deadlineIds[k], m.finishDate(m.deadline[k]));
        }
        Map<String, Double> criticality = new LinkedHashMap<>();
        for (int j = 0; j < m.n; j++) {
            criticality.put(m.ids[j], shared.critical[j] / (double) n);
        }
        double plannedCost = 0;
        for (int j = 0; j < m.n; j++) {
            plannedCost += m.costFixed[j] + m.costPerMinute[j] * m.planned[j];
        }
        return new Result(n, o.seed(), m.date(0, false), finishDates, finishDays, percentiles(costs), milestones, deadlines, deadlineDates,
                criticality, sensitivity, days, costs, m.finishDate(plannedFinish), plannedFinish / perDay, plannedCost, m.notes(), nanos);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Nearest-rank percentiles of sorted values, and their mean. */
    static Percentiles percentiles(double[] sorted) {
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Percentiles(rank(sorted, 0.10), rank(sorted, 0.50), rank(sorted, 0.80), rank(sorted, 0.90), sum / sorted.length);
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static DatePercentiles dates(SimulationModel m, Percentiles p, double perDay) {
        return new DatePercentiles(m.finishDate(p.p10() * perDay), m.finishDate(p.p50() * perDay), m.finishDate(p.p80() * perDay),
                m.finishDate(p.p90() * perDay), m.finishDate(p.mean() * perDay));
    }
}
