package io.planwright.core.level;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.schedule.LeafNetwork;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.TopologicalOrder;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource leveling of a plan: the tasks that do work are delayed, never shortened, until no work
 * resource is asked for more than its maximum units at any time, keeping the project as short as the
 * solver finds it. Links of all four types with their lags and leads, and date constraints (start no
 * earlier than, must start on, and actual starts), are kept; time runs in working hours of the plan's
 * calendar. The delays come back as start-no-earlier-than constraints on the delayed tasks, so that
 * the plan's own scheduler gives the levelled dates, float and critical path with every calendar.
 *
 * <p>Simplifications, said where they show: one calendar for the search (the plan's; a task on a
 * calendar of its own, or whose people work on theirs, counts as long as it lasts in the plan's working
 * time where the schedule first put it, at least its duration; the final scheduling uses every calendar
 * and what is left over-allocated is listed), durations rounded up to whole working hours, elapsed
 * durations and lags as the plan's working time they span where the schedule first put them, a
 * resource's maximum units constant over time.
 */
public final class PlanLeveler {

    /** What leveling did: the plan with the delays as constraints, the schedules before and after, and each task's delay in working minutes. */
    public record Result(Plan levelled, PlanSchedule before, PlanSchedule after, Map<String, Long> delayMinutes, int periodsBefore,
                         int periodsAfter, long schedules, long cpuNanos, List<Overallocations.Overallocation> overallocatedBefore,
                         List<Overallocations.Overallocation> remaining, java.util.Set<String> held) {

        /** Whether an over-allocation left is one leveling had to leave: every task in it is held where it is (fixed, or a date it must not pass). */
        public boolean unavoidable(Overallocations.Overallocation o) {
            return held.containsAll(o.taskIds());
        }
    }

    /** A task that can never be scheduled as leveling needs it: it asks a resource for more than the resource has. */
    public static final class Unschedulable extends IllegalArgumentException {
        public Unschedulable(String message) {
            super(message);
        }
    }

    private PlanLeveler() {
    }

    public static Result level(Plan plan, RcpspSolver.Options options) {
        return level(plan, options, false);
    }

    /**
     * With {@code withinFloat}, no task is delayed past its late start (as MS Project's "level only
     * within available slack"): the finish does not move, and what does not fit stays over-allocated.
     */
    public static Result level(Plan plan, RcpspSolver.Options options, boolean withinFloat) {
        // a plan scheduled from its finish is levelled with time running backwards from the finish: tasks move earlier
        boolean mirror = plan.scheduleFrom() == io.planwright.core.model.ScheduleFrom.FINISH;
        PlanSchedule before = PlanScheduler.schedule(plan);
        if (before.tasks().isEmpty() || before.start() == null || before.finish() == null) {
            return new Result(plan, before, before, Map.of(), 0, 0, 0, 0, List.of(), List.of(), java.util.Set.of());
        }
        Search search = new Search(plan, before, mirror);
        Rcpsp problem = search.problem(withinFloat);
        int[] unlevelled = problem.earliestStarts();
        RcpspSolver.Result solved = RcpspSolver.solve(problem, options);
        Plan levelled = search.withHolds(search.levelledDates(solved.starts()));
        PlanSchedule after = PlanScheduler.schedule(levelled);
        Map<String, Long> delay = search.delays(after);
        return new Result(levelled, before, after, delay, problem.makespan(unlevelled), solved.makespan(), solved.schedules(), solved.cpuNanos(),
                Overallocations.of(plan, before), Overallocations.of(levelled, after), search.heldIds());
    }

    /**
     * One leveling's search problem: the plan's tasks that do work as jobs in whole working hours of the
     * plan's calendar, from the project start (or back from the project finish, {@code mirror}).
     */
    private static final class Search {
        private final Plan plan;
        private final boolean mirror;
        private final WorkingTime time;
        private final long origin;
        private final Map<String, ScheduledTask> rows = new HashMap<>();
        private final Map<String, Task> byId;
        private final List<String> leaves;
        private final LeafNetwork network;
        /** Each leaf's job number before renumbering (0 is the project start). */
        private final Map<String, Integer> index = new HashMap<>();
        /** Each leaf's span in the plan's working time, in minutes, and in whole hours. */
        private final Map<String, Long> span = new HashMap<>();
        private final Map<String, Integer> duration = new HashMap<>();
        /** Set by {@link #problem}: each job's number in the renumbered problem, and its duration there. */
        private int[] position;
        private int[] rd;

        Search(Plan plan, PlanSchedule before, boolean mirror) {
            this.plan = plan;
            this.mirror = mirror;
            before.tasks().forEach(t -> rows.put(t.id(), t));
            time = PlanCalendars.planCalendar(plan);
            origin = time.ordinal(WorkingTime.minutes(mirror ? before.finish() : before.start()));
            // the tasks that do the work (not summaries), in an order where every link points forward
            network = LeafNetwork.of(plan, rows::containsKey);
            byId = network.tasks();
            leaves = network.leaves();
            spans();
            for (int i = 0; i < leaves.size(); i++) {
                index.put(leaves.get(i), i + 1); // 0 is the project start
            }
        }

        /** Where a task starts in the search's time (working hours from the project start, or back from the project finish). */
        private int at(ScheduledTask row) {
            return (int) Math.max(0, mirror
                    ? (origin - time.ordinal(WorkingTime.minutes(row.finish()))) / 60
                    : (time.ordinal(WorkingTime.minutes(row.start())) - origin) / 60);
        }

        /** Working hours from the project start to {@code date}, at least 0. */
        private int hoursFromStart(LocalDateTime date) {
            return (int) Math.max(0, (time.ordinal(WorkingTime.minutes(date)) - origin) / 60);
        }

        /**
         * Each task at least as long as it is in the plan's working time where the schedule put it: a task on a calendar of its
         * own, or whose people work on theirs, may take more of the plan's time than its duration (a three-day week); where it
         * takes less (weekend work), its duration counts, so that moved elsewhere it still fits.
         */
        private void spans() {
            for (String id : leaves) {
                ScheduledTask r = rows.get(id);
                long inPlanTime = time.ordinal(WorkingTime.minutes(r.finish())) - time.ordinal(WorkingTime.minutes(r.start()));
                // an elapsed duration (nights and weekends included) is what it spans of the plan's working time
                long minutes = r.type() == ScheduledTask.Kind.MILESTONE ? 0 : r.elapsed() ? Math.max(0, inPlanTime) : Math.max(r.durationMinutes(), inPlanTime);
                span.put(id, minutes);
                duration.put(id, (int) Math.min(Integer.MAX_VALUE / 8, (minutes + 59) / 60));
            }
        }

        /** The problem to solve: links, release dates, reserved and demanded units, renumbered so that every edge points forward. */
        Rcpsp problem(boolean withinFloat) {
            List<int[]> edges = linkEdges();
            addReleaseEdges(edges);
            for (String id : leaves) {
                edges.add(new int[] {0, index.get(id), 0});
            }
            // resources: work resources by their maximum units, in hundredths
            List<Resource> work = plan.resources().stream().filter(r -> r.type() == ResourceType.WORK).toList();
            Map<String, Integer> resourceIndex = new HashMap<>();
            int[] capacity = new int[work.size()];
            for (int r = 0; r < work.size(); r++) {
                resourceIndex.put(work.get(r).id(), r);
                capacity[r] = (int) Math.round(work.get(r).maxUnits() * 100);
            }
            int n = leaves.size() + 2;
            int[][] reserved = reserved(work.size(), resourceIndex);
            int[] d = new int[n];
            int[][] demand = demands(n, work, resourceIndex, capacity, d);
            for (String id : leaves) {
                edges.add(new int[] {index.get(id), n - 1, duration.get(id)});
            }
            Rcpsp problem = renumbered(n, edges, d, demand, capacity, reserved);
            if (withinFloat) {
                problem.withinLatestStarts(latestStarts(n));
            }
            // priorities (0 to 999; 1000 does not move at all): of schedules equally short, the one that delays high priorities least
            int[] weights = new int[n];
            boolean differ = false;
            for (String id : leaves) {
                int priority = byId.get(id).priority();
                weights[position[index.get(id)]] = 1 + Math.max(0, priority);
                differ |= priority != Task.DEFAULT_PRIORITY;
            }
            if (differ) {
                problem.withDelayWeights(weights);
            }
            return problem;
        }

        /** Edges between leaves: least distance between starts, in working hours. */
        private List<int[]> linkEdges() {
            List<int[]> edges = new ArrayList<>();
            for (LeafNetwork.LeafLink link : network.links()) {
                String p = leaves.get(link.predecessor());
                String succ = leaves.get(link.successor());
                int least = lag(plan, time, link.link(), rows.get(p), span.get(p), span.get(succ));
                if (mirror) {
                    // start(succ) >= start(p) + least, with time running backwards: start'(p) >= start'(succ) + least + d(succ) - d(p)
                    edges.add(new int[] {index.get(succ), index.get(p), least + duration.get(succ) - duration.get(p)});
                } else {
                    edges.add(new int[] {index.get(p), index.get(succ), least});
                }
            }
            return edges;
        }

        /** Release dates: date constraints and actual starts hold a task where the plan's scheduler put it. */
        private void addReleaseEdges(List<int[]> edges) {
            for (String id : leaves) {
                Task t = byId.get(id);
                if (mirror) {
                    // backwards, a finish or start no later than a date, and fixed work, hold a task where the scheduler put it
                    boolean pinned = held(t, true) || t.constraint() != null && t.constraint().date() != null
                            && (t.constraintType() == ConstraintType.SNLT || t.constraintType() == ConstraintType.FNLT);
                    if (pinned) {
                        edges.add(new int[] {0, index.get(id), at(rows.get(id))});
                    }
                    continue;
                }
                boolean pinned = held(t, false) || t.constraint() != null && t.constraint().date() != null
                        && (t.constraintType() == ConstraintType.SNET || t.constraintType() == ConstraintType.FNET);
                if (t.constraintType() == ConstraintType.ALAP && !fixed(t)) {
                    // as late as possible: the search starts it no earlier than where the scheduler put it (its late start)
                    edges.add(new int[] {0, index.get(id), hoursFromStart(rows.get(id).start())});
                }
                if (pinned) {
                    edges.add(new int[] {0, index.get(id), hoursFromStart(rows.get(id).earlyStart())});
                }
            }
        }

        /** Work that does not move (started, manually scheduled, must start or finish on a date) takes its units where it is; null for none. */
        private int[][] reserved(int resources, Map<String, Integer> resourceIndex) {
            List<int[]> reservations = new ArrayList<>();
            int reservedUntil = 0;
            for (String id : leaves) {
                Task t = byId.get(id);
                if (!held(t, mirror) || t.actualFinish() != null) {
                    continue;
                }
                int from = at(rows.get(id));
                int to = Math.max(from, from + duration.get(id));
                for (Assignment a : t.assignments()) {
                    Integer r = resourceIndex.get(a.resourceId());
                    if (r != null) {
                        reservations.add(new int[] {from, to, r, (int) Math.round(a.units() * 100)});
                        reservedUntil = Math.max(reservedUntil, to);
                    }
                }
            }
            if (reservations.isEmpty()) {
                return null;
            }
            int[][] reserved = new int[reservedUntil][resources];
            for (int[] x : reservations) {
                for (int tt = x[0]; tt < x[1]; tt++) {
                    reserved[tt][x[2]] += x[3];
                }
            }
            return reserved;
        }

        /** Each job's duration (into {@code d}) and the units it asks of each resource; a task that asks more than a resource has is unschedulable. */
        private int[][] demands(int n, List<Resource> work, Map<String, Integer> resourceIndex, int[] capacity, int[] d) {
            int[][] demand = new int[n][work.size()];
            for (String id : leaves) {
                int j = index.get(id);
                d[j] = duration.get(id);
                if (byId.get(id).actualFinish() != null || held(byId.get(id), mirror)) {
                    continue; // done, or fixed where it is (its units are reserved)
                }
                for (Assignment a : byId.get(id).assignments()) {
                    Integer r = resourceIndex.get(a.resourceId());
                    if (r == null || d[j] == 0) {
                        continue;
                    }
                    int units = (int) Math.round(a.units() * 100);
                    demand[j][r] += units;
                    if (demand[j][r] > capacity[r]) {
                        Resource res = work.get(r);
                        throw new Unschedulable("task '" + id + "' needs " + percent(demand[j][r]) + " of resource '" + res.id() + "', which has "
                                + (capacity[r] == 0 ? "no capacity (maximum units 0)" : "at most " + percent(capacity[r]))
                                + ": it can never be scheduled without over-allocating; lower the assignment's units or raise the resource's maximum units");
                    }
                }
            }
            return demand;
        }

        /** The problem with its jobs renumbered so that every edge points forward (sets {@link #position} and {@link #rd}). */
        private Rcpsp renumbered(int n, List<int[]> edges, int[] d, int[][] demand, int[] capacity, int[][] reserved) {
            int[] order = TopologicalOrder.of(n, edges, "leveling");
            position = new int[n];
            for (int i = 0; i < n; i++) {
                position[order[i]] = i;
            }
            rd = new int[n];
            int[][] rdemand = new int[n][];
            List<List<int[]>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
                rd[position[i]] = d[i];
                rdemand[position[i]] = demand[i];
            }
            for (int[] e : edges) {
                out.get(position[e[0]]).add(new int[] {position[e[1]], e[2]});
            }
            int[][] succ = new int[n][];
            int[][] lags = new int[n][];
            for (int i = 0; i < n; i++) {
                succ[i] = out.get(i).stream().mapToInt(e -> e[0]).toArray();
                lags[i] = out.get(i).stream().mapToInt(e -> e[1]).toArray();
            }
            return new Rcpsp(rd, rdemand, capacity, succ, lags, reserved);
        }

        /** Leveling within float: no job starts after its late start (backwards: moves earlier than its early dates). */
        private int[] latestStarts(int n) {
            int[] latest = new int[n];
            java.util.Arrays.fill(latest, Integer.MAX_VALUE / 4);
            for (String id : leaves) {
                ScheduledTask row = rows.get(id);
                if (!mirror && row.lateStart() != null) {
                    latest[position[index.get(id)]] = hoursFromStart(row.lateStart());
                } else if (mirror && row.earlyFinish() != null) {
                    // backwards, a task may move earlier until its early dates
                    latest[position[index.get(id)]] = (int) Math.max(0, (origin - time.ordinal(WorkingTime.minutes(row.earlyFinish()))) / 60);
                }
            }
            return latest;
        }

        /** Where the search put the tasks it moved: their starts (backwards: their finishes), by task. */
        Map<String, LocalDateTime> levelledDates(int[] starts) {
            Map<String, LocalDateTime> levelledAt = new HashMap<>();
            for (String id : leaves) {
                int j = position[index.get(id)];
                if (mirror) {
                    long w = origin - (long) starts[j] * 60;
                    LocalDateTime finish = WorkingTime.dateTime(time.finishOf(w));
                    if (finish.isBefore(rows.get(id).finish())) {
                        levelledAt.put(id, finish);
                    }
                    continue;
                }
                long w = origin + (long) starts[j] * 60;
                // a milestone sits at the end of the working time before it (Friday 17:00, not Monday 08:00), as the scheduler puts it
                LocalDateTime start = WorkingTime.dateTime(rd[j] == 0 && w > 0 ? time.finishOf(w) : time.startOf(w));
                // every task the search placed later than the plan's scheduler would (also by whole-hour rounding) is held there
                // an as-late-as-possible task is held where the search put it too: left as late as possible, the scheduler would move it
                // later again (its successors moved), onto units the search gave to others
                if (start.isAfter(rows.get(id).start()) || byId.get(id).constraintType() == ConstraintType.ALAP) {
                    levelledAt.put(id, start);
                }
            }
            return levelledAt;
        }

        /** The plan with the moves as start-no-earlier-than constraints (backwards: finish-no-later-than ones). */
        Plan withHolds(Map<String, LocalDateTime> levelledAt) {
            List<Task> tasks = new ArrayList<>(plan.tasks().size());
            ConstraintType hold = mirror ? ConstraintType.FNLT : ConstraintType.SNET;
            for (Task t : plan.tasks()) {
                LocalDateTime date = held(t, mirror) ? null : levelledAt.get(t.id());
                // a constraint of the same kind that already holds the task further stays
                boolean stronger = date != null && t.constraint() != null && t.constraint().date() != null && t.constraintType() == hold
                        && (mirror ? t.constraint().date().isBefore(date) : t.constraint().date().isAfter(date));
                if (date != null && !stronger) {
                    tasks.add(t.toBuilder().constraint(new Constraint(hold, date)).build());
                } else {
                    tasks.add(t);
                }
            }
            return plan.toBuilder().tasks(tasks).build();
        }

        /** How far leveling moved each task, in working minutes: later, or backwards earlier. */
        Map<String, Long> delays(PlanSchedule after) {
            Map<String, Long> delay = new LinkedHashMap<>();
            for (ScheduledTask t : after.tasks()) {
                ScheduledTask b = rows.get(t.id());
                if (b != null && t.type() != ScheduledTask.Kind.SUMMARY) {
                    long moved = mirror ? time.ordinal(WorkingTime.minutes(b.finish())) - time.ordinal(WorkingTime.minutes(t.finish()))
                            : time.ordinal(WorkingTime.minutes(t.start())) - time.ordinal(WorkingTime.minutes(b.start()));
                    delay.put(t.id(), Math.max(0, moved));
                }
            }
            return delay;
        }

        java.util.Set<String> heldIds() {
            java.util.Set<String> heldIds = new java.util.HashSet<>();
            for (String id : leaves) {
                if (held(byId.get(id), mirror)) {
                    heldIds.add(id);
                }
            }
            return java.util.Set.copyOf(heldIds);
        }
    }

    /**
     * A task this leveling keeps where it is: a fixed one, or one with a date it must not pass in the
     * direction leveling moves tasks (start or finish no later than, leveling forward; no earlier than,
     * leveling a plan scheduled from its finish). Its constraint stays as the user wrote it; its units are
     * reserved where it is.
     */
    public static boolean held(Task t, boolean backward) {
        if (fixed(t)) {
            return true;
        }
        if (t.constraint() == null || t.constraint().date() == null) {
            return false;
        }
        ConstraintType c = t.constraintType();
        return backward ? c == ConstraintType.SNET || c == ConstraintType.FNET : c == ConstraintType.SNLT || c == ConstraintType.FNLT;
    }

    /**
     * A task leveling does not move: started, manually scheduled, bound to a date (must start on, must
     * finish on), or of priority 1000 (MS Project's "do not level").
     */
    public static boolean fixed(Task t) {
        return t.actualStart() != null || t.manual() || t.priority() >= 1000
                || t.constraint() != null && (t.constraintType() == ConstraintType.MSO || t.constraintType() == ConstraintType.MFO);
    }

    private static String percent(int hundredths) {
        return hundredths + " %";
    }

    /**
     * The least distance between the starts of a link's predecessor and successor, in working hours:
     * worked out in minutes and rounded up, so that the search never packs tighter than the scheduler;
     * {@code dp} and {@code ds} are the tasks' spans in the plan's working time, a percentage lag counts
     * the predecessor's duration.
     */
    private static int lag(Plan plan, WorkingTime time, Link l, ScheduledTask pred, long dp, long ds) {
        long lag;
        LinkType type = l.type() == null ? LinkType.FS : l.type();
        if (l.lag() == null) {
            lag = 0;
        } else if (l.lag().isPercent()) {
            lag = Math.round(pred.durationMinutes() * l.lag().amount() / 100.0);
        } else if (l.lag().isElapsed()) {
            // elapsed time (a supplier's lead time in calendar days) is the plan's working time it spans from where the predecessor is
            long anchor = WorkingTime.minutes(type == LinkType.FS || type == LinkType.FF ? pred.finish() : pred.start());
            long clock = l.lag().minutes(plan.workTime());
            lag = time.ordinal(anchor + clock) - time.ordinal(anchor);
        } else {
            lag = l.lag().minutes(plan.workTime());
        }
        long minutes = switch (type) {
            case FS -> dp + lag;
            case SS -> lag;
            case FF -> dp + lag - ds;
            case SF -> lag - ds;
        };
        return (int) Math.floorDiv(minutes + 59, 60);
    }
}
