package io.planwright.core.level;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leveler: feasible schedules, never worse than the priority rule, the optimum on small known cases, reproducible by seed. */
class RcpspSolverTest {

    /**
     * Two resources of capacity 1 and four one-day jobs: a and b need resource 0, c and d resource 1;
     * a precedes d. The optimum is 2 days (a and c, then b and d); the critical path is 2, resources 2.
     */
    static Rcpsp small() {
        return new Rcpsp(new int[] {0, 1, 1, 1, 1, 0},
                new int[][] {{0, 0}, {1, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 0}},
                new int[] {1, 1},
                new int[][] {{1, 2, 3, 4}, {4}, {5}, {5}, {5}, {}});
    }

    @Test
    void theSmallCaseIsSolvedToItsOptimum() {
        RcpspSolver.Result r = RcpspSolver.solve(small(), RcpspSolver.Options.schedules(200, 1, 1));
        assertThat(small().violation(r.starts())).isNull();
        assertThat(r.makespan()).isEqualTo(2);
        assertThat(r.lowerBound()).isEqualTo(2);
    }

    @Test
    void aJobNeedingMoreThanACapacityIsRefusedByName() {
        assertThatThrownBy(() -> new Rcpsp(new int[] {0, 3, 0}, new int[][] {{0}, {5}, {0}}, new int[] {4}, new int[][] {{1}, {2}, {}}))
                .isInstanceOf(Rcpsp.Infeasible.class)
                .hasMessage("job 2 needs 5 of resource 1, which has only 4: it can never be scheduled");
        assertThatThrownBy(() -> new Rcpsp(new int[] {1, 1}, new int[][] {{0}, {0}}, new int[] {1}, new int[][] {{}, {0}}))
                .hasMessageContaining("every successor comes later");
    }

    @Test
    void theSameSeedAndBudgetGiveTheSameSchedule() {
        Rcpsp p = random(new Random(7), 40, 4);
        RcpspSolver.Result a = RcpspSolver.solve(p, RcpspSolver.Options.schedules(3000, 42, 2));
        RcpspSolver.Result b = RcpspSolver.solve(p, RcpspSolver.Options.schedules(3000, 42, 2));
        assertThat(a.starts()).containsExactly(b.starts());
        assertThat(a.schedules()).isBetween(1L, 3000L + 2);
    }

    /** Random projects: the leveled schedule keeps every precedence and capacity and is at least as short as the priority rule's. */
    @Property(tries = 60)
    void everyScheduleIsFeasibleAndNoLongerThanThePriorityRules(@ForAll @IntRange(min = 2, max = 40) int jobs, @ForAll @IntRange(min = 1, max = 4) int resources,
                                                                 @ForAll long seed) {
        Rcpsp p = random(new Random(seed), jobs, resources);
        RcpspSolver.Result r = RcpspSolver.solve(p, RcpspSolver.Options.schedules(400, seed, 1));
        assertThat(p.violation(r.starts())).isNull();
        assertThat(p.makespan(r.starts())).isEqualTo(r.makespan());
        assertThat(r.makespan()).isGreaterThanOrEqualTo(RcpspSolver.lowerBound(p));
        RcpspSolver.Result rule = RcpspSolver.priorityRule(p, RcpspSolver.leastFloat(p));
        assertThat(p.violation(rule.starts())).isNull();
        assertThat(r.makespan()).isLessThanOrEqualTo(rule.makespan());
        RcpspSolver.Result lft = RcpspSolver.priorityRule(p, RcpspSolver.latestFinish(p));
        assertThat(r.makespan()).isLessThanOrEqualTo(lft.makespan());
    }

    @net.jqwik.api.Example
    void casesFoundBefore() {
        // the search ended a period longer than MS Project's order when it did not start from that order
        everyScheduleIsFeasibleAndNoLongerThanThePriorityRules(38, 3, 199133L);
    }

    /** Links of every type come down to least distances between starts, leads included: the schedules keep them. */
    @Property(tries = 60)
    void lagsAndLeadsAreKept(@ForAll @IntRange(min = 2, max = 30) int jobs, @ForAll long seed) {
        Random rnd = new Random(seed);
        Rcpsp fs = random(rnd, jobs, 2);
        int n = fs.jobs();
        int[][] succ = new int[n][];
        int[][] lags = new int[n][];
        int[][] dem = new int[n][2];
        int[] d = new int[n];
        for (int j = 0; j < n; j++) {
            succ[j] = fs.successors(j);
            lags[j] = new int[succ[j].length];
            d[j] = fs.duration(j);
            dem[j][0] = fs.demand(j, 0);
            dem[j][1] = fs.demand(j, 1);
            for (int k = 0; k < succ[j].length; k++) {
                lags[j][k] = rnd.nextInt(d[j] + 5) - 2; // from a lead of 2 to the duration plus a lag of 2
            }
        }
        Rcpsp p = new Rcpsp(d, dem, new int[] {fs.capacity(0), fs.capacity(1)}, succ, lags);
        RcpspSolver.Result r = RcpspSolver.solve(p, RcpspSolver.Options.schedules(300, seed, 1));
        assertThat(p.violation(r.starts())).isNull();
        assertThat(r.makespan()).isGreaterThanOrEqualTo(RcpspSolver.lowerBound(p));
        assertThat(p.violation(RcpspSolver.priorityRule(p, RcpspSolver.leastFloat(p)).starts())).isNull();
    }

    /** A random project in PSPLIB's shape: a source, jobs with up to three successors later on, a sink, demands up to the capacities. */
    static Rcpsp random(Random rnd, int jobs, int resources) {
        int n = jobs + 2;
        int[] d = new int[n];
        int[][] dem = new int[n][resources];
        int[] cap = new int[resources];
        for (int r = 0; r < resources; r++) {
            cap[r] = 1 + rnd.nextInt(10);
        }
        int[][] succ = new int[n][];
        java.util.List<java.util.Set<Integer>> s = new java.util.ArrayList<>();
        for (int j = 0; j < n; j++) {
            s.add(new java.util.TreeSet<>());
        }
        boolean[] hasPred = new boolean[n];
        for (int j = 1; j <= jobs; j++) {
            d[j] = rnd.nextInt(10) + (rnd.nextInt(10) == 0 ? 0 : 1);
            for (int r = 0; r < resources; r++) {
                dem[j][r] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(cap[r] + 1);
            }
            int k = rnd.nextInt(4);
            for (int i = 0; i < k && j + 1 <= jobs; i++) {
                int t = j + 1 + rnd.nextInt(jobs - j);
                s.get(j).add(t);
                hasPred[t] = true;
            }
        }
        for (int j = 1; j <= jobs; j++) {
            if (!hasPred[j]) {
                s.get(0).add(j);
            }
            if (s.get(j).isEmpty()) {
                s.get(j).add(n - 1);
            }
        }
        for (int j = 0; j < n; j++) {
            succ[j] = s.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Rcpsp(d, dem, cap, succ);
    }
}
