package io.planwright.formats.report;

import io.planwright.core.report.StatusReport;
import io.planwright.core.risk.RiskScore;
import io.planwright.core.track.ForecastTrend;
import io.planwright.core.track.ProjectStatus;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The charts of a status report, drawn on the server (never by a browser): the forecast finish by status date
 * against the baseline's, the S-curves (PV, EV, AC) and the risk heat map. Each has a title, labels on its
 * axes and a text alternative that says what it shows in words, so that a reader without the picture, or a
 * screen reader, loses nothing.
 */
public final class ReportCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final double LEFT = 78;
    private static final double RIGHT = 20;
    private static final double TOP = 34;
    private static final double BOTTOM = 40;
    private static final String AXIS = "#555555";
    private static final String GRID = "#e3e3e3";
    private static final String INK = "#222222";

    private ReportCharts() {
    }

    /**
     * One chart: drawn on demand as SVG or as a PNG image.
     *
     * @param alt the chart in words
     */
    public record Chart(String id, String title, String alt, int width, int height, Consumer<Canvas> drawing) {

        public String svg() {
            SvgCanvas c = new SvgCanvas(width, height, alt);
            drawing.accept(c);
            return c.svg();
        }

        public byte[] png() {
            ImageCanvas c = new ImageCanvas(width, height);
            drawing.accept(c);
            return c.png();
        }
    }

    /** The report's charts that have something to show, in reading order. */
    public static List<Chart> of(StatusReport r, ReportText text) {
        List<Chart> out = new ArrayList<>();
        if (!r.trend().isEmpty()) {
            out.add(finishTrend(r.trend(), text));
        }
        if (!r.curve().isEmpty()) {
            out.add(sCurve(r.curve(), r.asOf(), text));
        }
        if (r.risks().open() > 0) {
            out.add(heatMap(r.risks()));
        }
        return out;
    }

    /** The forecast, P50 and P80 finish as of each status date, and the baseline's finish. */
    static Chart finishTrend(List<ForecastTrend.Point> points, ReportText text) {
        StringBuilder alt = new StringBuilder("Forecast finish by status date.");
        for (ForecastTrend.Point p : points) {
            alt.append(" As of ").append(text.date(p.statusDate())).append(": forecast ").append(text.date(p.forecastFinish()))
                    .append(", P50 ").append(text.date(p.p50())).append(", P80 ").append(text.date(p.p80()));
            alt.append(p.baselineFinish() == null ? "." : ", baseline " + text.date(p.baselineFinish()) + ".");
        }
        return new Chart("finish-trend", "Forecast finish by status date", alt.toString(), WIDTH, HEIGHT, c -> {
            LocalDateTime x0 = points.get(0).statusDate();
            LocalDateTime x1 = points.get(points.size() - 1).statusDate();
            List<LocalDateTime> ys = new ArrayList<>();
            points.forEach(p -> {
                ys.add(p.forecastFinish());
                ys.add(p.p50());
                ys.add(p.p80());
                if (p.baselineFinish() != null) {
                    ys.add(p.baselineFinish());
                }
            });
            LocalDateTime y0 = ys.stream().filter(d -> d != null).min(LocalDateTime::compareTo).orElse(x0).minusDays(3);
            LocalDateTime y1 = ys.stream().filter(d -> d != null).max(LocalDateTime::compareTo).orElse(x1).plusDays(3);
            Scale sx = new Scale(minutes(x0), minutes(x1), LEFT + 20, WIDTH - RIGHT - 20);
            Scale sy = new Scale(minutes(y0), minutes(y1), HEIGHT - BOTTOM, TOP);
            frame(c);
            for (int i = 0; i <= 4; i++) {
                double v = sy.from + (sy.to - sy.from) * i / 4;
                double y = sy.at(v);
                c.line(LEFT, y, WIDTH - RIGHT, y, GRID, 1, false);
                c.text(LEFT - 6, y + 4, text.date(LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes((long) v)), 10, AXIS, Canvas.Anchor.END, false);
            }
            int every = Math.max(1, (points.size() + 5) / 6);
            for (int i = 0; i < points.size(); i += every) {
                c.text(sx.at(minutes(points.get(i).statusDate())), HEIGHT - BOTTOM + 16, text.date(points.get(i).statusDate()), 10, AXIS,
                        Canvas.Anchor.MIDDLE, false);
            }
            c.text(WIDTH / 2.0, HEIGHT - 6, "status date", 10, AXIS, Canvas.Anchor.MIDDLE, false);
            series(c, points, sx, sy, ForecastTrend.Point::baselineFinish, "#777777", true);
            series(c, points, sx, sy, ForecastTrend.Point::p80, "#d62728", false);
            series(c, points, sx, sy, ForecastTrend.Point::p50, "#ff7f0e", false);
            series(c, points, sx, sy, ForecastTrend.Point::forecastFinish, "#1f77b4", false);
            legend(c, new String[] {"forecast", "P50", "P80", "baseline"}, new String[] {"#1f77b4", "#ff7f0e", "#d62728", "#777777"});
        });
    }

    private static void series(Canvas c, List<ForecastTrend.Point> points, Scale sx, Scale sy, Function<ForecastTrend.Point, LocalDateTime> y,
                               String colour, boolean dashed) {
        List<double[]> xy = new ArrayList<>();
        for (ForecastTrend.Point p : points) {
            if (y.apply(p) != null) {
                xy.add(new double[] {sx.at(minutes(p.statusDate())), sy.at(minutes(y.apply(p)))});
            }
        }
        draw(c, xy, colour, dashed);
    }

    /** PV over the whole curve, EV and AC up to the status date, with the status date marked. */
    static Chart sCurve(List<ProjectStatus.Point> curve, LocalDateTime statusDate, ReportText text) {
        ProjectStatus.Point last = null;
        for (ProjectStatus.Point p : curve) {
            if (p.ev() != null) {
                last = p;
            }
        }
        double max = curve.stream().mapToDouble(p -> Math.max(p.pv(), Math.max(p.ev() == null ? 0 : p.ev(), p.ac() == null ? 0 : p.ac()))).max()
                .orElse(0);
        String alt = "S-curves of planned value, earned value and actual cost from " + text.date(curve.get(0).date()) + " to "
                + text.date(curve.get(curve.size() - 1).date()) + "; planned value at completion " + text.money(curve.get(curve.size() - 1).pv())
                + (last == null ? "." : "; at " + text.date(last.date()) + " planned " + text.money(last.pv()) + ", earned " + text.money(last.ev())
                + ", actual cost " + text.money(last.ac()) + ".");
        return new Chart("s-curve", "S-curves: planned value, earned value, actual cost", alt, WIDTH, HEIGHT, c -> {
            Scale sx = new Scale(minutes(curve.get(0).date()), Math.max(minutes(curve.get(curve.size() - 1).date()), minutes(curve.get(0).date()) + 1),
                    LEFT, WIDTH - RIGHT);
            Scale sy = new Scale(0, max <= 0 ? 1 : max * 1.05, HEIGHT - BOTTOM, TOP);
            frame(c);
            for (int i = 0; i <= 4; i++) {
                double v = sy.to * i / 4;
                c.line(LEFT, sy.at(v), WIDTH - RIGHT, sy.at(v), GRID, 1, false);
                c.text(LEFT - 6, sy.at(v) + 4, compact(v), 10, AXIS, Canvas.Anchor.END, false);
            }
            for (int i = 0; i <= 4; i++) {
                double m = sx.from + (sx.to - sx.from) * i / 4;
                c.text(sx.at(m), HEIGHT - BOTTOM + 16, text.date(LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes((long) m)), 10, AXIS,
                        i == 0 ? Canvas.Anchor.START : i == 4 ? Canvas.Anchor.END : Canvas.Anchor.MIDDLE, false);
            }
            double sd = sx.at(minutes(statusDate));
            if (sd >= LEFT && sd <= WIDTH - RIGHT) {
                c.line(sd, TOP, sd, HEIGHT - BOTTOM, "#999999", 1, true);
                c.text(sd + 4, TOP + 10, "status date", 10, AXIS, Canvas.Anchor.START, false);
            }
            curve(c, curve, sx, sy, ProjectStatus.Point::pv, "#1f77b4");
            curve(c, curve, sx, sy, ProjectStatus.Point::ac, "#d62728");
            curve(c, curve, sx, sy, ProjectStatus.Point::ev, "#2ca02c");   // over AC: on budget the two are one line
            legend(c, new String[] {"planned value", "earned value", "actual cost"}, new String[] {"#1f77b4", "#2ca02c", "#d62728"});
        });
    }

    private static void curve(Canvas c, List<ProjectStatus.Point> curve, Scale sx, Scale sy, Function<ProjectStatus.Point, Double> y, String colour) {
        List<double[]> xy = new ArrayList<>();
        for (ProjectStatus.Point p : curve) {
            if (y.apply(p) != null) {
                xy.add(new double[] {sx.at(minutes(p.date())), sy.at(y.apply(p))});
            }
        }
        draw(c, xy, colour, false);
    }

    /** Open risks on the 5x5 grid of probability (up) and impact (right), each cell with its count and coloured by band. */
    static Chart heatMap(StatusReport.Risks risks) {
        int[] bands = new int[3];
        for (int p = 1; p <= 5; p++) {
            for (int i = 1; i <= 5; i++) {
                bands[RiskScore.band(p * i).ordinal()] += risks.heat().get(p - 1).get(i - 1);
            }
        }
        String alt = String.format(Locale.ROOT, "Risk heat map of %d open risks by probability and impact: %d high, %d medium, %d low.", risks.open(),
                bands[2], bands[1], bands[0]);
        String[] impact = {"very low", "low", "medium", "high", "very high"};
        String[] probability = {"< 10 %", "10-30 %", "30-50 %", "50-70 %", "> 70 %"};
        return new Chart("risk-heat-map", "Risk heat map (open risks)", alt, WIDTH, HEIGHT, c -> {
            double cw = 96;
            double ch = 36;
            double x0 = 120;
            double y0 = 24;
            for (int p = 5; p >= 1; p--) {
                double y = y0 + (5 - p) * ch;
                c.text(x0 - 8, y + ch / 2 + 4, probability[p - 1], 10, AXIS, Canvas.Anchor.END, false);
                for (int i = 1; i <= 5; i++) {
                    double x = x0 + (i - 1) * cw;
                    RiskScore.Band band = RiskScore.band(p * i);
                    c.rect(x, y, cw, ch, band == RiskScore.Band.HIGH ? "#f4a6a0" : band == RiskScore.Band.MEDIUM ? "#fde3a0" : "#d3ecc9", "#ffffff");
                    int n = risks.heat().get(p - 1).get(i - 1);
                    if (n > 0) {
                        c.text(x + cw / 2, y + ch / 2 + 5, Integer.toString(n), 14, INK, Canvas.Anchor.MIDDLE, true);
                    }
                }
            }
            for (int i = 1; i <= 5; i++) {
                c.text(x0 + (i - 0.5) * cw, y0 + 5 * ch + 16, impact[i - 1], 10, AXIS, Canvas.Anchor.MIDDLE, false);
            }
            c.text(x0 + 2.5 * cw, y0 + 5 * ch + 34, "impact", 11, AXIS, Canvas.Anchor.MIDDLE, true);
            c.text(x0 - 8, 14, "probability", 11, AXIS, Canvas.Anchor.END, true);
        });
    }

    private static void frame(Canvas c) {
        c.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, AXIS, 1, false);
        c.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, AXIS, 1, false);
    }

    private static void legend(Canvas c, String[] names, String[] colours) {
        double x = LEFT;
        for (int i = 0; i < names.length; i++) {
            c.line(x, 14, x + 18, 14, colours[i], 3, false);
            c.text(x + 22, 18, names[i], 11, INK, Canvas.Anchor.START, false);
            x += 34 + names[i].length() * 6.5;
        }
    }

    private static void draw(Canvas c, List<double[]> xy, String colour, boolean dashed) {
        double[] xs = xy.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = xy.stream().mapToDouble(p -> p[1]).toArray();
        if (xs.length > 1) {
            c.polyline(xs, ys, colour, 2, dashed);
        }
        for (int i = 0; i < xs.length; i++) {
            c.dot(xs[i], ys[i], 3, colour);
        }
    }

    /** 1,250,000 as 1.25M, 35,000 as 35k. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    private static double minutes(LocalDateTime t) {
        return ChronoUnit.MINUTES.between(LocalDateTime.of(2000, 1, 1, 0, 0), t);
    }

    /** A linear map from values to pixels. */
    private record Scale(double from, double to, double px0, double px1) {
        double at(double v) {
            return to == from ? (px0 + px1) / 2 : px0 + (v - from) / (to - from) * (px1 - px0);
        }
    }
}
