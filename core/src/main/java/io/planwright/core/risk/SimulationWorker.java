package io.planwright.core.risk;

/**
 * One thread's buffers. Task values of the {@code lanes} iterations done together sit side by side:
 * {@code d[j * lanes + l]}.
 */
final class SimulationWorker {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-32;
    /** Floats below this many minutes count as none (critical). */
    private static final double EPSILON = 1e-6;

    private final SimulationModel m;
    private final MonteCarlo.Shared shared;
    private final long seed;
    private final double rho;
    private final int lanes;
    private final double[] d;
    private final double[] es;
    private final double[] ef;
    /** Each uncertain task's sampled duration less its planned one, per lane (for the sensitivity). */
    private final float[] xs;
    private final double[] finish;
    private final double[] ys = new double[MonteCarlo.LANES];
    private final double[] cost;
    private final int[] mark;
    private final int[] stack;
    private final long[] durations;
    private final double[] riskDelay;
    final int[] critical;
    final int[] met;
    private long state;

    SimulationWorker(SimulationModel m, MonteCarlo.Options o, MonteCarlo.Shared shared) {
        this.m = m;
        this.shared = shared;
        this.seed = o.seed();
        this.rho = o.correlation();
        this.lanes = m.exact ? 1 : MonteCarlo.LANES;
        this.d = new double[m.n * lanes];
        for (int j = 0; j < m.n; j++) {
            for (int l = 0; l < lanes; l++) {
                d[j * lanes + l] = m.planned[j];
            }
        }
        this.es = new double[m.n * lanes];
        this.ef = m.exact ? new double[m.n] : null;
        this.xs = new float[m.uncertain.length * lanes];
        this.finish = new double[lanes];
        this.cost = new double[lanes];
        this.mark = new int[m.n];
        this.stack = new int[m.n];
        this.durations = m.exact ? m.network.durations() : null;
        this.riskDelay = new double[m.risks.length * lanes];
        this.critical = new int[m.n];
        this.met = new int[m.deadline.length];
    }

    private long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double nextUnit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private double gaussian() {
        double u = nextUnit();
        double v = nextUnit();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * One iteration on the scheduler of core itself (plans with several calendars, elapsed time, actual
     * dates, tasks as late as possible): the sampled durations in whole minutes, the dates and the
     * critical flags as the schedule computes them.
     */
    private double exact(SimulationModel m) {
        for (int j = 0; j < m.n; j++) {
            durations[m.netIndex[j]] = Math.max(0, Math.round(d[j]));
        }
        return m.onScheduler(durations, es, ef, critical);
    }

    /** Draws iteration {@code it}'s durations and risks into lane {@code l}: its own random stream, whatever the lane. */
    private void sample(int it, int l) {
        SimulationModel m = this.m;
        int lanes = this.lanes;
        int[] uncertain = m.uncertain;
        int count = uncertain.length;
        double[] planned = m.planned;
        double[] pack = m.uPack;
        double[][] uTable = m.uTable;
        double[] uCost = m.uCost;
        boolean costs = m.uCosts;
        boolean pert = m.uPert;
        float[] xs = this.xs;
        double[] d = this.d;
        state = MonteCarlo.mix(seed + (long) it * GOLDEN);
        double c = m.plannedCost;
        double common = rho > 0 ? gaussian() : 0;
        double loading = Math.sqrt(rho);
        double own = Math.sqrt(1 - rho);
        for (int v = 0; v < count; v++) {
            int q = 4 * v;
            double lo = pack[q];
            double hi = pack[q + 1];
            double mode = pack[q + 2];
            double x;
            if (rho > 0) {
                // correlated: through the inverse distribution function of one correlated uniform
                double u = ThreePoint.normalCdf(loading * common + own * gaussian());
                x = pert && uTable[v] != null ? ThreePoint.fromTable(uTable[v], lo, hi, u) : ThreePoint.triangular(lo, lo + mode * (hi - lo), hi, u);
            } else if (pert && uTable[v] != null) {
                x = ThreePoint.fromTable(uTable[v], lo, hi, (nextLong() >>> 11) * 0x1.0p-53);
            } else {
                // triangular without a square root or a branch (Stein and Keblis 2009): (1 - c) min(U1, U2) + c max(U1, U2)
                // on [0, 1] has the triangular distribution with its mode at c; U1 and U2 from the two halves of 64 random bits
                long bits = nextLong();
                double u1 = (bits >>> 32) * TO_UNIT;
                double u2 = (bits & 0xFFFFFFFFL) * TO_UNIT;
                x = lo + (hi - lo) * ((1 - mode) * Math.min(u1, u2) + mode * Math.max(u1, u2));
            }
            double dx = x - pack[q + 3];
            xs[v * lanes + l] = (float) dx;
            d[uncertain[v] * lanes + l] = x;
            if (costs) {
                c += uCost[v] * dx;
            }
        }
        risks(l, c);
    }

    /** Lane {@code l}'s risks, drawn from its stream after its durations; {@code c} is its cost so far. */
    private void risks(int l, double c) {
        SimulationModel m = this.m;
        int lanes = this.lanes;
        double[] planned = m.planned;
        double[] d = this.d;
        for (SimulationModel.RiskEvent risk : m.risks) {
            // the tasks a risk may lengthen start from their own duration again
            for (int j : risk.tasks()) {
                if (m.kind[j] == SimulationModel.FIXED) {
                    d[j * lanes + l] = planned[j];
                }
            }
        }
        for (int r = 0; r < m.risks.length; r++) {
            SimulationModel.RiskEvent risk = m.risks[r];
            double occurs = nextUnit();
            double du = nextUnit();
            double cu = nextUnit();
            double delay = 0;
            if (occurs < risk.probability()) {
                delay = risk.kind() == SimulationModel.PERT ? ThreePoint.fromTable(risk.table(), risk.lo(), risk.hi(), du)
                        : risk.kind() == SimulationModel.TRIANGULAR ? ThreePoint.triangular(risk.lo(), risk.mode(), risk.hi(), du)
                        : risk.mode();
                for (int j : risk.tasks()) {
                    d[j * lanes + l] += delay;
                    c += m.costPerMinute[j] * delay;
                }
                c += ThreePoint.triangular(risk.costLo(), risk.costMode(), risk.costHi(), cu);
            }
            riskDelay[r * lanes + l] = delay;
        }
        cost[l] = c;
    }

    MonteCarlo.Block run(int from, int to) {
        SimulationModel m = this.m;
        int lanes = this.lanes;
        int count = m.uncertain.length;
        int risks = m.risks.length;
        double[] sxy = new double[count + risks];
        double[] rsx = new double[risks];
        double[] rsxx = new double[risks];
        int milestones = m.milestones.length;
        float[] milestoneRow = shared.milestone;
        for (int it = from; it < to; it += lanes) {
            int active = Math.min(lanes, to - it);
            for (int l = 0; l < active; l++) {
                sample(it + l, l);
            }
            if (m.exact) {
                finish[0] = exact(m);
            } else {
                MonteCarlo.forward(m, d, es, finish);
                for (int l = 0; l < active; l++) {
                    critical(m, l, finish[l], it + l);
                }
            }
            for (int l = 0; l < active; l++) {
                int iteration = it + l;
                double f = finish[l];
                shared.finish[iteration] = f;
                shared.cost[iteration] = cost[l];
                int row = iteration * milestones;
                for (int k = 0; k < milestones; k++) {
                    milestoneRow[row + k] = (float) finishOf(m.milestones[k], l);
                }
                for (int k = 0; k < m.deadline.length; k++) {
                    int[] tasks = m.deadlineTasks[k];
                    double at = Double.NEGATIVE_INFINITY;
                    if (tasks == null) {
                        at = f;
                    } else {
                        for (int j : tasks) {
                            at = Math.max(at, finishOf(j, l));
                        }
                    }
                    if (at <= m.deadline[k] + EPSILON) {
                        met[k]++;
                    }
                }
                double y = f - m.plannedFinish;
                ys[l] = y;
                for (int r = 0; r < risks; r++) {
                    double x = riskDelay[r * lanes + l];
                    sxy[count + r] += x * y;
                    rsx[r] += x;
                    rsxx[r] += x * x;
                }
            }
            sensitivity(sxy, count, active);
        }
        return new MonteCarlo.Block(sxy, rsx, rsxx);
    }

    /** Adds each uncertain task's deviation times the finish's, over the lanes of one group, to the block's sums. */
    private void sensitivity(double[] sxy, int count, int active) {
        float[] xs = this.xs;
        if (lanes == MonteCarlo.LANES) {
            double y0 = ys[0];
            double y1 = active > 1 ? ys[1] : 0;
            double y2 = active > 2 ? ys[2] : 0;
            double y3 = active > 3 ? ys[3] : 0;
            for (int v = 0; v < count; v++) {
                int q = 4 * v;
                sxy[v] += xs[q] * y0 + xs[q + 1] * y1 + xs[q + 2] * y2 + xs[q + 3] * y3;
            }
        } else {
            for (int v = 0; v < count; v++) {
                sxy[v] += xs[v] * ys[0];
            }
        }
    }

    private double finishOf(int j, int l) {
        return m.exact ? ef[j] : es[j * lanes + l] + d[j * lanes + l];
    }

    /**
     * The critical tasks of lane {@code l}: every task on a chain of driving links (links that set the
     * successor's start exactly) back from a task that finishes with the project. In a network without
     * latest-date constraints these are exactly the tasks without total float.
     */
    private void critical(SimulationModel m, int l, double finish, int iteration) {
        int[] mark = this.mark;
        int[] stack = this.stack;
        int lanes = this.lanes;
        double[] d = this.d;
        double[] es = this.es;
        int stamp = iteration + 1;
        int top = 0;
        int n = m.n;
        for (int j = 0; j < n; j++) {
            int x = j * lanes + l;
            if (es[x] + d[x] >= finish - EPSILON) {
                mark[j] = stamp;
                stack[top++] = j;
            }
        }
        int[] offset = m.predOffset;
        int[] pred = m.linkPred;
        float[] link = m.linkData;
        while (top > 0) {
            int j = stack[--top];
            critical[j]++;
            if (m.special[j] && m.fixedStart[j] == m.fixedStart[j]) {
                continue;
            }
            double dj = d[j * lanes + l];
            double at = es[j * lanes + l] - EPSILON;
            for (int k = offset[j], end = offset[j + 1]; k < end; k++) {
                int p = pred[k];
                if (mark[p] == stamp) {
                    continue;
                }
                int q = 4 * k;
                int x = p * lanes + l;
                double v = Math.max(es[x] + link[q] * d[x] + link[q + 2] - link[q + 1] * dj, link[q + 3]);
                if (v >= at) {
                    mark[p] = stamp;
                    stack[top++] = p;
                }
            }
        }
    }
}
