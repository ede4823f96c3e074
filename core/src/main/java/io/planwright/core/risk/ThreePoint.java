package io.planwright.core.risk;

import java.util.HashMap;
import java.util.Map;

/**
 * Sampling three-point estimates by their inverse distribution function, so that one uniform number
 * gives one sample (and correlated uniforms give correlated samples). Triangular: exact, one square
 * root. PERT (beta with shape parameters 1 + 4(m-o)/(p-o) and 1 + 4(p-m)/(p-o), mean (o + 4m + p) / 6):
 * from a table of quantiles per shape, the mode's relative position rounded to 1/200 (the mean moves
 * by at most 0.2 % of the range), interpolated linearly between 2,048 quantiles.
 */
final class ThreePoint {

    static final int PERT_STEPS = 200;
    static final int QUANTILES = 2048;
    private static final Map<Integer, double[]> PERT = new HashMap<>();

    private ThreePoint() {
    }

    /** The triangular distribution's inverse at {@code u}: from {@code lo} to {@code hi} with its mode at {@code mode}. */
    static double triangular(double lo, double mode, double hi, double u) {
        double range = hi - lo;
        if (range <= 0) {
            return lo;
        }
        double c = (mode - lo) / range;
        return u < c ? lo + Math.sqrt(u * range * (mode - lo)) : hi - Math.sqrt((1 - u) * range * (hi - mode));
    }

    /** The quantile table of the PERT distribution on [0, 1] for a mode at {@code shape / PERT_STEPS}. */
    static synchronized double[] pertTable(int shape) {
        return PERT.computeIfAbsent(shape, ThreePoint::buildPert);
    }

    static int pertShape(double lo, double mode, double hi) {
        return hi > lo ? (int) Math.round((mode - lo) / (hi - lo) * PERT_STEPS) : PERT_STEPS / 2;
    }

    /** A sample from a quantile table at {@code u}, scaled to [lo, hi]. */
    static double fromTable(double[] table, double lo, double hi, double u) {
        double x = u * QUANTILES;
        int i = (int) x;
        if (i >= QUANTILES) {
            return hi;
        }
        double q = table[i] + (x - i) * (table[i + 1] - table[i]);
        return lo + (hi - lo) * q;
    }

    private static double[] buildPert(int shape) {
        double c = shape / (double) PERT_STEPS;
        double a = 1 + 4 * c;
        double b = 1 + 4 * (1 - c);
        int grid = 1 << 16;
        // the distribution function by the trapezoid rule on a fine grid (the density is bounded: a, b >= 1)
        double[] cdf = new double[grid + 1];
        double prev = density(0, a, b);
        for (int k = 1; k <= grid; k++) {
            double x = k / (double) grid;
            double f = density(x, a, b);
            cdf[k] = cdf[k - 1] + (prev + f) / 2;
            prev = f;
        }
        double total = cdf[grid];
        double[] table = new double[QUANTILES + 1];
        int k = 0;
        for (int i = 0; i <= QUANTILES; i++) {
            double target = total * i / QUANTILES;
            while (k < grid && cdf[k + 1] < target) {
                k++;
            }
            if (i == QUANTILES) {
                table[i] = 1;
                break;
            }
            double span = cdf[Math.min(grid, k + 1)] - cdf[k];
            double frac = span <= 0 ? 0 : (target - cdf[k]) / span;
            table[i] = Math.min(1, (k + Math.max(0, Math.min(1, frac))) / grid);
        }
        table[0] = 0;
        return table;
    }

    private static double density(double x, double a, double b) {
        return Math.pow(x, a - 1) * Math.pow(1 - x, b - 1);
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }
}
