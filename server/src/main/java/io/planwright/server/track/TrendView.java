package io.planwright.server.track;

import io.planwright.core.calendar.Moments;
import io.planwright.core.track.ForecastTrend;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The forecast finish by status date for a page: each status date with its forecast, P50 and P80 finish days
 * and the baseline's, and how many calendar days each lies past the baseline finish (for the chart).
 */
public record TrendView(List<Row> rows) {

    /** One status date; the day counts are null without a baseline. */
    public record Row(LocalDate statusDate, long revision, LocalDate forecast, LocalDate p50, LocalDate p80, LocalDate baseline,
                      Long forecastDays, Long p50Days, Long p80Days) {
    }

    public static TrendView of(List<ForecastTrend.Point> points) {
        return new TrendView(points.stream().map(p -> {
            LocalDate base = day(p.baselineFinish());
            LocalDate f = day(p.forecastFinish());
            LocalDate p50 = day(p.p50());
            LocalDate p80 = day(p.p80());
            return new Row(day(p.statusDate()), p.revision(), f, p50, p80, base, late(base, f), late(base, p50), late(base, p80));
        }).toList());
    }

    private static LocalDate day(java.time.LocalDateTime t) {
        return t == null ? null : Moments.day(t, Moments.Edge.FINISH);
    }

    private static Long late(LocalDate baseline, LocalDate d) {
        return baseline == null || d == null ? null : ChronoUnit.DAYS.between(baseline, d);
    }
}
