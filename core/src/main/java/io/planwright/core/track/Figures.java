package io.planwright.core.track;

/**
 * The earned-value figures of one entry (a task, a phase or the plan) at one date, in the plan's
 * currency: the budget at completion and the planned value from the baseline, the earned value from
 * the work done, the actual cost. The other measures follow from these four, as PMI's practice
 * standard for earned value and MS Project define them; a ratio whose divisor is zero is null.
 *
 * @param bac budget at completion: the baseline's cost
 * @param pv  planned value (BCWS): the baseline's cost of the work scheduled up to the date
 * @param ev  earned value (BCWP): the baseline's cost of the work done up to the date
 * @param ac  actual cost (ACWP): what the work done up to the date cost
 */
public record Figures(double bac, double pv, double ev, double ac) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0);

    public Figures plus(Figures o) {
        return new Figures(bac + o.bac, pv + o.pv, ev + o.ev, ac + o.ac);
    }

    /** Schedule variance: EV - PV (negative: behind). */
    public double sv() {
        return ev - pv;
    }

    /** Cost variance: EV - AC (negative: over budget). */
    public double cv() {
        return ev - ac;
    }

    /** Schedule performance index: EV / PV. */
    public Double spi() {
        return ratio(ev, pv);
    }

    /** Cost performance index: EV / AC. */
    public Double cpi() {
        return ratio(ev, ac);
    }

    /**
     * Estimate at completion, the cost performance so far carried to the end: AC + (BAC - EV) / CPI,
     * which is BAC / CPI (MS Project's EAC); before any cost is spent, AC + (BAC - EV).
     */
    public double eac() {
        Double cpi = cpi();
        return cpi == null || cpi == 0 ? eacAtPlanRate() : ac + (bac - ev) / cpi;
    }

    /** Estimate at completion when the remaining work costs what the baseline said: AC + (BAC - EV). */
    public double eacAtPlanRate() {
        return ac + (bac - ev);
    }

    /** Estimate at completion when cost and schedule performance both hold on: AC + (BAC - EV) / (CPI x SPI). */
    public Double eacComposite() {
        Double cpi = cpi();
        Double spi = spi();
        return cpi == null || spi == null || cpi * spi == 0 ? null : ac + (bac - ev) / (cpi * spi);
    }

    /** Estimate to complete: EAC - AC. */
    public double etc() {
        return eac() - ac;
    }

    /** Variance at completion: BAC - EAC (negative: the forecast is over budget). */
    public double vac() {
        return bac - eac();
    }

    /** The cost performance the remaining work needs to finish on budget: (BAC - EV) / (BAC - AC). */
    public Double tcpi() {
        return ratio(bac - ev, bac - ac);
    }

    /** The cost performance the remaining work needs to finish at the estimate: (BAC - EV) / (EAC - AC). */
    public Double tcpiToEac() {
        return ratio(bac - ev, eac() - ac);
    }

    /** The share of the budget earned: EV / BAC. */
    public Double percentComplete() {
        return ratio(ev, bac);
    }

    private static Double ratio(double a, double b) {
        return Math.abs(b) < 1e-9 ? null : a / b;
    }
}
