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
    final int[][] predecessors;
    final int horizon;

    public Rcpsp(int[] duration, int[][] demand, int[] capacity, int[][] successors) {
        this.jobs = duration.length;
        this.resources = capacity.length;
        if (demand.length != jobs || successors.length != jobs) {
            throw new IllegalArgumentException("durations, demands and successors must list the same " + jobs + " jobs");
        }
        this.duration = duration.clone();
        this.capacity = capacity.clone();
        this.demand = new int[jobs * resources];
        int sum = 0;
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
                this.demand[j * resources + r] = demand[j][r];
            }
            sum += duration[j];
        }
        this.horizon = sum;
        this.successors = new int[jobs][];
        List<List<Integer>> preds = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            preds.add(new ArrayList<>());
        }
        for (int j = 0; j < jobs; j++) {
            this.successors[j] = successors[j].clone();
            for (int s : successors[j]) {
                if (s <= j || s >= jobs) {
                    throw new IllegalArgumentException("job " + (j + 1) + " has successor " + (s + 1)
                            + ": jobs must be numbered so that every successor comes later");
                }
                preds.get(s).add(j);
            }
        }
        this.predecessors = new int[jobs][];
        for (int j = 0; j < jobs; j++) {
            this.predecessors[j] = preds.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
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
            for (int p : predecessors[j]) {
                es[j] = Math.max(es[j], es[p] + duration[p]);
            }
        }
        return es;
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
            for (int s : successors[j]) {
                lf[j] = Math.min(lf[j], lf[s] - duration[s]);
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
            for (int s : successors[j]) {
                if (starts[s] < starts[j] + duration[j]) {
                    return "job " + (s + 1) + " starts at " + starts[s] + " before its predecessor " + (j + 1) + " finishes at " + (starts[j] + duration[j]);
                }
            }
        }
        int end = makespan(starts);
        int[] use = new int[end * resources + resources];
        for (int j = 0; j < jobs; j++) {
            for (int t = starts[j]; t < starts[j] + duration[j]; t++) {
                for (int r = 0; r < resources; r++) {
                    use[t * resources + r] += demand[j * resources + r];
                    if (use[t * resources + r] > capacity[r]) {
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
