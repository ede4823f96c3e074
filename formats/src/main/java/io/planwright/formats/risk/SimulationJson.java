package io.planwright.formats.risk;

import io.planwright.core.risk.MonteCarlo;
import io.planwright.formats.tree.JsonEmitter;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * A simulation's results as JSON: {@code iterations}, {@code seed}, {@code finish} (P10, P50, P80,
 * P90 and mean as ISO date-times), {@code finish_days} (the same in working days from the plan start),
 * {@code cost}, {@code deadlines} (probability met per deadline), {@code criticality} (task id to
 * fraction), {@code sensitivity} (task or risk id to correlation with the finish, the strongest
 * first), {@code milestones}, {@code planned} (the deterministic finish and cost), {@code notes}; with
 * histograms, {@code histogram} holds the finish (working days) and cost in equal bins with the
 * cumulative share (the S-curve).
 */
public final class SimulationJson {

    private SimulationJson() {
    }

    public static String write(MonteCarlo.Result r, boolean histograms) {
        StringBuilder b = new StringBuilder(4096);
        b.append("{\"iterations\":").append(r.iterations()).append(",\"seed\":").append(r.seed());
        b.append(",\"start\":").append(date(r.start()));
        b.append(",\"finish\":");
        dates(b, r.finish());
        b.append(",\"finish_days\":");
        numbers(b, r.finishDays(), 2);
        b.append(",\"cost\":");
        numbers(b, r.cost(), 2);
        b.append(",\"planned\":{\"finish\":").append(date(r.plannedFinish())).append(",\"finish_days\":").append(num(r.plannedFinishDays(), 2))
                .append(",\"cost\":").append(num(r.plannedCost(), 2)).append('}');
        b.append(",\"deadlines\":");
        map(b, r.deadlines(), 4);
        b.append(",\"deadline_dates\":{");
        boolean first = true;
        for (Map.Entry<String, LocalDateTime> e : r.deadlineDates().entrySet()) {
            b.append(first ? "" : ",").append(JsonEmitter.string(e.getKey())).append(':').append(date(e.getValue()));
            first = false;
        }
        b.append("},\"milestones\":{");
        first = true;
        for (Map.Entry<String, MonteCarlo.DatePercentiles> e : r.milestones().entrySet()) {
            b.append(first ? "" : ",").append(JsonEmitter.string(e.getKey())).append(':');
            dates(b, e.getValue());
            first = false;
        }
        b.append("},\"criticality\":");
        map(b, r.criticality(), 4);
        b.append(",\"sensitivity\":");
        map(b, r.sensitivity(), 4);
        b.append(",\"notes\":[");
        for (int i = 0; i < r.notes().size(); i++) {
            b.append(i == 0 ? "" : ",").append(JsonEmitter.string(r.notes().get(i)));
        }
        b.append(']');
        if (histograms) {
            b.append(",\"histogram\":{\"finish_days\":");
            histogram(b, r.finishSamples(), 30);
            b.append(",\"cost\":");
            histogram(b, r.costSamples(), 30);
            b.append('}');
        }
        b.append(",\"ms\":").append(r.nanos() / 1_000_000).append("}\n");
        return b.toString();
    }

    /** Equal bins over the sorted samples: each bin's lower edge, its share of the iterations and the share up to its upper edge. */
    static void histogram(StringBuilder b, double[] sorted, int bins) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (hi <= lo) {
            bins = 1;
        }
        double width = bins == 1 ? Math.max(1e-9, hi - lo) : (hi - lo) / bins;
        int[] count = new int[bins];
        for (double v : sorted) {
            count[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        }
        b.append("{\"width\":").append(num(width, 4)).append(",\"bins\":[");
        int cumulative = 0;
        for (int i = 0; i < bins; i++) {
            cumulative += count[i];
            b.append(i == 0 ? "" : ",").append("{\"from\":").append(num(lo + i * width, 4)).append(",\"share\":")
                    .append(num(count[i] / (double) sorted.length, 5)).append(",\"cumulative\":").append(num(cumulative / (double) sorted.length, 5))
                    .append('}');
        }
        b.append("]}");
    }

    private static void dates(StringBuilder b, MonteCarlo.DatePercentiles p) {
        b.append("{\"p10\":").append(date(p.p10())).append(",\"p50\":").append(date(p.p50())).append(",\"p80\":").append(date(p.p80()))
                .append(",\"p90\":").append(date(p.p90())).append(",\"mean\":").append(date(p.mean())).append('}');
    }

    private static void numbers(StringBuilder b, MonteCarlo.Percentiles p, int digits) {
        b.append("{\"p10\":").append(num(p.p10(), digits)).append(",\"p50\":").append(num(p.p50(), digits)).append(",\"p80\":")
                .append(num(p.p80(), digits)).append(",\"p90\":").append(num(p.p90(), digits)).append(",\"mean\":").append(num(p.mean(), digits))
                .append('}');
    }

    private static void map(StringBuilder b, Map<String, Double> values, int digits) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            b.append(first ? "" : ",").append(JsonEmitter.string(e.getKey())).append(':').append(num(e.getValue(), digits));
            first = false;
        }
        b.append('}');
    }

    private static String date(LocalDateTime t) {
        return t == null ? "null" : JsonEmitter.string(t.toString().length() == 16 ? t + ":00" : t.toString());
    }

    static String num(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }
}
