package io.planwright.core.risk;

import io.planwright.core.model.Distribution;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulation against cases whose answer is known in closed form. Tolerances come from the
 * iteration count: four standard errors of the estimate (a mean: sd / sqrt(N); a quantile:
 * sqrt(q (1 - q) / N) / density; a share: sqrt(p (1 - p) / N)), so that a correct simulation fails
 * about once in 16,000 checks and a wrong formula fails at once.
 */
class MonteCarloTest {

    static final int N = 40_000;
    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 1, 5, 8, 0);

    static Task uncertain(String id, double o, double m, double p, Distribution dist, String... preds) {
        Task.Builder b = Task.builder(id).name(id).duration(Duration.days(m))
                .estimate(new Estimate(Duration.days(o), Duration.days(m), Duration.days(p), dist));
        for (String pred : preds) {
            b.link(Link.of(pred, LinkType.FS, null));
        }
        return b.build();
    }

    static MonteCarlo.Result run(Plan plan, int iterations, long seed, int threads) {
        return MonteCarlo.run(SimulationModel.of(plan), new MonteCarlo.Options(iterations, seed, threads, 0), null);
    }

    static Plan plan(List<Task> tasks, List<Risk> risks) {
        return Plan.builder("test").start(MONDAY).tasks(tasks).risks(risks).build();
    }

    /** The triangular distribution's quantile, density and moments. */
    static double triQuantile(double o, double m, double p, double q) {
        double c = (m - o) / (p - o);
        return q < c ? o + Math.sqrt(q * (p - o) * (m - o)) : p - Math.sqrt((1 - q) * (p - o) * (p - m));
    }

    static double triDensity(double o, double m, double p, double x) {
        return x < m ? 2 * (x - o) / ((p - o) * (m - o)) : 2 * (p - x) / ((p - o) * (p - m));
    }

    static double triSd(double o, double m, double p) {
        return Math.sqrt((o * o + m * m + p * p - o * m - o * p - m * p) / 18);
    }

    static double quantileTolerance(double q, double density, int n) {
        return 4 * Math.sqrt(q * (1 - q) / n) / density;
    }

    @Test
    void aSingleTriangularTaskHasTheAnalyticPercentilesAndMean() {
        double o = 2;
        double m = 5;
        double p = 11;
        MonteCarlo.Result r = run(plan(List.of(uncertain("a", o, m, p, Distribution.TRIANGULAR)), List.of()), N, 1, 2);
        double[] qs = {0.1, 0.5, 0.8, 0.9};
        double[] got = {r.finishDays().p10(), r.finishDays().p50(), r.finishDays().p80(), r.finishDays().p90()};
        for (int i = 0; i < qs.length; i++) {
            double x = triQuantile(o, m, p, qs[i]);
            assertThat(got[i]).as("P" + (int) (qs[i] * 100)).isCloseTo(x, within(quantileTolerance(qs[i], triDensity(o, m, p, x), N)));
        }
        assertThat(r.finishDays().mean()).isCloseTo((o + m + p) / 3, within(4 * triSd(o, m, p) / Math.sqrt(N)));
        assertThat(r.iterations()).isEqualTo(N);
        assertThat(r.criticality()).containsEntry("a", 1.0);
        // dates: P50 in working days from Monday 08:00 on the standard calendar
        assertThat(r.finish().p10()).isAfterOrEqualTo(MONDAY.plusDays(2)).isBefore(MONDAY.plusDays(7));
    }

    @Test
    void aChainOfTasksHasTheMeanAndSpreadOfTheSum() {
        List<Task> tasks = new ArrayList<>();
        int n = 12;
        for (int i = 0; i < n; i++) {
            tasks.add(i == 0 ? uncertain("t0", 1, 2, 6, null) : uncertain("t" + i, 1, 2, 6, null, "t" + (i - 1)));
        }
        MonteCarlo.Result r = run(plan(tasks, List.of()), N, 7, 2);
        double sd = triSd(1, 2, 6) * Math.sqrt(n);
        assertThat(r.finishDays().mean()).isCloseTo(n * 3.0, within(4 * sd / Math.sqrt(N)));
        // the sum of 12 is nearly normal: its median close to its mean, its P90 about 1.28 sd above
        assertThat(r.finishDays().p90() - r.finishDays().mean()).isCloseTo(1.2816 * sd, within(0.1 * sd));
        tasks.forEach(t -> assertThat(r.criticality().get(t.id())).isEqualTo(1.0));
    }

    @Test
    void twoParallelTasksFinishAtTheMaximumOfBoth() {
        // P(max <= x) = F(x)^2, so the q-quantile of the maximum is F's sqrt(q)-quantile
        double o = 0.5;
        double m = 4;
        double p = 10;
        MonteCarlo.Result r = run(plan(List.of(uncertain("a", o, m, p, null), uncertain("b", o, m, p, null)), List.of()), N, 3, 2);
        for (double q : new double[] {0.1, 0.5, 0.9}) {
            double x = triQuantile(o, m, p, Math.sqrt(q));
            double density = 2 * Math.sqrt(q) * triDensity(o, m, p, x);
            double got = q == 0.1 ? r.finishDays().p10() : q == 0.5 ? r.finishDays().p50() : r.finishDays().p90();
            assertThat(got).as("P" + (int) (q * 100)).isCloseTo(x, within(quantileTolerance(q, density, N)));
        }
        // each is critical when it is the longer: half of the time
        double tol = 4 * Math.sqrt(0.25 / N);
        assertThat(r.criticality().get("a")).isCloseTo(0.5, within(tol));
        assertThat(r.criticality().get("b")).isCloseTo(0.5, within(tol));
        assertThat(r.sensitivity().get("a")).isPositive();
    }

    @Test
    void aRiskWithProbabilityPGivesAMixture() {
        // a fixed 10-day task, and a risk of 30 % that adds 5 days: the finish is 10 days (70 %) or 15 days (30 %)
        Task a = Task.builder("a").name("a").duration(Duration.days(10)).deadline(LocalDateTime.of(2026, 1, 16, 17, 0)).build();
        Risk risk = Risk.builder("late-supplier").probability(0.3).scheduleImpact(Estimate.of(Duration.days(5), Duration.days(5), Duration.days(5)))
                .costImpact(new io.planwright.core.model.CostEstimate(new java.math.BigDecimal("1000"), new java.math.BigDecimal("2000"),
                        new java.math.BigDecimal("6000")))
                .taskIds(List.of("a")).build();
        MonteCarlo.Result r = run(plan(List.of(a), List.of(risk)), N, 11, 2);
        double tol = 4 * Math.sqrt(0.21 / N);
        assertThat(r.deadlines().get("a")).isCloseTo(0.7, within(tol));
        assertThat(r.finishDays().p50()).isEqualTo(10.0);
        assertThat(r.finishDays().p80()).isEqualTo(15.0);
        assertThat(r.finishDays().mean()).isCloseTo(11.5, within(4 * 5 * Math.sqrt(0.21) / Math.sqrt(N)));
        // the cost: 30 % of a triangular 1000..6000 with mean 3000
        assertThat(r.cost().mean()).isCloseTo(0.3 * 3000, within(4 * 1800 / Math.sqrt(N)));
        assertThat(r.cost().p50()).isEqualTo(0.0);
        assertThat(r.sensitivity()).containsKey("late-supplier");
        assertThat(r.sensitivity().get("late-supplier")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRiskOnAnUncertainTaskMixesTwoShiftedDistributions() {
        // P(finish <= x) = 0.6 F(x) + 0.4 F(x - 3)
        double o = 2;
        double m = 4;
        double p = 9;
        Risk risk = Risk.builder("r").probability(0.4).scheduleImpact(Estimate.of(Duration.days(3), Duration.days(3), Duration.days(3)))
                .taskIds(List.of("a")).build();
        MonteCarlo.Result r = run(plan(List.of(uncertain("a", o, m, p, null)), List.of(risk)), N, 5, 2);
        double x = r.finishDays().p50();
        double cdf = 0.6 * triCdf(o, m, p, x) + 0.4 * triCdf(o, m, p, x - 3);
        assertThat(cdf).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / N) + 0.001));
        assertThat(r.finishDays().mean()).isCloseTo(5 + 0.4 * 3, within(0.05));
    }

    static double triCdf(double o, double m, double p, double x) {
        if (x <= o) {
            return 0;
        }
        if (x >= p) {
            return 1;
        }
        return x < m ? (x - o) * (x - o) / ((p - o) * (m - o)) : 1 - (p - x) * (p - x) / ((p - o) * (p - m));
    }

    @Test
    void pertHasItsMeanAndSpread() {
        double o = 2;
        double m = 5;
        double p = 11;
        MonteCarlo.Result r = run(plan(List.of(uncertain("a", o, m, p, Distribution.PERT)), List.of()), N, 9, 2);
        double mean = (o + 4 * m + p) / 6;
        double sd = Math.sqrt((mean - o) * (p - mean) / 7);
        assertThat(r.finishDays().mean()).isCloseTo(mean, within(4 * sd / Math.sqrt(N) + 0.002 * (p - o)));
        // its median: the beta(2.33, 3.67) median on [2, 11] (scipy: 5.3823), within four standard errors and the shape rounding
        assertThat(r.finishDays().p50()).isCloseTo(5.3823, within(0.06));
    }

    @Test
    void theSameSeedGivesTheSameNumbersWhateverTheThreads() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(i < 3 ? uncertain("t" + i, 1, 3, 8, i % 2 == 0 ? Distribution.PERT : null)
                    : uncertain("t" + i, 1, 3, 8, null, "t" + (i - 1 - i % 3), "t" + (i - 2 - i % 2)));
        }
        Risk risk = Risk.builder("r").probability(0.2).scheduleImpact(Estimate.of(Duration.days(1), Duration.days(2), Duration.days(6)))
                .taskIds(List.of("t10")).build();
        Plan plan = plan(tasks, List.of(risk));
        MonteCarlo.Result one = run(plan, 5000, 42, 1);
        MonteCarlo.Result two = run(plan, 5000, 42, 2);
        MonteCarlo.Result three = run(plan, 5000, 42, 3);
        for (MonteCarlo.Result other : List.of(two, three)) {
            assertThat(other.finishDays()).isEqualTo(one.finishDays());
            assertThat(other.cost()).isEqualTo(one.cost());
            assertThat(other.criticality()).isEqualTo(one.criticality());
            assertThat(other.sensitivity()).isEqualTo(one.sensitivity());
            assertThat(other.finishSamples()).isEqualTo(one.finishSamples());
        }
        assertThat(run(plan, 5000, 43, 2).finishSamples()).isNotEqualTo(one.finishSamples());
    }

    @Test
    void correlationWidensTheSpreadOfASum() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(i == 0 ? uncertain("t0", 1, 2, 6, null) : uncertain("t" + i, 1, 2, 6, null, "t" + (i - 1)));
        }
        SimulationModel model = SimulationModel.of(plan(tasks, List.of()));
        MonteCarlo.Result independent = MonteCarlo.run(model, new MonteCarlo.Options(20_000, 1, 2, 0), null);
        MonteCarlo.Result correlated = MonteCarlo.run(model, new MonteCarlo.Options(20_000, 1, 2, 0.8), null);
        double spread0 = independent.finishDays().p90() - independent.finishDays().p10();
        double spread8 = correlated.finishDays().p90() - correlated.finishDays().p10();
        // variance of a sum of 10 with pairwise correlation rho: 10 (1 + 9 rho) sd^2 (about, for the ranks)
        assertThat(spread8 / spread0).isCloseTo(Math.sqrt(1 + 9 * 0.8), within(0.25));
        assertThat(correlated.finishDays().mean()).isCloseTo(30, within(0.1));
    }

    @Test
    void theSamplersFollowTheirDistributions() {
        double[] table = ThreePoint.pertTable(ThreePoint.PERT_STEPS / 2);
        assertThat(ThreePoint.fromTable(table, 0, 1, 0.5)).isCloseTo(0.5, within(1e-6));
        assertThat(ThreePoint.triangular(0, 0, 1, 0.75)).isCloseTo(0.5, within(1e-12));
        assertThat(ThreePoint.normalCdf(1.2816)).isCloseTo(0.9, within(1e-4));
        assertThat(ThreePoint.normalCdf(-1.96)).isCloseTo(0.025, within(1e-4));
    }

    @Test
    void whatThePlanGivesThatTheSimulationCannotUseIsSaid() {
        Task phase = Task.builder("phase").name("Phase").estimate(Estimate.of(Duration.days(1), Duration.days(2), Duration.days(3))).build();
        Task a = Task.builder("a").name("a").parentId("phase").duration(Duration.days(2)).build();
        Risk floating = Risk.builder("r9").probability(0.5).scheduleImpact(Estimate.of(Duration.days(1), Duration.days(2), Duration.days(4))).build();
        MonteCarlo.Result r = run(plan(List.of(phase, a), List.of(floating)), 100, 1, 1);
        assertThat(r.notes()).anyMatch(n -> n.contains("estimates of summary tasks phase are not used"))
                .anyMatch(n -> n.contains("risks r9 have a schedule impact but no tasks"))
                .anyMatch(n -> n.contains("every iteration gives the same dates"));
        assertThat(r.finishDays().p10()).isEqualTo(r.finishDays().p90());
    }

    @Test
    void percentileDatesAreTheDaysTheirWorkingDaysFallOnAndTheMeanIsNeverPastTheP90() {
        // nearly certain: every iteration 69.9 to 70 working days, so P10 to P90 and the mean are all on day 70
        MonteCarlo.Result r = run(plan(List.of(uncertain("a", 69.9, 70, 70, Distribution.TRIANGULAR)), List.of()), 2_000, 1, 2);
        MonteCarlo.DatePercentiles f = r.finish();
        assertThat(f.mean()).isEqualTo(f.p90()).isEqualTo(f.p10());
        // day 70 from Monday 5 January 2026 is Friday 10 April: its end, not a minute of the next working day
        assertThat(f.mean()).isEqualTo(LocalDateTime.of(2026, 4, 10, 17, 0));
        assertThat(MonteCarlo.day(70.0004)).isEqualTo(70);
        assertThat(MonteCarlo.day(70.2)).isEqualTo(71);
        // a date to the minute would be false precision: all at a day's end
        for (LocalDateTime d : List.of(f.p10(), f.p50(), f.p80(), f.p90(), f.mean())) {
            assertThat(d.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
        }
    }

    /**
     * From the status date: a task half done is uncertain in its remaining half only. Triangular 8d/10d/20d,
     * 50 % done: 5d + 5d x (0.8, 1, 2), so its P10..P90 spread is half the spread of the task not started,
     * and it never finishes before 5d + 4d.
     */
    @Test
    void aStartedTaskIsUncertainInTheWorkItHasLeftOnly() {
        Task fresh = uncertain("a", 8, 10, 20, Distribution.TRIANGULAR);
        Task half = fresh.toBuilder().actualStart(MONDAY).percentComplete(50).build();
        Plan.Builder b = Plan.builder("test").start(MONDAY).statusDate(MONDAY.plusDays(7));
        MonteCarlo.Result before = run(b.tasks(List.of(fresh)).build(), N, 7, 1);
        MonteCarlo.Result now = run(b.tasks(List.of(half)).build(), N, 7, 1);
        double spreadBefore = before.finishDays().p90() - before.finishDays().p10();
        double spreadNow = now.finishDays().p90() - now.finishDays().p10();
        assertThat(spreadNow / spreadBefore).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.03));
        assertThat(java.util.Arrays.stream(now.finishSamples()).min().orElseThrow()).isGreaterThanOrEqualTo(9 - 1e-9);
        assertThat(now.finishDays().p50()).isCloseTo(5 + 5 * triQuantile(0.8, 1, 2, 0.5), org.assertj.core.data.Offset.offset(0.1));
    }
}
