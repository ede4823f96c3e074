package io.planwright.core.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resource-constrained project scheduling problem in whole periods: jobs with a duration and a
 * demand per renewable resource, finish-to-start precedences, and a constant capacity per resource.
 * Jobs are numbered 0..n-1 in a topological order (every successor after its predecessors); a
 * project's source and sink may be among them as jobs of duration zero.
 */
public final class Rcpsp {

    final int jobs;
    final int resources;
    final int[] duration;
    /** demand[j * resources + r] */
    final int[] demand;
    final int[] capacity;
    final int[][] successors;
    /** The least time from each job's start to its successors' starts, aligned with {@code successors}. */
    final int[][] successorLags;
    final int[][] predecessors;
    /** The least time from each predecessor's start to this job's start, aligned with {@code predecessors}. */
    final int[][] predecessorLags;
    final int horizon;
    /** Units of each resource already taken in each period by work that does not move, {@code [t * resources + r]}; null for none. */
    final int[] reserved;
    /**
     * The latest start of each job that leveling may move it to (leveling within float), or null for
     * none: a job that does not fit by then starts as early as its predecessors allow, over-allocating.
     */
    int[] latest;
    /**
     * How much each period of delay of each job weighs (its priority), or null for none: among schedules
     * of the same length the search prefers the least weighted delay past the jobs' earliest starts, so
     * that work of high priority keeps its dates and work of low priority gives way.
     */
    int[] weight;

    /** Finish-to-start precedences without lags, as in PSPLIB. */
    public Rcpsp(int[] duration, int[][] demand, int[] capacity, int[][] successors) {
        this(duration, demand, capacity, successors, null);
    }

    /**
     * Precedences with the least time between the starts of a job and each successor ({@code lags},
     * aligned with {@code successors}; null for finish-to-start without lag, i.e. the job's duration):
     * start-to-start, finish-to-finish and leads and lags of every link type come down to such a
     * minimum distance between starts.
     */
    public Rcpsp(int[] duration, int[][] demand, int[] capacity, int[][] successors, int[][] lags) {
        this(duration, demand, capacity, successors, lags, null);
    }

    /**
     * As above, with units already taken by work that does not move (fixed or started tasks):
     * {@code reserved[t][r]} for the first periods, nothing after them.
     */
    public Rcpsp(int[] duration, int[][] demand, int[] capacity, int[][] successors, int[][] lags, int[][] reserved) {
        this.jobs = duration.length;
        this.resources = capacity.length;
        if (demand.length != jobs || successors.length != jobs) {
            throw new IllegalArgumentException("durations, demands and successors must list the same " + jobs + " jobs");
        }
        this.duration = duration.clone();
        this.capacity = capacity.clone();
        this.demand = checkedDemand(duration, demand, capacity);
        int sum = 0;
        for (int j = 0; j < jobs; j++) {
            sum += duration[j];
        }
        this.successors = new int[jobs][];
        this.successorLags = new int[jobs][];
        List<List<int[]>> preds = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            preds.add(new ArrayList<>());
        }
        long extra = 0;
        for (int j = 0; j < jobs; j++) {
            this.successors[j] = successors[j].clone();
            this.successorLags[j] = new int[successors[j].length];
            if (lags != null && lags[j].length != successors[j].length) {
                throw new IllegalArgumentException("job " + (j + 1) + " has " + successors[j].length + " successors but " + lags[j].length + " lags");
            }
            for (int k = 0; k < successors[j].length; k++) {
                int s = successors[j][k];
                if (s <= j || s >= jobs) {
                    throw new IllegalArgumentException("job " + (j + 1) + " has successor " + (s + 1)
                            + ": jobs must be numbered so that every successor comes later");
                }
                int lag = lags == null ? duration[j] : lags[j][k];
                this.successorLags[j][k] = lag;
                extra += Math.max(0, lag - duration[j]);
                preds.get(s).add(new int[] {j, lag});
            }
        }
        // a schedule never needs more than every job one after the other, plus every positive lag beyond a duration,
        // after the last reserved period
        int reservedPeriods = reserved == null ? 0 : reserved.length;
        this.horizon = (int) Math.min(Integer.MAX_VALUE / 4, sum + extra + reservedPeriods);
        this.reserved = reserved == null ? null : flatReserved(reserved, horizon, resources);
        this.predecessors = new int[jobs][];
        this.predecessorLags = new int[jobs][];
        for (int j = 0; j < jobs; j++) {
            List<int[]> list = preds.get(j);
            this.predecessors[j] = new int[list.size()];
            this.predecessorLags[j] = new int[list.size()];
            for (int k = 0; k < list.size(); k++) {
                this.predecessors[j][k] = list.get(k)[0];
                this.predecessorLags[j][k] = list.get(k)[1];
            }
        }
    }

    /**
     * The demands in one array ({@code [j * resources + r]}), checked: no negative duration or amount, one
     * amount per resource, none above the resource's capacity (such a job can never be scheduled).
     */
    private static int[] checkedDemand(int[] duration, int[][] demand, int[] capacity) {
        int jobs = duration.length;
        int resources = capacity.length;
        int[] flat = new int[jobs * resources];
        for (int j = 0; j < jobs; j++) {
            if (duration[j] < 0) {
                throw new IllegalArgumentException("job " + (j + 1) + " has a negative duration");
            }
            if (demand[j].length != resources) {
                throw new IllegalArgumentException("job " + (j + 1) + " names " + demand[j].length + " demands for " + resources + " resources");
            }
            for (int r = 0; r < resources; r++) {
                if (demand[j][r] < 0) {
                    throw new IllegalArgumentException("job " + (j + 1) + " needs a negative amount of resource " + (r + 1));
                }
                if (demand[j][r] > capacity[r]) {
                    throw new Infeasible("job " + (j + 1) + " needs " + demand[j][r] + " of resource " + (r + 1) + ", which has only "
                            + capacity[r] + ": it can never be scheduled");
                }
                flat[j * resources + r] = demand[j][r];
            }
        }
        return flat;
    }

    /** The reserved units in one array over the horizon ({@code [t * resources + r]}), nothing after the periods given. */
    private static int[] flatReserved(int[][] reserved, int horizon, int resources) {
        int[] flat = new int[(horizon + 1) * resources];
        for (int t = 0; t < reserved.length; t++) {
            for (int r = 0; r < resources; r++) {
                flat[t * resources + r] = reserved[t][r];
            }
        }
        return flat;
    }

    public int jobs() {
        return jobs;
    }

    public int resources() {
        return resources;
    }

    public int duration(int job) {
        return duration[job];
    }

    public int demand(int job, int resource) {
        return demand[job * resources + resource];
    }

    public int capacity(int resource) {
        return capacity[resource];
    }

    public int[] successors(int job) {
        return successors[job].clone();
    }

    /** The earliest start of each job by precedences alone. */
    public int[] earliestStarts() {
        int[] es = new int[jobs];
        for (int j = 0; j < jobs; j++) {
            for (int k = 0; k < predecessors[j].length; k++) {
                es[j] = Math.max(es[j], es[predecessors[j][k]] + predecessorLags[j][k]);
            }
        }
        return es;
    }

    /** This problem where no job may be moved past its latest start (leveling within float): what does not fit stays over-allocated. */
    public Rcpsp withinLatestStarts(int[] latestStarts) {
        if (latestStarts.length != jobs) {
            throw new IllegalArgumentException(latestStarts.length + " latest starts for " + jobs + " jobs");
        }
        this.latest = latestStarts.clone();
        return this;
    }

    /**
     * This problem where each job's delay weighs {@code weights[j]} per period (zero or more): schedules
     * of equal length are told apart by their weighted delay, the least first.
     */
    public Rcpsp withDelayWeights(int[] weights) {
        if (weights.length != jobs) {
            throw new IllegalArgumentException(weights.length + " weights for " + jobs + " jobs");
        }
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("delay weights must not be negative");
            }
        }
        this.weight = weights.clone();
        return this;
    }

    /** The weighted delay of a schedule past the earliest starts by precedences ({@code es}); 0 without weights. */
    long weightedDelay(int[] starts, int[] es) {
        if (weight == null) {
            return 0;
        }
        long sum = 0;
        for (int j = 0; j < jobs; j++) {
            sum += (long) weight[j] * Math.max(0, starts[j] - es[j]);
        }
        return sum;
    }

    /** The critical-path length: the lower bound by precedences alone. */
    public int criticalPathLength() {
        int[] es = earliestStarts();
        int m = 0;
        for (int j = 0; j < jobs; j++) {
            m = Math.max(m, es[j] + duration[j]);
        }
        return m;
    }

    /** The latest finish of each job by precedences alone, for a project that ends at {@code end}. */
    int[] latestFinishes(int end) {
        int[] lf = new int[jobs];
        Arrays.fill(lf, end);
        for (int j = jobs - 1; j >= 0; j--) {
            for (int k = 0; k < successors[j].length; k++) {
                int s = successors[j][k];
                // start_s >= start_j + lag, so start_j <= latest start_s - lag
                lf[j] = Math.min(lf[j], lf[s] - duration[s] - successorLags[j][k] + duration[j]);
            }
        }
        return lf;
    }

    /** The makespan of a schedule. */
    public int makespan(int[] starts) {
        int m = 0;
        for (int j = 0; j < jobs; j++) {
            m = Math.max(m, starts[j] + duration[j]);
        }
        return m;
    }

    /** Why a schedule is not feasible (a precedence or a capacity it breaks), or null when it is. */
    public String violation(int[] starts) {
        if (starts.length != jobs) {
            return starts.length + " start times for " + jobs + " jobs";
        }
        for (int j = 0; j < jobs; j++) {
            if (starts[j] < 0) {
                return "job " + (j + 1) + " starts before 0";
            }
            for (int k = 0; k < successors[j].length; k++) {
                int s = successors[j][k];
                if (starts[s] < starts[j] + successorLags[j][k]) {
                    return "job " + (s + 1) + " starts at " + starts[s] + ", before its predecessor " + (j + 1) + " (starting at " + starts[j]
                            + ") allows it (" + (starts[j] + successorLags[j][k]) + ")";
                }
            }
        }
        int end = Math.max(makespan(starts), reserved == null ? 0 : horizon);
        int[] use = new int[end * resources + resources];
        if (reserved != null) {
            System.arraycopy(reserved, 0, use, 0, Math.min(reserved.length, use.length));
        }
        for (int j = 0; j < jobs; j++) {
            for (int t = starts[j]; t < starts[j] + duration[j]; t++) {
                for (int r = 0; r < resources; r++) {
                    use[t * resources + r] += demand[j * resources + r];
                    if (use[t * resources + r] > capacity[r] && demand[j * resources + r] > 0) {
                        return "resource " + (r + 1) + " is over its capacity " + capacity[r] + " in period " + t;
                    }
                }
            }
        }
        return null;
    }

    /** A problem that has no schedule at all, such as a job needing more than a resource's capacity. */
    public static final class Infeasible extends IllegalArgumentException {
        public Infeasible(String message) {
            super(message);
        }
    }
}
