package io.planwright.core.track;

import io.planwright.core.model.Distribution;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanScheduler;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast finish by status date: a task running late pushes P50 and P80 out, week after week. */
class ForecastTrendTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);

    static Plan plan() {
        Task a = Task.builder("a").name("A").duration(Duration.days(10))
                .estimate(new Estimate(Duration.days(8), Duration.days(10), Duration.days(15), Distribution.TRIANGULAR)).build();
        Task b = Task.builder("b").name("B").duration(Duration.days(5)).after("a").build();
        Plan p = Plan.builder("Trend").start(MONDAY).tasks(List.of(a, b)).build();
        return Baselines.save(p, Baselines.capture(p, PlanScheduler.schedule(p), Baselines.MAIN, "Approved plan", MONDAY.minusDays(3)));
    }

    /** A started at the start; as of each Friday only 20 % more of it is done: it is behind, and the work left resumes at the status date. */
    static Plan asOf(Plan base, int week) {
        LocalDateTime friday = MONDAY.plusWeeks(week - 1).plusDays(5).withHour(0);
        Task a = base.task("a").orElseThrow().toBuilder().actualStart(MONDAY).percentComplete(Math.min(90, 20 * week)).build();
        return base.toBuilder().statusDate(friday).rescheduleRemaining(true)
                .tasks(List.of(a, base.task("b").orElseThrow())).build();
    }

    @Test
    void theForecastDriftsAwayFromTheBaselineWhileWorkFallsBehind() {
        Plan base = plan();
        List<ForecastTrend.Point> points = new ArrayList<>();
        for (int week = 3; week >= 1; week--) { // any order; one revision per week
            points.add(ForecastTrend.at(asOf(base, week), week + 1));
        }
        List<ForecastTrend.Point> trend = ForecastTrend.series(points);
        assertThat(trend).extracting(p -> p.statusDate().toLocalDate().toString()).containsExactly("2027-01-09", "2027-01-16", "2027-01-23");
        assertThat(trend).allSatisfy(p -> {
            assertThat(p.baselineFinish()).isEqualTo(LocalDateTime.of(2027, 1, 22, 17, 0));
            assertThat(p.p80()).isAfterOrEqualTo(p.p50());
        });
        // the baseline's 15 days are gone: each week done at 20 % of a 10-day task pushes the finish out by 3 days
        for (int i = 1; i < trend.size(); i++) {
            assertThat(trend.get(i).forecastFinish()).isAfter(trend.get(i - 1).forecastFinish());
            assertThat(trend.get(i).p50()).isAfter(trend.get(i - 1).p50());
        }
        assertThat(trend.get(0).forecastFinish()).isAfter(trend.get(0).baselineFinish());
        // a second revision on the same status date replaces the first
        assertThat(ForecastTrend.series(List.of(ForecastTrend.at(asOf(base, 1), 2), ForecastTrend.at(asOf(base, 1), 9))))
                .extracting(ForecastTrend.Point::revision).containsExactly(9L);
        assertThat(ForecastTrend.at(base, 1)).as("no status date, no point").isNull();
    }
}
