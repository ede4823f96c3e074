package io.planwright.core.risk;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.CostEstimate;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.LeafNetwork;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.TaskProgress;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan compiled for simulation: the tasks that do the work (summaries stand for the tasks under
 * them) in an order where every link points forward, their durations as three-point distributions in
 * working minutes of the plan's calendar, links of all four types with lags, leads and percentage lags
 * as least distances between starts, date constraints and actual dates, costs that grow with the
 * duration, and the risk register's open risks. Built once from the plan and its deterministic
 * schedule; the same passes on the planned durations give the deterministic schedule back (tested).
 *
 * <p>Plans on one calendar without elapsed time, actual dates or tasks as late as possible (the scheduler
 * computes these on working-minute ordinals too) are simulated by forward and backward passes here;
 * every other plan by the scheduler of core itself in each iteration.
 */
public final class SimulationModel {

    static final byte FIXED = 0;
    static final byte TRIANGULAR = 1;
    static final byte PERT = 2;

    final Plan plan;
    final PlanSchedule schedule;
    final WorkingTime time;
    /** The working-minute ordinal of the project start: every time below counts from it. */
    final long origin;
    final int minutesPerDay;

    final int n;
    final String[] ids;
    final boolean[] milestone;
    /** The duration in the deterministic schedule, in working minutes. */
    final double[] planned;
    final byte[] kind;
    final double[] lo;
    final double[] mode;
    final double[] hi;
    final double[][] table;
    /** Uncertain tasks (not fixed): their numbers, for sensitivity. */
    int[] uncertain;

    final int[] predOffset;
    int[] linkPred;
    /**
     * Each link as four floats at {@code 4k}: a link asks start(succ) >= max(start(pred) + a * d(pred) + lag -
     * b * d(succ), floor), where a is 1 from the predecessor's finish (0 from its start) plus a percentage lag,
     * b is 1 to the successor's finish, and floor is 0 for finish-to-finish links (the scheduler never lets
     * those start a task before the project; MS Project neither) and minus infinity otherwise.
     */
    float[] linkData;
    /** Tasks that need more than their links: a fixed start or a date constraint. */
    boolean[] special;
    /** Earliest start (start no earlier than, and the project start), or 0. */
    final double[] release;
    /** Earliest finish (finish no earlier than), or negative infinity. */
    final double[] releaseFinish;
    /** Latest start (start no later than) and latest finish (finish no later than): constraints win over links, as in the scheduler. */
    final double[] latestStart;
    final double[] latestFinish;
    /** A start that does not move (actual start, manually scheduled, must start or finish on), or NaN. */
    final double[] fixedStart;
    /**
     * Whether each iteration runs on the scheduler of core ({@link #network} with the sampled durations):
     * for plans that need more than working-minute arithmetic on one calendar (several calendars, elapsed
     * time, actual or manual dates, tasks as late as possible). Otherwise the passes run here, on the same
     * arithmetic the scheduler uses for such plans, without building a schedule.
     */
    boolean exact;
    io.planwright.core.schedule.ScheduleNetwork network;
    io.planwright.core.schedule.TopologicalOrder order;
    /** Each task's number in {@link #network}. */
    int[] netIndex;

    final double[] costFixed;
    final double[] costPerMinute;

    /** The risks the simulation draws: open ones, and occurred ones for certain. */
    RiskEvent[] risks;

    /** Milestones: task numbers. */
    int[] milestones;
    /** Deadlines: their names, the tasks whose finish they bound, and the bound (working minutes from the origin, as a finish). */
    String[] deadlineIds;
    int[][] deadlineTasks;
    double[] deadline;
    final List<String> notes;

    private SimulationModel(Plan plan, PlanSchedule schedule, WorkingTime time, long origin, int n) {
        this.plan = plan;
        this.schedule = schedule;
        this.time = time;
        this.origin = origin;
        this.minutesPerDay = plan.workTime().minutesPerDay();
        this.n = n;
        this.ids = new String[n];
        this.milestone = new boolean[n];
        this.planned = new double[n];
        this.kind = new byte[n];
        this.lo = new double[n];
        this.mode = new double[n];
        this.hi = new double[n];
        this.table = new double[n][];
        this.release = new double[n];
        this.releaseFinish = new double[n];
        this.latestStart = new double[n];
        this.latestFinish = new double[n];
        this.special = new boolean[n];
        this.fixedStart = new double[n];
        this.costFixed = new double[n];
        this.costPerMinute = new double[n];
        this.predOffset = new int[n + 1];
        this.notes = new ArrayList<>();
    }

    /**
     * A risk as drawn: the probability it occurs; its delay (three-point, {@code kind} FIXED for its most
     * likely value, {@code table} for PERT) added to its tasks' durations; its cost impact (triangular).
     */
    record RiskEvent(String id, double probability, byte kind, double lo, double mode, double hi, double[] table, double costLo, double costMode,
                     double costHi, int[] tasks) {
    }

    /** Per uncertain task (dense, for the sampling loop): its PERT table (or null), cost per minute, and its mean and spread. */
    double[][] uTable;
    double[] uCost;
    double[] uMean;
    double[] uSd;
    /** Per uncertain task, packed for the sampling loop: {lo, hi, mode position (0 to 1), planned duration} at {@code 4v}. */
    double[] uPack;
    /** Whether any uncertain task's cost grows with its duration, and whether any is PERT. */
    boolean uCosts;
    boolean uPert;

    /** The cost at planned durations, without risks, and the finish then (working minutes from the origin). */
    double plannedCost;
    double plannedFinish;

    private void dense() {
        int u = uncertain.length;
        uPack = new double[4 * u];
        uTable = new double[u][];
        uCost = new double[u];
        uMean = new double[u];
        uSd = new double[u];
        for (int v = 0; v < u; v++) {
            int j = uncertain[v];
            double a = lo[j];
            double b = hi[j];
            double c = mode[j];
            uPack[4 * v] = a;
            uPack[4 * v + 1] = b;
            uPack[4 * v + 2] = (c - a) / (b - a);
            uPack[4 * v + 3] = planned[j];
            uTable[v] = table[j];
            uCost[v] = costPerMinute[j];
            uCosts |= uCost[v] != 0;
            uPert |= uTable[v] != null;
            if (table[j] == null) {
                uMean[v] = (a + b + c) / 3;
                uSd[v] = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
            } else {
                // the table's own moments (its quantiles are equally likely)
                double[] q = table[j];
                double sum = 0;
                double sq = 0;
                int count = q.length - 1;
                for (int i = 0; i < count; i++) {
                    double x = a + (b - a) * (q[i] + q[i + 1]) / 2;
                    sum += x;
                    sq += x * x;
                }
                uMean[v] = sum / count;
                uSd[v] = Math.sqrt(Math.max(0, sq / count - uMean[v] * uMean[v]));
            }
        }
        double cost = 0;
        for (int j = 0; j < n; j++) {
            cost += costFixed[j] + costPerMinute[j] * planned[j];
        }
        plannedCost = cost;
    }

    /** Where the simulation simplifies this plan, in words (empty when it does not). */
    public List<String> notes() {
        return java.util.Collections.unmodifiableList(notes);
    }

    /** Whether each iteration runs the scheduler of core (see {@link #exact}), rather than the passes on working minutes. */
    public boolean runsScheduler() {
        return exact;
    }

    /** Links between tasks that do work. */
    public int linkCount() {
        return linkPred.length;
    }

    /**
     * For comparison in the benchmark: one iteration done the plain way (a new array, each uncertain task
     * drawn with {@code random.nextDouble()} and the triangular inverse, then the forward pass); answers
     * the finish.
     */
    public double naiveIteration(java.util.SplittableRandom random) {
        double[] d = planned.clone();
        for (int j = 0; j < n; j++) {
            if (kind[j] != FIXED) {
                d[j] = ThreePoint.triangular(lo[j], mode[j], hi[j], random.nextDouble());
            }
        }
        return MonteCarlo.forward(this, d, new double[n]);
    }

    /** The tasks that do work, in simulation order. */
    public int taskCount() {
        return n;
    }

    public PlanSchedule schedule() {
        return schedule;
    }

    /** The plan compiled; the plan must be valid (its check without errors). */
    public static SimulationModel of(Plan plan) {
        Compilation c = new Compilation(plan);
        c.tasks();
        c.links();
        c.risks();
        c.deadlines();
        c.notes();
        return c.done();
    }

    /** The translation of a plan into the model, step by step; its fields are what the steps share. */
    private static final class Compilation {
        private final Plan plan;
        private PlanSchedule schedule;
        private WorkingTime time;
        private Map<String, ScheduledTask> rows;
        private LeafNetwork network;
        private Map<String, Task> byId;
        private Map<String, List<String>> children;
        private List<String> leaves;
        private long origin;
        private Map<String, Integer> leafIndex;
        private List<int[]> edges;
        private List<Link> edgeLinks;
        private int[] order;
        private boolean[] hasPredecessor;
        private int n;
        private int[] position;
        private SimulationModel m;
        private Distribution fallback;
        private final List<Integer> uncertain = new ArrayList<>();
        private final List<RiskEvent> risks = new ArrayList<>();
        private final List<Integer> ms = new ArrayList<>();
        private final List<String> deadlineIds = new ArrayList<>();
        private final List<int[]> deadlineTasks = new ArrayList<>();
        private final List<Double> deadlines = new ArrayList<>();

        /** The tasks that do the work, in an order where every link points forward, on the plan's calendar. */
        Compilation(Plan plan) {
            this.plan = plan;
            schedule = PlanScheduler.schedule(plan);
            time = PlanCalendars.planCalendar(plan);
            rows = new HashMap<>();
            schedule.tasks().forEach(t -> rows.put(t.id(), t));
            network = LeafNetwork.of(plan, rows::containsKey);
            byId = network.tasks();
            children = network.children();
            leaves = network.leaves();
            // the project start: tasks without predecessors start there; leads may start others before it
            LocalDateTime projectStart = plan.scheduleFrom() != ScheduleFrom.FINISH && plan.start() != null ? plan.start() : schedule.start();
            origin = projectStart == null ? 0 : time.ordinal(WorkingTime.minutes(projectStart));
            // links between leaves, as [pred leaf, succ leaf, link]
            leafIndex = new HashMap<>();
            for (int i = 0; i < leaves.size(); i++) {
                leafIndex.put(leaves.get(i), i);
            }
            edges = new ArrayList<>();
            edgeLinks = new ArrayList<>();
            for (LeafNetwork.LeafLink link : network.links()) {
                edges.add(new int[] {link.predecessor(), link.successor(), edgeLinks.size()});
                edgeLinks.add(link.link());
            }
            order = network.order("simulating");
            hasPredecessor = network.hasPredecessor();
            n = leaves.size();
            position = new int[n];
            for (int i = 0; i < n; i++) {
                position[order[i]] = i;
            }
            m = new SimulationModel(plan, schedule, time, origin, n);
            fallback = plan.defaultDistribution() == null ? Distribution.TRIANGULAR : plan.defaultDistribution();
        }

        /** Each task: how it may move (release dates, fixed starts, latest dates), its duration's distribution, its cost. */
        void tasks() {
            Map<String, Double> costs = Costs.taskCosts(plan, schedule);
            io.planwright.core.schedule.PlanCompiler.Compiled compiled = io.planwright.core.schedule.PlanCompiler.compile(plan);
            m.network = compiled.network();
            m.exact = !io.planwright.core.schedule.CriticalPathScheduler.onWorkingMinutes(m.network);
            m.order = io.planwright.core.schedule.TopologicalOrder.of(m.network);
            m.netIndex = new int[n];
            Map<String, Integer> netIndex = new HashMap<>();
            for (int i = 0; i < m.network.taskCount(); i++) {
                netIndex.put(m.network.id(i), i);
            }
            for (int i = 0; i < n; i++) {
                String id = leaves.get(order[i]);
                Task t = byId.get(id);
                ScheduledTask row = rows.get(id);
                m.ids[i] = id;
                m.netIndex[i] = netIndex.get(id);
                dates(i, t, row);
                duration(i, t);
                cost(i, t, row, costs.getOrDefault(id, 0.0));
            }
        }

        /** How a task may move: release dates (its own and its summaries'), a fixed start, latest dates. */
        private void dates(int i, Task t, ScheduledTask row) {
            m.milestone[i] = row.type() == ScheduledTask.Kind.MILESTONE;
            m.planned[i] = row.durationMinutes();
            m.releaseFinish[i] = Double.NEGATIVE_INFINITY;
            m.latestStart[i] = Double.POSITIVE_INFINITY;
            m.latestFinish[i] = Double.POSITIVE_INFINITY;
            m.special[i] = t.actualStart() != null || t.manual() || t.actualFinish() != null
                    || t.constraint() != null && t.constraint().date() != null && t.constraintType() != ConstraintType.SNET;
            boolean ownRelease = t.constraint() != null && t.constraint().date() != null
                    && (t.constraintType() == ConstraintType.SNET || t.constraintType() == ConstraintType.FNET);
            m.release[i] = hasPredecessor[order[i]] || ownRelease ? Double.NEGATIVE_INFINITY : 0;
            // a summary task's start no earlier than holds back every task under it
            for (Task a = t.parentId() == null ? null : byId.get(t.parentId()); a != null; a = a.parentId() == null ? null : byId.get(a.parentId())) {
                if (a.constraintType() == ConstraintType.SNET && a.constraint().date() != null) {
                    m.release[i] = Math.max(m.release[i], time.ordinal(WorkingTime.minutes(a.constraint().date())) - origin);
                }
            }
            m.fixedStart[i] = Double.NaN;
            boolean done = t.actualFinish() != null;
            if (t.actualStart() != null || t.manual() || done
                    || t.constraint() != null && (t.constraintType() == ConstraintType.MSO || t.constraintType() == ConstraintType.MFO)) {
                m.fixedStart[i] = ordinal(time, row.start()) - origin;
            } else if (t.constraintType() == ConstraintType.ALAP) {
                m.exact = true;
            } else if (t.constraint() != null && t.constraint().date() != null) {
                double at = time.ordinal(WorkingTime.minutes(t.constraint().date())) - origin;
                switch (t.constraintType()) {
                    case SNET -> m.release[i] = Math.max(m.release[i], at);
                    case FNET -> m.releaseFinish[i] = at;
                    case SNLT -> m.latestStart[i] = at;
                    case FNLT -> m.latestFinish[i] = at;
                    default -> {
                    }
                }
            }
        }

        /** A task's duration: its three-point estimate's distribution, or fixed. */
        private void duration(int i, Task t) {
            boolean done = t.actualFinish() != null;
            Estimate e = t.estimate();
            if (e != null && !done && !m.milestone[i]) {
                double o = e.optimistic().minutes(plan.workTime());
                double ml = e.mostLikely().minutes(plan.workTime());
                double p = e.pessimistic().minutes(plan.workTime());
                Distribution dist = e.distribution() == null ? fallback : e.distribution();
                if (TaskProgress.inProgress(t) && ml > 0) {
                    // from the status date: the part done is fixed, the part left as uncertain as the estimate
                    long d = Math.round(ml);
                    double past = TaskProgress.doneMinutes(t, d, plan.workTime());
                    double left = TaskProgress.remainingMinutes(t, d, plan.workTime());
                    o = past + left * o / ml;
                    p = past + left * p / ml;
                    ml = past + left;
                }
                m.lo[i] = o;
                m.mode[i] = ml;
                m.hi[i] = p;
                if (p > o) {
                    m.kind[i] = dist == Distribution.PERT ? PERT : TRIANGULAR;
                    m.table[i] = dist == Distribution.PERT ? ThreePoint.pertTable(ThreePoint.pertShape(o, ml, p)) : null;
                    uncertain.add(i);
                } else {
                    m.kind[i] = FIXED;
                    m.planned[i] = ml;
                }
            } else {
                m.kind[i] = FIXED;
            }
        }

        /** A task's cost: what does not depend on the duration, and what grows with it. */
        private void cost(int i, Task t, ScheduledTask row, double total) {
            double perMinute = Costs.costPerWorkingMinute(plan, t);
            double variable = perMinute * row.durationMinutes();
            m.costPerMinute[i] = perMinute;
            m.costFixed[i] = total - variable;
        }

        /** The links by successor, in the model's numbering, with their types and lags. */
        void links() {
            // links by successor, in simulation numbering
            List<List<int[]>> bySucc = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                bySucc.add(new ArrayList<>());
            }
            for (int[] e : edges) {
                bySucc.get(position[e[1]]).add(e);
            }
            int links = edges.size();
            int[] linkPred = new int[links];
            float[] linkData = new float[4 * links];
            int k = 0;
            for (int s = 0; s < n; s++) {
                m.predOffset[s] = k;
                for (int[] e : bySucc.get(s)) {
                    Link l = edgeLinks.get(e[2]);
                    linkPred[k] = position[e[0]];
                    LinkType type = l.type() == null ? LinkType.FS : l.type();
                    boolean finishSide = type == LinkType.FS || type == LinkType.FF;
                    double a = finishSide ? 1 : 0;
                    double lag = 0;
                    if (l.lag() != null && l.lag().isPercent()) {
                        a += l.lag().amount() / 100.0;
                    } else if (l.lag() != null) {
                        lag = l.lag().minutes(plan.workTime());
                    }
                    linkData[4 * k] = (float) a;
                    linkData[4 * k + 1] = type == LinkType.FF || type == LinkType.SF ? 1 : 0;
                    linkData[4 * k + 2] = (float) lag;
                    linkData[4 * k + 3] = type == LinkType.FF ? 0 : Float.NEGATIVE_INFINITY;
                    k++;
                }
            }
            m.predOffset[n] = k;

            m.linkPred = linkPred;
            m.linkData = linkData;
        }

        /** The register's risks: open ones with their probability, occurred ones for certain, closed ones not at all. */
        void risks() {
            // risks: open ones with their probability, occurred ones for certain, closed ones not at all

            for (Risk r : plan.risks()) {
                double probability = r.effectiveProbability();
                if (probability <= 0 && r.status() == RiskStatus.CLOSED) {
                    continue;
                }
                Estimate si = r.scheduleImpact();
                double lo = 0;
                double md = 0;
                double hi = 0;
                byte kind = FIXED;
                if (si != null) {
                    lo = si.optimistic().minutes(plan.workTime());
                    md = si.mostLikely().minutes(plan.workTime());
                    hi = si.pessimistic().minutes(plan.workTime());
                    Distribution dist = si.distribution() == null ? fallback : si.distribution();
                    kind = hi > lo ? (dist == Distribution.PERT ? PERT : TRIANGULAR) : FIXED;
                }
                CostEstimate ci = r.costImpact();
                List<Integer> hit = new ArrayList<>();
                for (String taskId : r.taskIds()) {
                    for (String leaf : firstLeaves(taskId, network, rows)) {
                        Integer idx = leafIndex.get(leaf);
                        if (idx != null && !hit.contains(position[idx])) {
                            hit.add(position[idx]);
                        }
                    }
                }
                risks.add(new RiskEvent(r.id(), probability, kind, lo, md, hi, kind == PERT ? ThreePoint.pertTable(ThreePoint.pertShape(lo, md, hi)) : null,
                        ci == null ? 0 : ci.optimistic().doubleValue(), ci == null ? 0 : ci.mostLikely().doubleValue(),
                        ci == null ? 0 : ci.pessimistic().doubleValue(), hit.stream().mapToInt(Integer::intValue).toArray()));
            }
        }

        /** Milestones, and deadlines: of tasks (a summary's is its tasks' finish), and the plan's target finish. */
        void deadlines() {
            for (int i = 0; i < n; i++) {
                if (m.milestone[i]) {
                    ms.add(i);
                }
            }
            // deadlines: of tasks (a summary's is its tasks' finish), and the plan's target finish
            for (Task t : plan.tasks()) {
                if (t.deadline() == null || !rows.containsKey(t.id())) {
                    continue;
                }
                int[] under = network.leavesUnder(t.id()).stream().filter(leafIndex::containsKey).mapToInt(id -> position[leafIndex.get(id)]).toArray();
                if (under.length > 0) {
                    deadlineIds.add(t.id());
                    deadlineTasks.add(under);
                    deadlines.add((double) (ordinal(time, t.deadline()) - origin));
                }
            }
            if (plan.scheduleFrom() != ScheduleFrom.FINISH && plan.finish() != null) {
                deadlineIds.add(PROJECT);
                deadlineTasks.add(null);
                deadlines.add((double) (ordinal(time, plan.finish()) - origin));
            }
        }

        /** What the plan gives the simulation that it cannot use, said rather than ignored. */
        void notes() {
            // what the plan gives the simulation that it cannot use, said rather than ignored
            List<String> summaryEstimates = new ArrayList<>();
            for (Task t : plan.tasks()) {
                if (t.estimate() != null && children.containsKey(t.id())) {
                    summaryEstimates.add(t.id());
                }
            }
            if (!summaryEstimates.isEmpty()) {
                m.notes.add("the estimates of summary tasks " + String.join(", ", summaryEstimates)
                        + " are not used: the simulation draws the durations of the tasks under them");
            }
            List<String> unlinked = new ArrayList<>();
            boolean anyDelay = false;
            for (RiskEvent row : risks) {
                if (row.hi > 0 && row.probability > 0) {
                    if (row.tasks.length == 0) {
                        unlinked.add(row.id);
                    } else {
                        anyDelay = true;
                    }
                }
            }
            if (!unlinked.isEmpty()) {
                m.notes.add("risks " + String.join(", ", unlinked) + " have a schedule impact but no tasks: they change only the cost");
            }
            if (uncertain.size() == 0 && !anyDelay) {
                m.notes.add("no task has a three-point estimate and no risk delays a task: every iteration gives the same dates");
            }
        }

        SimulationModel done() {
            m.uncertain = uncertain.stream().mapToInt(Integer::intValue).toArray();
            m.risks = risks.toArray(RiskEvent[]::new);
            m.dense();
            m.plannedFinish = finishOf(m);
            m.milestones = ms.stream().mapToInt(Integer::intValue).toArray();
            m.deadlineIds = deadlineIds.toArray(String[]::new);
            m.deadlineTasks = deadlineTasks.toArray(int[][]::new);
            m.deadline = deadlines.stream().mapToDouble(Double::doubleValue).toArray();
            return m;
        }
    }

    /** The key of the plan's own target finish among the deadlines. */
    public static final String PROJECT = "(project finish)";

    /** A date as a working-minute ordinal of the calendar, counted as a finish (the end of the working time before it). */
    private static long ordinal(WorkingTime time, LocalDateTime at) {
        return time.ordinal(WorkingTime.minutes(at));
    }

    /** Working minutes from the origin as a date: a finish at the end of the working time it completes. */
    LocalDateTime finishDate(double minutes) {
        long w = origin + (long) Math.ceil(minutes - 1e-9);
        return WorkingTime.dateTime(w <= origin ? time.startOf(origin) : time.finishOf(w));
    }

    /**
     * The deterministic pass of the simulation: every task at its planned duration, no risk. Answers each
     * task's early start and finish in working minutes from the origin, by task id.
     */
    public Map<String, double[]> deterministic() {
        double[] es = new double[n];
        double[] ef = new double[n];
        if (exact) {
            onScheduler(network.durations(), es, ef, null);
        } else {
            MonteCarlo.forward(this, planned, es);
            for (int i = 0; i < n; i++) {
                ef[i] = es[i] + planned[i];
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(ids[i], new double[] {es[i], ef[i]});
        }
        return out;
    }

    /**
     * One pass of the scheduler of core with these durations (per task of {@link #network}): each task's
     * start and finish into {@code es} and {@code ef} (working minutes from the origin), a count for each
     * critical task into {@code critical} (when given); answers the project finish.
     */
    double onScheduler(long[] durations, double[] es, double[] ef, int[] critical) {
        io.planwright.core.schedule.Schedule s = io.planwright.core.schedule.CriticalPathScheduler.schedule(network.withDurations(durations), order);
        for (int j = 0; j < n; j++) {
            int i = netIndex[j];
            es[j] = time.ordinal(s.start(i)) - origin;
            ef[j] = time.ordinal(s.finish(i)) - origin;
            if (critical != null && s.isCritical(i)) {
                critical[j]++;
            }
        }
        return time.ordinal(s.projectFinish()) - origin;
    }

    /** The finish of the deterministic pass, in working minutes from the origin. */
    static double finishOf(SimulationModel m) {
        if (m.exact) {
            return m.time.ordinal(WorkingTime.minutes(m.schedule.finish())) - m.origin;
        }
        return MonteCarlo.forward(m, m.planned.clone(), new double[m.n]);
    }

    /** A date as working minutes from the origin on the plan's calendar (times outside working time count as the next working minute). */
    public double minutesOf(LocalDateTime at) {
        return time.ordinal(WorkingTime.minutes(at)) - origin;
    }

    /** A time in working minutes from the origin as a date, a start ({@code finish == false}) or a finish. */
    public LocalDateTime date(double minutes, boolean finish) {
        if (finish) {
            return finishDate(minutes);
        }
        return WorkingTime.dateTime(time.startOf(origin + (long) Math.floor(minutes + 1e-9)));
    }

    /** The leaves of a task that start first (a risk on a phase delays the phase's start), or the task itself. */
    private static List<String> firstLeaves(String id, LeafNetwork network, Map<String, ScheduledTask> rows) {
        List<String> all = network.leavesUnder(id);
        if (all.size() <= 1) {
            return all;
        }
        LocalDateTime first = null;
        for (String l : all) {
            ScheduledTask r = rows.get(l);
            if (r != null && (first == null || r.start().isBefore(first))) {
                first = r.start();
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : all) {
            ScheduledTask r = rows.get(l);
            if (r != null && r.start().equals(first)) {
                out.add(l);
            }
        }
        return out;
    }
}
