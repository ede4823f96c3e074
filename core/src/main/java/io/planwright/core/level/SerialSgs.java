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
    /** Units in use, resource by resource: {@code use[r * stride + t]}. */
    private final int[] use;
    private final int stride;
    /** The same for the reserved capacity of the problem, or null. */
    private final int[] reservedUse;
    private int usedUntil;
    /** Per job, the resources it needs and how much: the scheme looks at no others. */
    private final int[][] needs;
    private final int[][] amounts;
    private final int[][] revNeeds;
    private final int[][] revAmounts;
    /** Bucket counts for ordering jobs by start when no lag is negative (then start order with the job number as tie-break keeps precedences). */
    private final int[] bucket;
    private final boolean forwardLags;
    private final boolean backwardLags;
    private final int[] revOrder;
    private final int[] revStarts;
    private final long[] keys;
    private final int[] heap;
    private final int[] waiting;
    /** Schedules generated so far (each justification counts its two passes). */
    long generated;
    /** Of the last schedule, the work (periods times units) of the jobs that found no room by their latest start and over-allocate. */
    long forced;

    SerialSgs(Rcpsp p) {
        this(p, p.reserved == null && p.latest == null ? reverse(p) : null);
    }

    private SerialSgs(Rcpsp p, Rcpsp reversed) {
        this.p = p;
        this.reversed = reversed;
        this.stride = p.horizon + 2;
        this.use = new int[stride * Math.max(1, p.resources)];
        if (p.reserved != null) {
            this.reservedUse = new int[use.length];
            for (int t = 0; t <= p.horizon; t++) {
                for (int r = 0; r < p.resources; r++) {
                    reservedUse[r * stride + t] = p.reserved[t * p.resources + r];
                }
            }
        } else {
            this.reservedUse = null;
        }
        this.needs = new int[p.jobs][];
        this.amounts = new int[p.jobs][];
        needs(p, needs, amounts);
        this.revNeeds = reversed == null ? null : new int[p.jobs][];
        this.revAmounts = reversed == null ? null : new int[p.jobs][];
        if (reversed != null) {
            needs(reversed, revNeeds, revAmounts);
        }
        this.bucket = new int[stride + 1];
        this.forwardLags = RcpspSolver.nonNegativeLags(p);
        this.backwardLags = reversed != null && RcpspSolver.nonNegativeLags(reversed);
        this.revOrder = new int[p.jobs];
        this.revStarts = new int[p.jobs];
        this.keys = new long[p.jobs];
        this.heap = new int[p.jobs];
        this.waiting = new int[p.jobs];
    }

    private static void needs(Rcpsp q, int[][] needs, int[][] amounts) {
        for (int j = 0; j < q.jobs; j++) {
            int count = 0;
            for (int r = 0; r < q.resources; r++) {
                if (q.demand[j * q.resources + r] > 0) {
                    count++;
                }
            }
            needs[j] = new int[count];
            amounts[j] = new int[count];
            count = 0;
            for (int r = 0; r < q.resources; r++) {
                if (q.demand[j * q.resources + r] > 0) {
                    needs[j][count] = r;
                    amounts[j][count++] = q.demand[j * q.resources + r];
                }
            }
            // the tightest first (the largest share of its capacity): a clash, if any, is found soonest
            for (int a = 1; a < count; a++) {
                for (int b = a; b > 0 && share(q, j, needs[j][b]) > share(q, j, needs[j][b - 1]); b--) {
                    int r = needs[j][b];
                    needs[j][b] = needs[j][b - 1];
                    needs[j][b - 1] = r;
                    int x = amounts[j][b];
                    amounts[j][b] = amounts[j][b - 1];
                    amounts[j][b - 1] = x;
                }
            }
        }
    }

    private static double share(Rcpsp q, int job, int r) {
        return q.capacity[r] <= 0 ? Double.MAX_VALUE : (double) q.demand[job * q.resources + r] / q.capacity[r];
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
        return run(p, needs, amounts, order, starts);
    }

    private int run(Rcpsp q, int[][] needs, int[][] amounts, int[] order, int[] starts) {
        generated++;
        int resources = q.resources;
        if (reservedUse != null) {
            System.arraycopy(reservedUse, 0, use, 0, use.length);
        } else {
            int clear = Math.min(stride, usedUntil + 1);
            for (int r = 0; r < resources; r++) {
                Arrays.fill(use, r * stride, r * stride + clear, 0);
            }
        }
        int[] capacity = q.capacity;
        int[] duration = q.duration;
        int[] latest = q.latest;
        int[] use = this.use;
        int stride = this.stride;
        int makespan = 0;
        long forced = 0;
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
            int[] need = needs[job];
            int[] amount = amounts[job];
            if (d > 0 && need.length > 0) {
                int earliest = t;
                // the earliest t from which the job fits for d periods: on a clash at tau, no start up to tau works
                search:
                while (true) {
                    for (int i = 0; i < need.length; i++) {
                        int base = need[i] * stride;
                        int room = capacity[need[i]] - amount[i];
                        for (int tau = t + d - 1; tau >= t; tau--) {
                            if (use[base + tau] > room) {
                                t = tau + 1;
                                continue search;
                            }
                        }
                    }
                    break;
                }
                if (latest != null && t > latest[job]) {
                    t = earliest; // leveling within float: no room by its latest start, so it stays where it was, over-allocating
                    for (int a : amount) {
                        forced += (long) a * d;
                    }
                }
                for (int i = 0; i < need.length; i++) {
                    int base = need[i] * stride;
                    int a = amount[i];
                    for (int tau = t; tau < t + d; tau++) {
                        use[base + tau] += a;
                    }
                }
            }
            starts[job] = t;
            if (t + d > makespan) {
                makespan = t + d;
            }
        }
        usedUntil = makespan;
        this.forced = forced;
        return makespan;
    }

    /**
     * Forward-backward improvement: the schedule in {@code starts} (made from {@code order}) justified
     * right, then left. {@code starts} and {@code order} are replaced by the result (the order by start
     * times, so that the list stands for the improved schedule); answers its makespan.
     */
    int justify(int[] order, int[] starts) {
        int n = p.jobs;
        if (reversed == null) {
            // capacity that varies over time, and latest starts, do not run backwards the same way: the list is only ordered by the schedule
            byStart(p, forwardLags, starts, order);
            return p.makespan(starts);
        }
        // backwards: jobs by latest finish first, i.e. by their start with time running backwards (ties: the reversed numbering)
        int end = p.makespan(starts);
        for (int j = 0; j < n; j++) {
            revStarts[n - 1 - j] = end - starts[j] - p.duration[j];
        }
        byStart(reversed, backwardLags, revStarts, revOrder);
        int back = run(reversed, revNeeds, revAmounts, revOrder, revStarts);
        for (int j = 0; j < n; j++) {
            starts[j] = back - revStarts[n - 1 - j] - p.duration[j];
        }
        // forwards again: jobs by earliest start (ties: lower number)
        byStart(p, forwardLags, starts, order);
        int m = forward(order, starts);
        byStart(p, forwardLags, starts, order);
        return m;
    }

    /**
     * The jobs of {@code q} by their start in {@code starts} (ties: lower number) as far as precedences
     * allow, into {@code out}. Without negative lags the start order itself keeps precedences (jobs are
     * numbered topologically), so a counting sort does; otherwise a heap that releases a job only after its
     * predecessors.
     */
    private void byStart(Rcpsp q, boolean nonNegative, int[] starts, int[] out) {
        int n = q.jobs;
        if (!nonNegative) {
            for (int j = 0; j < n; j++) {
                keys[j] = ((long) starts[j] << 21) | j;
            }
            sortBy(q, keys, out);
            return;
        }
        int max = 0;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, starts[j]);
        }
        if (max + 2 > bucket.length) {
            for (int j = 0; j < n; j++) {
                keys[j] = ((long) starts[j] << 21) | j;
            }
            sortBy(q, keys, out);
            return;
        }
        Arrays.fill(bucket, 0, max + 2, 0);
        for (int j = 0; j < n; j++) {
            bucket[starts[j] + 1]++;
        }
        for (int t = 1; t <= max + 1; t++) {
            bucket[t] += bucket[t - 1];
        }
        for (int j = 0; j < n; j++) {
            out[bucket[starts[j]]++] = j;
        }
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
