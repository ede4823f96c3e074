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
            SimulationWorker w = new SimulationWorker(m, o, shared);
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
    static final class Shared {
        final double[] finish;
        final double[] cost;
        /** Each iteration's milestone finishes, one row per iteration. */
        final float[] milestone;
        final long[] critical;
        final long[] met;

        Shared(SimulationModel m, int iterations) {
            finish = new double[iterations];
            cost = new double[iterations];
            milestone = new float[m.milestones.length * iterations];
            critical = new long[m.n];
            met = new long[m.deadline.length];
        }

        void add(SimulationWorker w) {
            for (int i = 0; i < critical.length; i++) {
                critical[i] += w.critical[i];
            }
            for (int i = 0; i < met.length; i++) {
                met[i] += w.met[i];
            }
        }
    }

    /**
     * Sums for the sensitivity over one block of iterations, with the finish less the planned finish: per
     * uncertain task (less its planned duration) and per risk (its delay) the sum of x times the finish; per
     * risk also the sum of x and of x squared (the tasks' are known in closed form).
     */
    record Block(double[] sxy, double[] sx, double[] sxx) {
    }

    /** Iterations computed side by side in the passes on working minutes: independent chains that the processor overlaps. */
    static final int LANES = 4;

    /** SplitMix64's finalizer: a well-mixed 64-bit value from any. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The forward pass on working minutes: early starts into {@code es}; answers the project finish
     * (working minutes from the origin). The same arithmetic as the scheduler's on working-minute ordinals.
     */
    static double forward(SimulationModel m, double[] d, double[] es) {
        int[] offset = m.predOffset;
        int[] pred = m.linkPred;
        float[] link = m.linkData;
        double[] release = m.release;
        boolean[] special = m.special;
        double finish = 0;
        for (int j = 0, n = es.length; j < n; j++) {
            double dj = d[j];
            double s = release[j];
            for (int k = offset[j], end = offset[j + 1]; k < end; k++) {
                int q = 4 * k;
                int p = pred[k];
                s = Math.max(s, Math.max(es[p] + link[q] * d[p] + link[q + 2] - link[q + 1] * dj, link[q + 3]));
            }
            if (special[j]) {
                s = constrained(m, j, s, dj);
            }
            es[j] = s;
            finish = Math.max(finish, s + dj);
        }
        return finish;
    }

    /** The same pass for {@link #LANES} iterations at once ({@code d[j * LANES + l]}): four independent chains of additions. */
    static void forward(SimulationModel m, double[] d, double[] es, double[] finish) {
        int[] offset = m.predOffset;
        int[] pred = m.linkPred;
        float[] link = m.linkData;
        double[] release = m.release;
        boolean[] special = m.special;
        double f0 = 0;
        double f1 = 0;
        double f2 = 0;
        double f3 = 0;
        for (int j = 0, n = m.n; j < n; j++) {
            int x = 4 * j;
            double d0 = d[x];
            double d1 = d[x + 1];
            double d2 = d[x + 2];
            double d3 = d[x + 3];
            double r = release[j];
            double s0 = r;
            double s1 = r;
            double s2 = r;
            double s3 = r;
            for (int k = offset[j], end = offset[j + 1]; k < end; k++) {
                int q = 4 * k;
                int y = 4 * pred[k];
                double a = link[q];
                double b = link[q + 1];
                double lag = link[q + 2];
                double floor = link[q + 3];
                s0 = Math.max(s0, Math.max(es[y] + a * d[y] + lag - b * d0, floor));
                s1 = Math.max(s1, Math.max(es[y + 1] + a * d[y + 1] + lag - b * d1, floor));
                s2 = Math.max(s2, Math.max(es[y + 2] + a * d[y + 2] + lag - b * d2, floor));
                s3 = Math.max(s3, Math.max(es[y + 3] + a * d[y + 3] + lag - b * d3, floor));
            }
            if (special[j]) {
                s0 = constrained(m, j, s0, d0);
                s1 = constrained(m, j, s1, d1);
                s2 = constrained(m, j, s2, d2);
                s3 = constrained(m, j, s3, d3);
            }
            es[x] = s0;
            es[x + 1] = s1;
            es[x + 2] = s2;
            es[x + 3] = s3;
            f0 = Math.max(f0, s0 + d0);
            f1 = Math.max(f1, s1 + d1);
            f2 = Math.max(f2, s2 + d2);
            f3 = Math.max(f3, s3 + d3);
        }
        finish[0] = f0;
        finish[1] = f1;
        finish[2] = f2;
        finish[3] = f3;
    }

    /** A start by links under the task's own date: a fixed start stays; finish no earlier than, start or finish no later than (these win over links, as in the scheduler). */
    private static double constrained(SimulationModel m, int j, double s, double d) {
        double fixed = m.fixedStart[j];
        if (fixed == fixed) {
            return fixed;
        }
        s = Math.max(s, m.releaseFinish[j] - d);
        s = Math.min(s, m.latestStart[j]);
        return Math.min(s, m.latestFinish[j] - d);
    }

    private static Result summarize(SimulationModel m, Options o, Shared shared, Block[] blocks, long nanos) {
        int n = o.iterations();
        double perDay = m.minutesPerDay;
        double[] finish = shared.finish;
        Map<String, Double> sensitivity = sensitivity(m, n, finish, blocks);
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = finish[i] / perDay;
        }
        Arrays.sort(days);
        double[] costs = shared.cost.clone();
        Arrays.sort(costs);
        Percentiles finishDays = percentiles(days);
        DatePercentiles finishDates = dates(m, finishDays, perDay);
        Map<String, DatePercentiles> milestones = milestones(m, shared, n, perDay);
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
        return new Result(n, o.seed(), m.date(0, false), finishDates, finishDays, percentiles(costs), milestones, deadlines, deadlineDates,
                criticality, sensitivity, days, costs, m.finishDate(m.plannedFinish), m.plannedFinish / perDay, m.plannedCost, m.notes(), nanos);
    }

    /**
     * Each uncertain task's and risk's correlation with the finish (less the planned finish), strongest first:
     * the blocks' sums added in their order.
     */
    private static Map<String, Double> sensitivity(SimulationModel m, int n, double[] finish, Block[] blocks) {
        int count = m.uncertain.length;
        int risks = m.risks.length;
        double[] sxy = new double[count + risks];
        double[] rsx = new double[risks];
        double[] rsxx = new double[risks];
        for (Block b : blocks) {
            for (int v = 0; v < count + risks; v++) {
                sxy[v] += b.sxy[v];
            }
            for (int r = 0; r < risks; r++) {
                rsx[r] += b.sx[r];
                rsxx[r] += b.sxx[r];
            }
        }
        double plannedFinish = m.plannedFinish;
        double sy = 0;
        for (double f : finish) {
            sy += f - plannedFinish;
        }
        double meanY = sy / n;
        double vy = 0;
        for (double f : finish) {
            vy += (f - plannedFinish - meanY) * (f - plannedFinish - meanY);
        }
        double sdY = Math.sqrt(vy / n);
        Map<String, Double> sensitivity = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int v = 0; v < count + risks; v++) {
            double meanX;
            double sdX;
            if (v < count) {
                meanX = m.uMean[v] - m.planned[m.uncertain[v]];
                sdX = m.uSd[v];
            } else {
                int r = v - count;
                meanX = rsx[r] / n;
                sdX = Math.sqrt(Math.max(0, rsxx[r] / n - meanX * meanX));
            }
            if (sdX <= 0 || sdY <= 0) {
                continue;
            }
            double r = (sxy[v] / n - meanX * meanY) / (sdX * sdY);
            String id = v < count ? m.ids[m.uncertain[v]] : m.risks[v - count].id();
            rows.add(new Object[] {id, Math.max(-1, Math.min(1, r))});
        }
        rows.sort(Comparator.comparingDouble((Object[] r) -> -Math.abs((Double) r[1])).thenComparing(r -> (String) r[0]));
        rows.forEach(r -> sensitivity.put((String) r[0], round((Double) r[1], 4)));
        return sensitivity;
    }

    /** Each milestone's finish percentiles, as dates. */
    private static Map<String, DatePercentiles> milestones(SimulationModel m, Shared shared, int n, double perDay) {
        Map<String, DatePercentiles> milestones = new LinkedHashMap<>();
        int ms = m.milestones.length;
        double[] sorted = new double[n];
        for (int k = 0; k < ms; k++) {
            float[] values = shared.milestone;
            for (int i = 0; i < n; i++) {
                sorted[i] = values[i * ms + k] / perDay;
            }
            milestones.put(m.ids[m.milestones[k]], dates(m, selected(sorted), perDay));
        }
        return milestones;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The same percentiles of unsorted values (reordered), by selection rather than sorting: linear time. */
    static Percentiles selected(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        int n = values.length;
        double[] q = {0.10, 0.50, 0.80, 0.90};
        double[] out = new double[4];
        int from = 0;
        for (int i = 0; i < 4; i++) {
            int k = Math.max(0, Math.min(n - 1, (int) Math.ceil(q[i] * n) - 1));
            out[i] = select(values, from, n - 1, k);
            from = k;
        }
        return new Percentiles(out[0], out[1], out[2], out[3], sum / n);
    }

    /** The k-th smallest of values[lo..hi] (Hoare's selection; values reordered so that those before k are not larger). */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
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

    /**
     * Percentile dates as a planner states them: the working day a value in working days falls on, to the
     * end of that day (70.2 days: the end of day 71). Minutes would be false precision, and rounding the
     * days first keeps the mean's date the day its working days fall on (a mean of 70.0 days read back from
     * float samples as 70.0004 is day 70, not 08:02 on day 71).
     */
    private static DatePercentiles dates(SimulationModel m, Percentiles p, double perDay) {
        return new DatePercentiles(m.finishDate(day(p.p10()) * perDay), m.finishDate(day(p.p50()) * perDay), m.finishDate(day(p.p80()) * perDay),
                m.finishDate(day(p.p90()) * perDay), m.finishDate(day(p.mean()) * perDay));
    }

    /** The working day a number of working days falls on (1e-3 of a day, half a minute, absorbs float noise). */
    static double day(double workingDays) {
        return Math.max(0, Math.ceil(workingDays - 1e-3));
    }
}
