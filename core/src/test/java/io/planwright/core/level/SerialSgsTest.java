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
