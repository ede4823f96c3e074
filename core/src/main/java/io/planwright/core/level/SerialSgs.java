package io.planwright.core.level;

import java.util.Arrays;

/**
 * The serial schedule generation scheme: jobs taken in the order of an activity list (a precedence-
 * feasible permutation), each started at the earliest period where its predecessors are done and every
 * resource has room for it for its whole duration. With forward-backward improvement (justification):
 * the schedule is right-justified by the same scheme run backwards, then left-justified again, which
 * never lengthens it and often shortens it. One instance per thread: it keeps its buffers.
 */
final class SerialSgs {

    private final Rcpsp p;
    private final Rcpsp reversed;
    private final int[] use;
    private int usedUntil;
    private final int[] revOrder;
    private final int[] revStarts;
    private final long[] keys;
    /** Schedules generated so far (each justification counts its two passes). */
    long generated;

    SerialSgs(Rcpsp p) {
        this(p, reverse(p));
    }

    private SerialSgs(Rcpsp p, Rcpsp reversed) {
        this.p = p;
        this.reversed = reversed;
        this.use = new int[(p.horizon + 1) * Math.max(1, p.resources)];
        this.revOrder = new int[p.jobs];
        this.revStarts = new int[p.jobs];
        this.keys = new long[p.jobs];
    }

    /** The same problem with time running backwards: job j becomes job n-1-j, predecessors become successors. */
    static Rcpsp reverse(Rcpsp p) {
        int n = p.jobs;
        int[] d = new int[n];
        int[][] dem = new int[n][p.resources];
        int[][] succ = new int[n][];
        for (int j = 0; j < n; j++) {
            int k = n - 1 - j;
            d[k] = p.duration[j];
            for (int r = 0; r < p.resources; r++) {
                dem[k][r] = p.demand[j * p.resources + r];
            }
            int[] preds = p.predecessors[j];
            succ[k] = new int[preds.length];
            for (int i = 0; i < preds.length; i++) {
                succ[k][i] = n - 1 - preds[i];
            }
        }
        return new Rcpsp(d, dem, p.capacity, succ);
    }

    /** Schedules the jobs in the list's order into {@code starts}; answers the makespan. */
    int forward(int[] order, int[] starts) {
        return run(p, order, starts);
    }

    private int run(Rcpsp q, int[] order, int[] starts) {
        generated++;
        int resources = q.resources;
        Arrays.fill(use, 0, Math.min(use.length, (usedUntil + 1) * resources), 0);
        int[] capacity = q.capacity;
        int[] demand = q.demand;
        int[] duration = q.duration;
        int makespan = 0;
        for (int job : order) {
            int t = 0;
            for (int pred : q.predecessors[job]) {
                int f = starts[pred] + duration[pred];
                if (f > t) {
                    t = f;
                }
            }
            int d = duration[job];
            int base = job * resources;
            boolean needs = false;
            for (int r = 0; r < resources; r++) {
                if (demand[base + r] > 0) {
                    needs = true;
                    break;
                }
            }
            if (d > 0 && needs) {
                // find the earliest t from which the job fits for d periods; on a clash at tau, try tau + 1
                search:
                while (true) {
                    for (int tau = t + d - 1; tau >= t; tau--) {
                        int at = tau * resources;
                        for (int r = 0; r < resources; r++) {
                            if (use[at + r] + demand[base + r] > capacity[r]) {
                                t = tau + 1;
                                continue search;
                            }
                        }
                    }
                    break;
                }
                for (int tau = t; tau < t + d; tau++) {
                    int at = tau * resources;
                    for (int r = 0; r < resources; r++) {
                        use[at + r] += demand[base + r];
                    }
                }
            }
            starts[job] = t;
            if (t + d > makespan) {
                makespan = t + d;
            }
        }
        usedUntil = makespan;
        return makespan;
    }

    /**
     * Forward-backward improvement: the schedule in {@code starts} (made from {@code order}) justified
     * right, then left. {@code starts} and {@code order} are replaced by the result (the order by start
     * times, so that the list stands for the improved schedule); answers its makespan.
     */
    int justify(int[] order, int[] starts) {
        int n = p.jobs;
        // backwards: jobs by latest finish first (ties: later start, higher number), in the reversed numbering
        for (int j = 0; j < n; j++) {
            keys[j] = -(((long) (starts[j] + p.duration[j]) << 42) | ((long) starts[j] << 21) | j);
        }
        sortBy(keys, order);
        for (int i = 0; i < n; i++) {
            revOrder[i] = n - 1 - order[i];
        }
        int back = run(reversed, revOrder, revStarts);
        for (int j = 0; j < n; j++) {
            starts[j] = back - revStarts[n - 1 - j] - p.duration[j];
        }
        // forwards again: jobs by earliest start (ties: lower number)
        for (int j = 0; j < n; j++) {
            keys[j] = ((long) starts[j] << 21) | j;
        }
        sortBy(keys, order);
        int m = forward(order, starts);
        for (int j = 0; j < n; j++) {
            keys[j] = ((long) starts[j] << 21) | j;
        }
        sortBy(keys, order);
        return m;
    }

    /** The job numbers 0..n-1 sorted by their key (smallest first), into {@code out}. */
    private void sortBy(long[] key, int[] out) {
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            long k = sorted[i] < 0 ? -sorted[i] : sorted[i];
            out[i] = (int) (k & ((1 << 21) - 1));
        }
    }
}
