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
    private final int[] heap;
    private final int[] waiting;
    /** Schedules generated so far (each justification counts its two passes). */
    long generated;

    SerialSgs(Rcpsp p) {
        this(p, p.reserved == null && p.latest == null ? reverse(p) : null);
    }

    private SerialSgs(Rcpsp p, Rcpsp reversed) {
        this.p = p;
        this.reversed = reversed;
        this.use = new int[(p.horizon + 1) * Math.max(1, p.resources)];
        this.revOrder = new int[p.jobs];
        this.revStarts = new int[p.jobs];
        this.keys = new long[p.jobs];
        this.heap = new int[p.jobs];
        this.waiting = new int[p.jobs];
    }

    /** The same problem with time running backwards: job j becomes job n-1-j, predecessors become successors. */
    static Rcpsp reverse(Rcpsp p) {
        int n = p.jobs;
        int[] d = new int[n];
        int[][] dem = new int[n][p.resources];
        int[][] succ = new int[n][];
        int[][] lags = new int[n][];
        for (int j = 0; j < n; j++) {
            int k = n - 1 - j;
            d[k] = p.duration[j];
            for (int r = 0; r < p.resources; r++) {
                dem[k][r] = p.demand[j * p.resources + r];
            }
            int[] preds = p.predecessors[j];
            succ[k] = new int[preds.length];
            lags[k] = new int[preds.length];
            for (int i = 0; i < preds.length; i++) {
                succ[k][i] = n - 1 - preds[i];
                // start_j >= start_p + lag, in time running backwards: start'_p >= start'_j + lag + d_j - d_p
                lags[k][i] = p.predecessorLags[j][i] + p.duration[j] - p.duration[preds[i]];
            }
        }
        return new Rcpsp(d, dem, p.capacity, succ, lags);
    }

    /** Schedules the jobs in the list's order into {@code starts}; answers the makespan. */
    int forward(int[] order, int[] starts) {
        return run(p, order, starts);
    }

    private int run(Rcpsp q, int[] order, int[] starts) {
        generated++;
        int resources = q.resources;
        if (q.reserved != null) {
            System.arraycopy(q.reserved, 0, use, 0, q.reserved.length);
        } else {
            Arrays.fill(use, 0, Math.min(use.length, (usedUntil + 1) * resources), 0);
        }
        int[] capacity = q.capacity;
        int[] demand = q.demand;
        int[] duration = q.duration;
        int makespan = 0;
        for (int job : order) {
            int t = 0;
            int[] preds = q.predecessors[job];
            int[] lags = q.predecessorLags[job];
            for (int k = 0; k < preds.length; k++) {
                int f = starts[preds[k]] + lags[k];
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
            int earliest = t;
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
                if (q.latest != null && t > q.latest[job]) {
                    t = earliest; // leveling within float: no room by its latest start, so it stays where it was, over-allocating
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
        if (p.reserved != null || p.latest != null) {
            // capacity that varies over time, and latest starts, do not run backwards the same way: the list is only ordered by the schedule
            for (int j = 0; j < n; j++) {
                keys[j] = ((long) starts[j] << 21) | j;
            }
            sortBy(p, keys, order);
            return p.makespan(starts);
        }
        // backwards: jobs by latest finish first (ties: later start, higher number), in the reversed numbering
        for (int j = 0; j < n; j++) {
            keys[n - 1 - j] = -(((long) (starts[j] + p.duration[j]) << 42) | ((long) starts[j] << 21) | j);
        }
        sortBy(reversed, keys, revOrder);
        int back = run(reversed, revOrder, revStarts);
        for (int j = 0; j < n; j++) {
            starts[j] = back - revStarts[n - 1 - j] - p.duration[j];
        }
        // forwards again: jobs by earliest start (ties: lower number)
        for (int j = 0; j < n; j++) {
            keys[j] = ((long) starts[j] << 21) | j;
        }
        sortBy(p, keys, order);
        int m = forward(order, starts);
        for (int j = 0; j < n; j++) {
            keys[j] = ((long) starts[j] << 21) | j;
        }
        sortBy(p, keys, order);
        return m;
    }

    /**
     * The job numbers 0..n-1 by their key (smallest first) as far as precedences allow: a job comes only
     * after its predecessors (with leads, a successor may start before its predecessor does), into
     * {@code out}, for problem {@code q}.
     */
    private void sortBy(Rcpsp q, long[] key, int[] out) {
        int n = q.jobs;
        for (int j = 0; j < n; j++) {
            waiting[j] = q.predecessors[j].length;
        }
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (waiting[j] == 0) {
                size = push(heap, size, j, key);
            }
        }
        for (int i = 0; i < n; i++) {
            int j = heap[0];
            heap[0] = heap[--size];
            down(heap, size, 0, key);
            out[i] = j;
            for (int s : q.successors[j]) {
                if (--waiting[s] == 0) {
                    size = push(heap, size, s, key);
                }
            }
        }
    }

    private static int push(int[] heap, int size, int job, long[] key) {
        int i = size++;
        heap[i] = job;
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (key[heap[parent]] <= key[heap[i]]) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
        return size;
    }

    private static void down(int[] heap, int size, int i, long[] key) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && key[heap[l + 1]] < key[heap[l]] ? l + 1 : l;
            if (key[heap[i]] <= key[heap[m]]) {
                return;
            }
            int t = heap[m];
            heap[m] = heap[i];
            heap[i] = t;
            i = m;
        }
    }
}
