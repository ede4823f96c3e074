package io.planwright.core.level;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serial scheme on packed resource profiles (four resources to a long) must give exactly the schedules of
 * the plain profiles: same starts for the same activity list, forwards and justified, with any number of
 * resources (one word or several), lags and leads, units already reserved, and latest starts.
 */
class SerialSgsTest {

    @Property(tries = 200)
    void packedProfilesGiveTheSameSchedulesAsPlainOnes(@ForAll @IntRange(min = 2, max = 40) int jobs,
                                                       @ForAll @IntRange(min = 1, max = 11) int resources,
                                                       @ForAll @IntRange(min = 0, max = 3) int variant, @ForAll long seed) {
        Random rnd = new Random(seed);
        Rcpsp base = RcpspSolverTest.random(rnd, jobs, resources);
        Rcpsp p = variant(base, variant, rnd);
        SerialSgs packed = new SerialSgs(p, true);
        SerialSgs plain = new SerialSgs(p, false);
        for (int round = 0; round < 5; round++) {
            int[] order = randomTopologicalOrder(p, rnd);
            int[] a = new int[p.jobs];
            int[] b = new int[p.jobs];
            int[] orderA = order.clone();
            int[] orderB = order.clone();
            assertThat(packed.forward(orderA, a)).isEqualTo(plain.forward(orderB, b));
            assertThat(a).containsExactly(b);
            assertThat(packed.forced).isEqualTo(plain.forced);
            if (p.latest == null && p.reserved == null) {
                assertThat(p.violation(a)).isNull();
            }
            assertThat(packed.justify(orderA, a)).isEqualTo(plain.justify(orderB, b));
            assertThat(a).containsExactly(b);
            assertThat(orderA).containsExactly(orderB);
        }
    }

    /**
     * At the packing limit: demands and capacities scaled so that a resource's demands (plus what is reserved)
     * add up to exactly 2^14 - 1, the most the packed profiles take (packed; fields full, neighbours must not be
     * disturbed), or to 2^14 or more on one resource (the scheme falls back to the plain profiles), on one word or several.
     */
    @Property(tries = 120)
    void atThePackingLimitTheSchedulesAreThoseOfThePlainProfiles(@ForAll @IntRange(min = 2, max = 30) int jobs,
                                                                 @ForAll @IntRange(min = 1, max = 11) int resources,
                                                                 @ForAll @IntRange(min = 0, max = 3) int variant, @ForAll boolean over,
                                                                 @ForAll long seed) {
        Random rnd = new Random(seed);
        Rcpsp base = atTheLimit(RcpspSolverTest.random(rnd, jobs, resources), over, rnd);
        Rcpsp p = variant(base, variant, rnd);
        int limit = (1 << 14) - 1;
        boolean anyOver = false;
        for (int r = 0; r < p.resources; r++) {
            long most = 0;
            for (int j = 0; j < p.jobs; j++) {
                most += p.demand(j, r);
            }
            int reserved = 0;
            for (int t = 0; p.reserved != null && t <= p.horizon; t++) {
                reserved = Math.max(reserved, p.reserved[t * p.resources + r]);
            }
            anyOver |= most + reserved > limit;
        }
        SerialSgs packed = new SerialSgs(p, true);
        SerialSgs plain = new SerialSgs(p, false);
        assertThat(packed.packed()).as("packed profiles used").isEqualTo(!anyOver);
        assertThat(plain.packed()).isFalse();
        for (int round = 0; round < 3; round++) {
            int[] order = randomTopologicalOrder(p, rnd);
            int[] a = new int[p.jobs];
            int[] b = new int[p.jobs];
            int[] orderA = order.clone();
            int[] orderB = order.clone();
            assertThat(packed.forward(orderA, a)).isEqualTo(plain.forward(orderB, b));
            assertThat(a).containsExactly(b);
            assertThat(packed.forced).isEqualTo(plain.forced);
            if (p.latest == null && p.reserved == null) {
                assertThat(p.violation(a)).isNull();
            }
            assertThat(packed.justify(orderA, a)).isEqualTo(plain.justify(orderB, b));
            assertThat(a).containsExactly(b);
        }
    }

    @net.jqwik.api.Example
    void theLimitIsReachedAndPassed() {
        // the generator reaches both sides of the limit on several words (six resources: two words)
        int packedAtLimit = 0;
        int fellBack = 0;
        Random rnd = new Random(5);
        for (int i = 0; i < 40; i++) {
            Rcpsp p = atTheLimit(RcpspSolverTest.random(rnd, 10, 6), i % 2 == 1, rnd);
            if (new SerialSgs(p, true).packed()) {
                packedAtLimit++;
            } else {
                fellBack++;
            }
        }
        assertThat(packedAtLimit).isGreaterThan(5);
        assertThat(fellBack).isGreaterThan(5);
    }

    /**
     * Demands and capacities of every resource multiplied so that its demands add up to just under 2^14, the
     * remainder added to one job so that they reach 2^14 - 1 exactly; with {@code over}, one resource's sum
     * goes past: to 2^14, or up to 2^16. Capacities stay at least each demand, so every job still fits alone.
     */
    static Rcpsp atTheLimit(Rcpsp p, boolean over, Random rnd) {
        int n = p.jobs();
        int res = p.resources();
        int[] d = new int[n];
        int[][] dem = new int[n][res];
        int[] cap = new int[res];
        int[][] succ = new int[n][];
        for (int j = 0; j < n; j++) {
            d[j] = p.duration(j);
            succ[j] = p.successors(j);
        }
        int overOn = over ? rnd.nextInt(res) : -1;
        for (int r = 0; r < res; r++) {
            long sum = 0;
            int top = -1;
            for (int j = 0; j < n; j++) {
                sum += p.demand(j, r);
                if (p.demand(j, r) > 0 && (top < 0 || rnd.nextBoolean())) {
                    top = j;
                }
            }
            // one past the limit, or well past it (where packed fields would carry into their neighbours)
            int target = r != overOn ? (1 << 14) - 1 : rnd.nextBoolean() ? 1 << 14 : (1 << 14) + rnd.nextInt(3 << 14);
            if (sum == 0) {
                top = rnd.nextInt(n - 2) + 1; // a job that is neither the source nor the sink (they last 0 and need nothing)
                sum = 1;
                dem[top][r] = 0;
            }
            long k = Math.max(1, ((1 << 14) - 1) / sum);
            long total = 0;
            int most = 0;
            for (int j = 0; j < n; j++) {
                dem[j][r] = (int) (p.demand(j, r) * k);
                total += dem[j][r];
            }
            dem[top][r] += (int) (target - total);
            for (int j = 0; j < n; j++) {
                most = Math.max(most, dem[j][r]);
            }
            cap[r] = (int) Math.max(most, Math.min((1L << 14) - 1, p.capacity(r) * k));
        }
        return new Rcpsp(d, dem, cap, succ);
    }

    /** 0: as generated; 1: lags and leads; 2: units reserved in the first periods; 3: latest starts (leveling within float). */
    private static Rcpsp variant(Rcpsp fs, int variant, Random rnd) {
        if (variant == 0) {
            return fs;
        }
        int n = fs.jobs();
        int res = fs.resources();
        int[][] succ = new int[n][];
        int[][] lags = new int[n][];
        int[][] dem = new int[n][res];
        int[] d = new int[n];
        int[] cap = new int[res];
        for (int r = 0; r < res; r++) {
            cap[r] = fs.capacity(r);
        }
        for (int j = 0; j < n; j++) {
            succ[j] = fs.successors(j);
            d[j] = fs.duration(j);
            for (int r = 0; r < res; r++) {
                dem[j][r] = fs.demand(j, r);
            }
            lags[j] = new int[succ[j].length];
            for (int k = 0; k < succ[j].length; k++) {
                lags[j][k] = variant == 1 ? rnd.nextInt(d[j] + 5) - 2 : d[j];
            }
        }
        int[][] reserved = null;
        if (variant == 2) {
            reserved = new int[1 + rnd.nextInt(30)][res];
            for (int[] row : reserved) {
                for (int r = 0; r < res; r++) {
                    row[r] = rnd.nextInt(cap[r] + 2); // now and then more than the capacity: work that does not move over-allocates
                }
            }
        }
        Rcpsp p = new Rcpsp(d, dem, cap, succ, lags, reserved);
        if (variant == 3) {
            int[] es = p.earliestStarts();
            p.latest = new int[n];
            for (int j = 0; j < n; j++) {
                p.latest[j] = es[j] + rnd.nextInt(6);
            }
        }
        return p;
    }

    /** A random precedence-feasible activity list: any job whose predecessors are all listed may come next. */
    static int[] randomTopologicalOrder(Rcpsp p, Random rnd) {
        int n = p.jobs;
        int[] waiting = new int[n];
        List<Integer> ready = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            waiting[j] = p.predecessors[j].length;
            if (waiting[j] == 0) {
                ready.add(j);
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = ready.remove(rnd.nextInt(ready.size()));
            order[i] = j;
            for (int s : p.successors[j]) {
                if (--waiting[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return order;
    }
}
