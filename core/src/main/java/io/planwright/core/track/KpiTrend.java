package io.planwright.core.track;

import io.planwright.core.model.Kpi;
import io.planwright.core.model.KpiMeasurement;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a KPI is heading: the least-squares line through its measurements, carried to its target
 * date, against the way from its baseline (or first measurement) to its target. On track when the
 * forecast reaches the target, at risk when it covers at least 80 % of the way, off track below; once
 * the target date has passed, met or missed by the latest value.
 */
public final class KpiTrend {

    /** The share of the way to the target below which a KPI is off track rather than at risk. */
    public static final double AT_RISK_SHARE = 0.8;

    private KpiTrend() {
    }

    public enum Status {
        ON_TRACK("on track"), AT_RISK("at risk"), OFF_TRACK("off track"), MET("met"), MISSED("missed"), UNKNOWN("not enough measurements");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A KPI's trend.
     *
     * @param slopePerDay  the line's change per calendar day (null with fewer than two measurements)
     * @param forecast     the line's value at the target date (null without a line or a target date)
     * @param shareOfWay   the share of the way from start to target the forecast (or, after the date, the latest value) covers
     * @param status       on track, at risk, off track, met, missed or unknown
     * @param explanation  the status in a sentence
     */
    public record Trend(Kpi kpi, Double slopePerDay, Double forecast, Double shareOfWay, Status status, String explanation) {
    }

    public static Trend of(Kpi kpi, LocalDate today) {
        List<KpiMeasurement> m = kpi.measurements();
        Double start = kpi.baseline() != null ? kpi.baseline() : m.isEmpty() ? null : Double.valueOf(m.get(0).value());
        Double latest = kpi.latest();
        if (kpi.target() == null || start == null) {
            return new Trend(kpi, null, null, null, Status.UNKNOWN, "no target or no starting value to measure the way against");
        }
        double way = kpi.target() - start;
        if (kpi.targetDate() != null && today.isAfter(kpi.targetDate()) && latest != null) {
            double share = share(latest - start, way);
            boolean met = share >= 1 - 1e-9;
            return new Trend(kpi, slope(m), null, share, met ? Status.MET : Status.MISSED,
                    (met ? "met: " : "missed: ") + "the latest value " + number(latest) + " against the target " + number(kpi.target())
                            + " due " + kpi.targetDate());
        }
        Double slope = slope(m);
        if (slope == null || kpi.targetDate() == null) {
            return new Trend(kpi, slope, null, latest == null ? null : share(latest - start, way), Status.UNKNOWN,
                    kpi.targetDate() == null ? "no target date to forecast to" : "a forecast needs two measurements or more");
        }
        double forecast = valueAt(m, slope, kpi.targetDate());
        double share = share(forecast - start, way);
        Status status = share >= 1 - 1e-9 ? Status.ON_TRACK : share >= AT_RISK_SHARE ? Status.AT_RISK : Status.OFF_TRACK;
        String words = status.words() + ": the trend reaches " + number(forecast) + " by " + kpi.targetDate() + " against the target "
                + number(kpi.target()) + " (" + Math.round(share * 100) + " % of the way)";
        return new Trend(kpi, slope, forecast, share, status, words);
    }

    private static double share(double done, double way) {
        if (Math.abs(way) < 1e-12) {
            return Math.abs(done) < 1e-12 ? 1 : done * Math.signum(way == 0 ? 1 : way) >= 0 ? 1 : 0;
        }
        return done / way;
    }

    /** The least-squares slope per day, or null with fewer than two measurements on different days. */
    private static Double slope(List<KpiMeasurement> m) {
        if (m.size() < 2) {
            return null;
        }
        double n = m.size();
        double mx = m.stream().mapToDouble(x -> x.date().toEpochDay()).sum() / n;
        double my = m.stream().mapToDouble(KpiMeasurement::value).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (KpiMeasurement x : m) {
            double dx = x.date().toEpochDay() - mx;
            sxy += dx * (x.value() - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? null : sxy / sxx;
    }

    private static double valueAt(List<KpiMeasurement> m, double slope, LocalDate date) {
        double n = m.size();
        double mx = m.stream().mapToDouble(x -> x.date().toEpochDay()).sum() / n;
        double my = m.stream().mapToDouble(KpiMeasurement::value).sum() / n;
        return my + slope * (date.toEpochDay() - mx);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
