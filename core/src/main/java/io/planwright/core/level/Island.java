package io.planwright.core.level;

import io.planwright.core.level.RcpspSolver.Options;
import io.planwright.core.level.RcpspSolver.Result;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** One population on one thread. */
final class Island {
    /**
     * The population's size follows the schedules the budget allows this thread: one member per
     * {@value #SCHEDULES_PER_MEMBER} schedules, between {@value #SMALLEST} and {@value #LARGEST}. On the
     * j120 sample (two threads), 120,000 schedules in all do best with about 250 members (30.59 %; 100:
     * 30.80 %, 400: 31.07 %), 50,000 with 100 to 125 (31.02-31.10 %; 250: 32.0 %). With a CPU budget the
     * rate of the first members' schedules gives the count.
     */
    private static final int SCHEDULES_PER_MEMBER = 200;
    private static final int SMALLEST = 30;
    private static final int LARGEST = 250;
    /** Members made before the CPU clock is asked how many schedules the budget will allow. */
    private static final int PROBE = 20;
    private static final double MUTATION = 0.05;
    /** Generations without a better schedule after which the population starts afresh around its best. */
    private static final int STAGNATION = 40;

    private final Rcpsp p;
    private final SerialSgs sgs;
    private final SplittableRandom random;
    private final long cpuBudget;
    private final long scheduleBudget;
    private final int lowerBound;
    private final boolean[] precedes;
    /** Whether the time-window crossover keeps precedences (no negative lags). */
    private final boolean peaks;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private long cpuStart;

    private Individual best;
    /** The earliest starts by precedences, from which delays are counted. */
    private final int[] earliest;
    /** Per job, the shares of the capacities it takes, summed over the resources. */
    private final double[] utilization;

    Island(Rcpsp p, Options o, int index, int lowerBound) {
        this.p = p;
        this.sgs = new SerialSgs(p);
        this.random = new SplittableRandom(o.seed() * 1_000_003L + index * 7_919L + 17);
        // a little under the budget: the check runs between schedules, and the threads start a moment apart
        this.cpuBudget = o.cpuNanos() <= 0 ? Long.MAX_VALUE : o.cpuNanos() / o.threads() / 100 * 99;
        this.scheduleBudget = o.maxSchedules() <= 0 ? Long.MAX_VALUE
                : o.maxSchedules() / o.threads() + (index < o.maxSchedules() % o.threads() ? 1 : 0);
        this.lowerBound = lowerBound;
        int n = p.jobs;
        this.peaks = RcpspSolver.nonNegativeLags(p);
        this.earliest = p.earliestStarts();
        this.utilization = new double[n];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < p.resources; r++) {
                int c = p.capacity[r];
                if (c > 0) {
                    utilization[j] += (double) p.demand[j * p.resources + r] / c;
                }
            }
        }
        this.precedes = new boolean[n * n];
        for (int j = 0; j < n; j++) {
            for (int s : p.successors[j]) {
                precedes[j * n + s] = true;
            }
        }
    }

    /** The population's size for this run. */
    private int size = LARGEST;

    private static int sizeFor(long schedules) {
        return (int) Math.max(SMALLEST, Math.min(LARGEST, schedules / SCHEDULES_PER_MEMBER));
    }

    private long nextClockRead;
    private boolean outOfTime;

    private boolean done() {
        if (best != null && best.makespan <= lowerBound && best.forced == 0 && best.penalty == 0 || sgs.generated >= scheduleBudget) {
            return true;
        }
        if (cpuBudget == Long.MAX_VALUE) {
            return false;
        }
        // the thread's CPU clock costs about a microsecond to read: read it every 16 schedules (~0.1 ms)
        if (sgs.generated >= nextClockRead) {
            nextClockRead = sgs.generated + 16;
            outOfTime = cpu.getCurrentThreadCpuTime() - cpuStart >= cpuBudget;
        }
        return outOfTime;
    }

    /** An individual: its activity list and its makespan. */
    private static final class Individual {
        final int[] order;
        final int[] starts;
        final int makespan;
        /** Work left over-allocated (leveling within float), 0 otherwise. */
        final long forced;
        /** The weighted delay of its schedule (priorities), 0 without weights. */
        final long penalty;
        /** Prefix sums of the schedule's resource utilization per period (share of each capacity, summed), made when first needed. */
        double[] load;
        /** A hash of the list and the makespan, to keep duplicates out of the population. */
        final int key;

        Individual(int[] order, int[] starts, int makespan, long forced, long penalty) {
            this.order = order;
            this.starts = starts;
            this.makespan = makespan;
            this.forced = forced;
            this.penalty = penalty;
            this.key = Arrays.hashCode(order) * 31 + makespan;
        }

        int compareTo(Individual o) {
            return makespan != o.makespan ? Integer.compare(makespan, o.makespan)
                    : forced != o.forced ? Long.compare(forced, o.forced) : Long.compare(penalty, o.penalty);
        }
    }

    private double[] load(Individual i) {
        if (i.load == null) {
            double[] per = new double[i.makespan + 1];
            for (int j = 0; j < p.jobs; j++) {
                double w = utilization[j];
                for (int t = i.starts[j]; t < i.starts[j] + p.duration[j]; t++) {
                    per[t] += w;
                }
            }
            double[] sum = new double[i.makespan + 1];
            for (int t = 0; t < i.makespan; t++) {
                sum[t + 1] = sum[t] + per[t];
            }
            i.load = sum;
        }
        return i.load;
    }

    private Individual evaluate(int[] order) {
        int[] starts = new int[p.jobs];
        sgs.forward(order, starts);
        int m = sgs.justify(order, starts);
        long penalty = p.weightedDelay(starts, earliest);
        long forced = sgs.forced;
        Individual i = new Individual(order, starts, m, forced, penalty);
        if (best == null || i.compareTo(best) < 0) {
            best = i;
        }
        return i;
    }

    Result run() {
        cpuStart = cpu.getCurrentThreadCpuTime();
        int[] lft = RcpspSolver.latestFinish(p);
        List<Individual> population = firstPopulation(lft);
        int stagnant = 0;
        Individual lastBest = best;
        while (!done()) {
            if (best != lastBest) {
                lastBest = best;
                stagnant = 0;
            } else if (++stagnant > STAGNATION) {
                population = restart(population, lft);
                stagnant = 0;
                continue;
            }
            population = select(population, children(population));
        }
        return new Result(best.starts, best.makespan, sgs.generated, cpu.getCurrentThreadCpuTime() - cpuStart, lowerBound, best.forced,
                best.penalty);
    }

    /**
     * The priority rule's list (and, with priorities, MS Project's order), then biased samples around it until
     * the population is full; with a CPU budget the first members' rate sets its size.
     */
    private List<Individual> firstPopulation(int[] lft) {
        List<Individual> population = new ArrayList<>();
        population.add(evaluate(RcpspSolver.listByPriority(p, lft, null, 0)));
        if (p.weight != null) {
            // MS Project's way with priorities: the higher first, then by latest finish
            int[] key = new int[p.jobs];
            int spread = p.horizon + 1;
            int top = Arrays.stream(p.weight).max().orElse(0);
            for (int j = 0; j < p.jobs; j++) {
                key[j] = (int) Math.min(Integer.MAX_VALUE, (long) (top - p.weight[j]) * spread + lft[j]);
            }
            population.add(evaluate(RcpspSolver.listByPriority(p, key, null, 0)));
        }
        size = scheduleBudget == Long.MAX_VALUE ? LARGEST : sizeFor(scheduleBudget);
        boolean probing = cpuBudget != Long.MAX_VALUE;
        long probeNanos = 0;
        long probeSchedules = 0;
        while (population.size() < size && !done()) {
            int[] list = RcpspSolver.listByPriority(p, lft, random, 1.0 + random.nextDouble() * 2);
            // how fast schedules are made (timed without the sampling of these lists, which costs more than a
            // child does): the CPU budget then says how many it allows; a cold JVM underestimates, and gets a
            // smaller population
            long before = probing ? cpu.getCurrentThreadCpuTime() : 0;
            long generated = sgs.generated;
            population.add(evaluate(list));
            if (probing) {
                probeNanos += cpu.getCurrentThreadCpuTime() - before;
                probeSchedules += sgs.generated - generated;
                if (population.size() >= PROBE) {
                    probing = false;
                    size = Math.min(size, sizeFor((long) ((double) cpuBudget / Math.max(1, probeNanos) * probeSchedules)));
                }
            }
        }
        return population;
    }

    /** One generation's children: pairs of mates crossed (or, with peaks, combined at their resource peaks) and mutated. */
    private List<Individual> children(List<Individual> population) {
        List<Individual> children = new ArrayList<>(size);
        int[] mates = shuffled(population.size());
        for (int i = 0; i + 1 < mates.length && !done(); i += 2) {
            Individual mother = population.get(mates[i]);
            Individual father = population.get(mates[i + 1]);
            if (peaks && random.nextBoolean()) {
                children.add(evaluate(mutate(peak(mother, father))));
                if (!done()) {
                    children.add(evaluate(mutate(peak(father, mother))));
                }
                continue;
            }
            int n = p.jobs;
            int q1 = random.nextInt(n);
            int q2 = q1 + random.nextInt(n - q1 + 1);
            children.add(evaluate(mutate(cross(mother.order, father.order, q1, q2))));
            if (!done()) {
                children.add(evaluate(mutate(cross(father.order, mother.order, q1, q2))));
            }
        }
        return children;
    }

    /** A new population: the best kept, half of the rest fresh samples, half heavily mutated copies of the best. */
    private List<Individual> restart(List<Individual> population, int[] lft) {
        List<Individual> next = new ArrayList<>(size);
        next.add(population.get(0));
        while (next.size() < size && !done()) {
            if (next.size() % 2 == 0) {
                next.add(evaluate(RcpspSolver.listByPriority(p, lft, random, 0.5 + random.nextDouble() * 3)));
            } else {
                int[] order = population.get(0).order.clone();
                for (int k = 0; k < 4; k++) {
                    mutate(order, 0.2);
                }
                next.add(evaluate(order));
            }
        }
        next.sort(Individual::compareTo);
        return next;
    }

    private int[] shuffled(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[k];
            a[k] = t;
        }
        return a;
    }

    /**
     * A time-window crossover (after Valls et al.'s peak crossover): the jobs the mother starts in a
     * window of her schedule keep her order there, as a block; the jobs before and after the window
     * come in the father's order. Without negative lags each part is closed under predecessors, so
     * the list keeps precedences.
     */
    private int[] peak(Individual mother, Individual father) {
        int n = p.jobs;
        int m = mother.makespan;
        int length = 1 + random.nextInt(Math.max(1, m / 2));
        int t1 = 0;
        if (random.nextDouble() < 0.3) {
            t1 = random.nextInt(Math.max(1, m - length + 1));
        } else {
            // the peak: the window where the mother uses her resources most
            double[] load = load(mother);
            double best = -1;
            for (int t = 0; t + length <= m; t++) {
                double l = load[t + length] - load[t];
                if (l > best) {
                    best = l;
                    t1 = t;
                }
            }
        }
        int t2 = t1 + length;
        int[] child = new int[n];
        int k = 0;
        int[] s = mother.starts;
        for (int j : father.order) {
            if (s[j] < t1) {
                child[k++] = j;
            }
        }
        for (int j : mother.order) {
            if (s[j] >= t1 && s[j] < t2) {
                child[k++] = j;
            }
        }
        for (int j : father.order) {
            if (s[j] >= t2) {
                child[k++] = j;
            }
        }
        return child;
    }

    /** Hartmann's two-point crossover: the mother's first q1 jobs, then the father's next ones up to q2, then the mother's rest, each in its parent's order. */
    private int[] cross(int[] mother, int[] father, int q1, int q2) {
        int n = mother.length;
        int[] child = new int[n];
        boolean[] taken = new boolean[n];
        int k = 0;
        for (int i = 0; i < q1; i++) {
            child[k++] = mother[i];
            taken[mother[i]] = true;
        }
        for (int i = 0; i < n && k < q2; i++) {
            if (!taken[father[i]]) {
                child[k++] = father[i];
                taken[father[i]] = true;
            }
        }
        for (int i = 0; i < n && k < n; i++) {
            if (!taken[mother[i]]) {
                child[k++] = mother[i];
                taken[mother[i]] = true;
            }
        }
        return child;
    }

    private int[] mutate(int[] order) {
        return mutate(order, MUTATION);
    }

    /** Swaps neighbours with a probability, where neither must precede the other. */
    private int[] mutate(int[] order, double probability) {
        int n = order.length;
        for (int i = 0; i + 1 < n; i++) {
            if (random.nextDouble() < probability && !precedes[order[i] * n + order[i + 1]]) {
                int t = order[i];
                order[i] = order[i + 1];
                order[i + 1] = t;
            }
        }
        return order;
    }

    /**
     * The best of parents and children, one of each schedule length and list (duplicates crowd out the
     * search). Of equally good ones the children come first: a population on a plateau of equal
     * makespans then drifts across it instead of standing still (0.4 points on j120).
     */
    private List<Individual> select(List<Individual> parents, List<Individual> children) {
        List<Individual> all = new ArrayList<>(parents.size() + children.size());
        all.addAll(children);
        all.addAll(parents);
        all.sort(Individual::compareTo);
        List<Individual> next = new ArrayList<>(size);
        Set<Integer> seen = new HashSet<>();
        for (Individual i : all) {
            if (next.size() == size) {
                break;
            }
            if (seen.add(i.key)) {
                next.add(i);
            }
        }
        for (Individual i : all) {
            if (next.size() == size) {
                break;
            }
            if (!next.contains(i)) {
                next.add(i);
            }
        }
        return next;
    }
}
