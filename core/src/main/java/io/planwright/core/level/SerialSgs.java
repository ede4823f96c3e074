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
    private final Side ahead;
    private final Side back;
    /** Units in use, resource by resource: {@code use[r * stride + t]}. */
    private final int[] use;
    private final int stride;
    /** The same for the reserved capacity of the problem, or null. */
    private final int[] reservedUse;
    private int usedUntil;
    /**
     * Packed resource profiles (SWAR): the units in use of four resources in one long, 16 bits each,
     * {@code packedUse[t * words + w]} for resources 4w..4w+3; null when some count could reach 2^14
     * (then {@link #use} serves). A job fits in period t when, for each word it touches,
     * {@code (packedUse + test) & mask == 0}: {@code test} holds, in each field of a resource the job
     * needs, its amount plus 2^15 - 1 - capacity, so the field reaches 2^15 exactly when the capacity
     * would be exceeded; every resource of a word is checked with one addition.
     */
    private final long[] packedUse;
    private final long[] packedReserved;
    private final int words;
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

    /**
     * One direction of the scheme (the problem, or the problem with time running backwards), in flat arrays
     * that the scheme reads job by job: predecessors with their lags, the resources each job needs, and
     * the packed amounts, tests and masks.
     */
    private static final class Side {
        final Rcpsp q;
        final int[] duration;
        /** Predecessors of job j: {@code predJob[predOff[j] .. predOff[j+1]-1]}, with {@code predLag} aligned. */
        final int[] predOff;
        final int[] predJob;
        final int[] predLag;
        /** Per job, the resources it needs and how much, the tightest first: the plain scheme looks at no others. */
        final int[][] needs;
        final int[][] amounts;
        /** Per job, the packed words it touches (several words only), with its packed amounts, tests and masks. */
        final int[][] jobWords;
        final long[][] jobAdd;
        final long[][] jobTest;
        final long[][] jobMask;
        /** With one word only: the job's packed amount, test and mask (a mask of 0: the job needs no resource); null otherwise. */
        final long[] add1;
        final long[] test1;
        final long[] mask1;

        Side(Rcpsp q, boolean packed) {
            this.q = q;
            int n = q.jobs;
            this.duration = q.duration;
            this.predOff = new int[n + 1];
            for (int j = 0; j < n; j++) {
                predOff[j + 1] = predOff[j] + q.predecessors[j].length;
            }
            this.predJob = new int[predOff[n]];
            this.predLag = new int[predOff[n]];
            for (int j = 0; j < n; j++) {
                System.arraycopy(q.predecessors[j], 0, predJob, predOff[j], q.predecessors[j].length);
                System.arraycopy(q.predecessorLags[j], 0, predLag, predOff[j], q.predecessors[j].length);
            }
            this.needs = new int[n][];
            this.amounts = new int[n][];
            needs(q, needs, amounts);
            int words = (q.resources + 3) / 4;
            if (packed) {
                jobWords = new int[n][];
                jobAdd = new long[n][];
                jobTest = new long[n][];
                jobMask = new long[n][];
                pack(q, jobWords, jobAdd, jobTest, jobMask);
                add1 = words == 1 ? new long[n] : null;
                test1 = words == 1 ? new long[n] : null;
                mask1 = words == 1 ? new long[n] : null;
                if (words == 1) {
                    for (int j = 0; j < n; j++) {
                        if (jobWords[j].length > 0) {
                            add1[j] = jobAdd[j][0];
                            test1[j] = jobTest[j][0];
                            mask1[j] = jobMask[j][0];
                        }
                    }
                }
            } else {
                jobWords = null;
                jobAdd = null;
                jobTest = null;
                jobMask = null;
                add1 = null;
                test1 = null;
                mask1 = null;
            }
        }

        /** The earliest start of {@code job} that its predecessors' starts in {@code starts} allow (0 without any). */
        int ready(int job, int[] starts) {
            int t = 0;
            for (int k = predOff[job], end = predOff[job + 1]; k < end; k++) {
                int f = starts[predJob[k]] + predLag[k];
                if (f > t) {
                    t = f;
                }
            }
            return t;
        }
    }

    SerialSgs(Rcpsp p) {
        this(p, true);
    }

    /** With {@code packed} false, the plain profiles only (for tests: both must give the same schedules). */
    SerialSgs(Rcpsp p, boolean packed) {
        this(p, p.reserved == null && p.latest == null ? reverse(p) : null, packed);
    }

    private SerialSgs(Rcpsp p, Rcpsp reversed, boolean packed) {
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
        this.bucket = new int[stride + 1];
        this.forwardLags = RcpspSolver.nonNegativeLags(p);
        this.backwardLags = reversed != null && RcpspSolver.nonNegativeLags(reversed);
        this.revOrder = new int[p.jobs];
        this.revStarts = new int[p.jobs];
        this.keys = new long[p.jobs];
        this.heap = new int[p.jobs];
        this.waiting = new int[p.jobs];
        this.words = (p.resources + 3) / 4;
        boolean pack = packed && p.resources > 0 && packable(p);
        this.ahead = new Side(p, pack);
        this.back = reversed == null ? null : new Side(reversed, pack);
        if (pack) {
            this.packedUse = new long[stride * words];
            if (p.reserved != null) {
                this.packedReserved = new long[stride * words];
                for (int t = 0; t <= p.horizon; t++) {
                    for (int r = 0; r < p.resources; r++) {
                        packedReserved[t * words + r / 4] += (long) p.reserved[t * p.resources + r] << (16 * (r % 4));
                    }
                }
            } else {
                this.packedReserved = null;
            }
        } else {
            this.packedUse = null;
            this.packedReserved = null;
        }
    }

    /** Whether this scheme works on packed profiles (else on the plain ones): for tests at the packing limit. */
    boolean packed() {
        return packedUse != null;
    }

    /** Whether every count a packed field can hold (capacity, reserved units plus all demands) stays below 2^14. */
    private static boolean packable(Rcpsp p) {
        for (int r = 0; r < p.resources; r++) {
            long most = 0;
            for (int j = 0; j < p.jobs; j++) {
                most += p.demand[j * p.resources + r];
            }
            int reserved = 0;
            if (p.reserved != null) {
                for (int t = 0; t <= p.horizon; t++) {
                    reserved = Math.max(reserved, p.reserved[t * p.resources + r]);
                }
            }
            if (p.capacity[r] < 0 || p.capacity[r] >= 1 << 14 || reserved < 0 || most + reserved >= 1 << 14) {
                return false;
            }
        }
        return true;
    }

    /** Per job of {@code q}, the words of the packed profile it touches, with its packed amounts, test values and masks. */
    private static void pack(Rcpsp q, int[][] jobWords, long[][] jobAdd, long[][] jobTest, long[][] jobMask) {
        int words = (q.resources + 3) / 4;
        long[] add = new long[words];
        long[] test = new long[words];
        long[] mask = new long[words];
        for (int j = 0; j < q.jobs; j++) {
            Arrays.fill(add, 0);
            Arrays.fill(test, 0);
            Arrays.fill(mask, 0);
            for (int r = 0; r < q.resources; r++) {
                int a = q.demand[j * q.resources + r];
                if (a > 0) {
                    int shift = 16 * (r % 4);
                    add[r / 4] += (long) a << shift;
                    test[r / 4] += (long) (a + (1 << 15) - 1 - q.capacity[r]) << shift;
                    mask[r / 4] |= 0x8000L << shift;
                }
            }
            int count = 0;
            for (int w = 0; w < words; w++) {
                if (mask[w] != 0) {
                    count++;
                }
            }
            jobWords[j] = new int[count];
            jobAdd[j] = new long[count];
            jobTest[j] = new long[count];
            jobMask[j] = new long[count];
            count = 0;
            for (int w = 0; w < words; w++) {
                if (mask[w] != 0) {
                    jobWords[j][count] = w;
                    jobAdd[j][count] = add[w];
                    jobTest[j][count] = test[w];
                    jobMask[j][count++] = mask[w];
                }
            }
        }
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
        return run(ahead, order, starts);
    }

    private int run(Side side, int[] order, int[] starts) {
        generated++;
        forced = 0;
        if (packedUse == null) {
            if (reservedUse != null) {
                System.arraycopy(reservedUse, 0, use, 0, use.length);
            } else {
                int clear = Math.min(stride, usedUntil + 1);
                for (int r = 0; r < p.resources; r++) {
                    Arrays.fill(use, r * stride, r * stride + clear, 0);
                }
            }
        } else if (packedReserved != null) {
            System.arraycopy(packedReserved, 0, packedUse, 0, packedUse.length);
        } else {
            Arrays.fill(packedUse, 0, Math.min(stride, usedUntil + 1) * words, 0L);
        }
        int[] duration = side.duration;
        boolean packed = packedUse != null;
        int makespan = 0;
        for (int job : order) {
            int t = side.ready(job, starts);
            int d = duration[job];
            if (d > 0) {
                t = packed ? placePacked(side, job, t, d) : placePlain(side, job, t, d);
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
     * Leveling within float: a job that found no room by its latest start stays at its earliest, over-allocating
     * (its work is counted in {@link #forced}); answers the start to take.
     */
    private int late(Side side, int job, int t, int earliest, int d) {
        int[] latest = side.q.latest;
        if (latest == null || t <= latest[job]) {
            return t;
        }
        for (int a : side.amounts[job]) {
            forced += (long) a * d;
        }
        return earliest;
    }

    /**
     * Places a job of duration {@code d > 0}, ready at {@code t}, on the packed profiles: the latest clash in
     * the window [t, t+d-1] rules out every start up to it, and the periods after it are known to be free, so
     * the next window is checked only where it is new. Answers the start.
     */
    private int placePacked(Side side, int job, int t, int d) {
        boolean one = words == 1;
        if (one ? side.mask1[job] == 0 : side.jobWords[job].length == 0) {
            return t;
        }
        int earliest = t;
        int lo = t;
        int hi = t + d - 1;
        while (true) {
            int tau = one ? lastClash(side.test1[job], side.mask1[job], lo, hi) : lastClash(side, job, lo, hi);
            if (tau < lo) {
                break;
            }
            t = tau + 1;
            lo = hi + 1;
            hi = tau + d;
        }
        t = late(side, job, t, earliest, d);
        long[] use = packedUse;
        if (one) {
            long a = side.add1[job];
            for (int tau = t; tau < t + d; tau++) {
                use[tau] += a;
            }
            return t;
        }
        int[] ws = side.jobWords[job];
        long[] add = side.jobAdd[job];
        for (int i = 0; i < ws.length; i++) {
            long a = add[i];
            for (int tau = t; tau < t + d; tau++) {
                use[tau * words + ws[i]] += a;
            }
        }
        return t;
    }

    /** The latest period in [lo, hi] where a job of one packed word does not fit, or lo - 1. */
    private int lastClash(long test, long mask, int lo, int hi) {
        long[] use = packedUse;
        int tau = hi;
        while (tau >= lo && ((use[tau] + test) & mask) == 0) {
            tau--;
        }
        return tau;
    }

    /** The same for a job touching several words. */
    private int lastClash(Side side, int job, int lo, int hi) {
        long[] use = packedUse;
        int words = this.words;
        int[] ws = side.jobWords[job];
        long[] test = side.jobTest[job];
        long[] mask = side.jobMask[job];
        for (int tau = hi; tau >= lo; tau--) {
            for (int i = 0; i < ws.length; i++) {
                if (((use[tau * words + ws[i]] + test[i]) & mask[i]) != 0) {
                    return tau;
                }
            }
        }
        return lo - 1;
    }

    /** Places a job on the plain profiles, one resource at a time (counts too large to pack). */
    private int placePlain(Side side, int job, int t, int d) {
        int[] need = side.needs[job];
        if (need.length == 0) {
            return t;
        }
        int[] amount = side.amounts[job];
        int[] capacity = side.q.capacity;
        int[] use = this.use;
        int stride = this.stride;
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
        t = late(side, job, t, earliest, d);
        for (int i = 0; i < need.length; i++) {
            int base = need[i] * stride;
            int a = amount[i];
            for (int tau = t; tau < t + d; tau++) {
                use[base + tau] += a;
            }
        }
        return t;
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
        int last = run(back, revOrder, revStarts);
        for (int j = 0; j < n; j++) {
            starts[j] = last - revStarts[n - 1 - j] - p.duration[j];
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
