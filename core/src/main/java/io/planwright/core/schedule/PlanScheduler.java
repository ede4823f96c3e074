package io.planwright.core.schedule;

import io.planwright.core.calendar.Moments;
import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.LastComputed;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Schedules a plan: compiles it, runs the critical path method and translates the result back into
 * the model's terms, with warnings for deadlines and constraints that cannot be met.
 */
public final class PlanScheduler {

    private PlanScheduler() {
    }

    /**
     * @throws DependencyCycleException if the plan's links loop (validation reports this first)
     * @throws io.planwright.core.calendar.CalendarRangeException if a calendar has no working time where needed
     */
    public static PlanSchedule schedule(Plan plan) {
        return LAST.get(plan);
    }

    /**
     * The last schedule computed. Plans are immutable, so the same plan object always has the same
     * schedule: validation schedules a plan to report what cannot be met, and the command that read it
     * then asks again.
     */
    private static final LastComputed<Plan, PlanSchedule> LAST = new LastComputed<>(PlanScheduler::compute);

    private static PlanSchedule compute(Plan plan) {
        PlanCompiler.Compiled compiled = PlanCompiler.compile(plan);
        ScheduleNetwork net = compiled.network();
        Schedule s = CriticalPathScheduler.schedule(net);
        Wbs wbs = compiled.wbs();
        List<ScheduledTask> tasks = new ArrayList<>(net.n);
        Set<Long> endsOfDays = endsOfDays(net);
        boolean[] done = done(net);
        for (int i = 0; i < net.n; i++) {
            Task t = wbs.task(i);
            ScheduledTask.Kind type = net.isSummary(i) ? ScheduledTask.Kind.SUMMARY : net.isMilestone(i) ? ScheduledTask.Kind.MILESTONE : ScheduledTask.Kind.TASK;
            long minutes = type == ScheduledTask.Kind.SUMMARY ? s.workBetween(i, s.start(i), s.finish(i)) : net.duration[i];
            int p = s.drivingPredecessor(i);
            tasks.add(new ScheduledTask(t.id(), wbs.outlineNumber(i), t.name(), type, minutes, net.isElapsed(i),
                    begin(net, s, i, s.start(i), endsOfDays), finish(net, s, i, s.finish(i), endsOfDays),
                    begin(net, s, i, s.earlyStart(i), endsOfDays), finish(net, s, i, s.earlyFinish(i), endsOfDays),
                    begin(net, s, i, s.lateStart(i), endsOfDays), finish(net, s, i, s.lateFinish(i), endsOfDays), s.totalFloat(i), s.freeFloat(i), s.isCritical(i),
                    p >= 0 ? net.id(p) : null, describeDriver(net, s, i), done[i]));
        }
        List<String> path = new ArrayList<>();
        for (int i : s.criticalPath()) {
            path.add(net.id(i));
        }
        LocalDateTime finish = endsOfDays.contains(s.projectFinish())
                ? Moments.shown(time(s.projectFinish()), Moments.Edge.FINISH, net.calendars[0]) : time(s.projectFinish());
        return new PlanSchedule(plan, tasks, time(s.projectStart()), finish, path, warnings(plan, net, s, tasks), s);
    }

    /** Finished tasks, and summaries all of whose tasks are (children come after their parent in WBS order). */
    private static boolean[] done(ScheduleNetwork net) {
        boolean[] done = new boolean[net.n];
        boolean[] any = new boolean[net.n];
        for (int i = net.n - 1; i >= 0; i--) {
            if (!net.isSummary(i)) {
                done[i] = (net.flags[i] & ScheduleNetwork.ACTUAL_FINISH) != 0;
            } else {
                done[i] = any[i];
                for (int c = net.firstChild[i]; c >= 0; c = net.nextSibling[c]) {
                    done[i] &= done[c];
                }
            }
            int p = net.parent[i];
            if (p >= 0) {
                any[p] = true;
            }
        }
        return done;
    }

    private static LocalDateTime time(long minutes) {
        return WorkingTime.dateTime(minutes);
    }

    /**
     * The finishes the plan gave as a date alone (the end of that day, 00:00 of the next): finish
     * constraints, deadlines, actual and manual finishes, the plan's finish. A computed finish on one of
     * them is shown as that day's last working moment; other moments are shown as computed, as MS
     * Project does (a task that starts at 00:00 may end at 00:00 too, and then that is its finish).
     */
    private static Set<Long> endsOfDays(ScheduleNetwork net) {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i < net.n; i++) {
            ConstraintType c = ConstraintType.values()[net.constraint[i]];
            if (c.needsDate() && !c.constrainsStart()) {
                addEndOfDay(out, net.constraintDate[i]);
            }
            addEndOfDay(out, net.deadline[i]);
            if (net.fixedFinish != null) {
                addEndOfDay(out, net.fixedFinish[i]);
            }
        }
        addEndOfDay(out, net.finish);
        return out;
    }

    private static void addEndOfDay(Set<Long> out, long minutes) {
        if (minutes != ScheduleNetwork.NONE && Math.floorMod(minutes, 1440) == 0) {
            out.add(minutes);
        }
    }

    /** A finish as people see it: one the plan gave as a date alone (as in a must-finish-on) is that day's last working moment. */
    private static LocalDateTime finish(ScheduleNetwork net, Schedule s, int i, long minutes, Set<Long> endsOfDays) {
        if (!endsOfDays.contains(minutes)) {
            return time(minutes);
        }
        return Moments.shown(time(minutes), milestoneEdge(net, s, i), net.calendarOf(i));
    }

    /** A start as it is, except a milestone's, which is its finish too and is shown as one. */
    private static LocalDateTime begin(ScheduleNetwork net, Schedule s, int i, long minutes, Set<Long> endsOfDays) {
        return net.isMilestone(i) ? finish(net, s, i, minutes, endsOfDays) : time(minutes);
    }

    /**
     * A milestone at midnight stands for the end of the day before when a finish put it there (a
     * predecessor's finish, a finish constraint, the plan's finish), and for the start of its day when a
     * start did (a start constraint, the plan's start): the same moment in working time, shown on its day.
     */
    private static Moments.Edge milestoneEdge(ScheduleNetwork net, Schedule s, int i) {
        if (!net.isMilestone(i)) {
            return Moments.Edge.FINISH;
        }
        int k = s.driver(i);
        boolean byStart = k == CriticalPathScheduler.DRIVER_PROJECT_START && !net.backward
                || k == CriticalPathScheduler.DRIVER_CONSTRAINT && ConstraintType.values()[net.constraint[i]].constrainsStart()
                || k >= 0 && (net.linkType[k] == LinkType.SS.ordinal() || net.linkType[k] == LinkType.SF.ordinal());
        return byStart ? Moments.Edge.START : Moments.Edge.FINISH;
    }

    /** A moment in a message: a finish at the end of a day is shown as that day, not the next. */
    private static String when(ScheduleNetwork net, int i, long minutes, Moments.Edge edge) {
        return Moments.human(time(minutes), edge, i < 0 ? net.calendars[0] : net.calendarOf(i));
    }

    static String describeDriver(ScheduleNetwork net, Schedule s, int i) {
        int k = s.driver(i);
        if (k >= 0) {
            int p = net.linkPred[k];
            LinkType type = LinkType.values()[net.linkType[k]];
            String via = "";
            int successor = linkSuccessor(net, k);
            if (successor != i) {
                via = " (a link of its summary task " + net.id(successor) + ")";
            }
            return switch (type) {
                case FS -> "starts after " + net.id(p) + " finishes" + via;
                case SS -> "starts after " + net.id(p) + " starts" + via;
                case FF -> "finishes after " + net.id(p) + " finishes" + via;
                case SF -> "finishes after " + net.id(p) + " starts" + via;
            };
        }
        return switch (k) {
            case CriticalPathScheduler.DRIVER_CONSTRAINT -> "its constraint: " + ConstraintType.values()[net.constraint[i]].describe();
            case CriticalPathScheduler.DRIVER_FIXED -> (net.flags[i] & ScheduleNetwork.MANUAL) != 0 ? "manually scheduled" : "actual start";
            case CriticalPathScheduler.DRIVER_PROJECT_START -> net.backward ? "the plan's computed start" : "the plan start";
            default -> "its tasks";
        };
    }

    private static int linkSuccessor(ScheduleNetwork net, int k) {
        int lo = 0;
        int hi = net.n;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (net.predOffset[mid] <= k) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<ScheduleWarning> warnings(Plan plan, ScheduleNetwork net, Schedule s, List<ScheduledTask> tasks) {
        List<ScheduleWarning> out = new ArrayList<>();
        int unexplained = 0;
        for (int i = 0; i < net.n; i++) {
            if (net.isSummary(i)) {
                continue;
            }
            ScheduledTask t = tasks.get(i);
            boolean explained = false;
            long deadline = net.deadline[i];
            if (deadline != ScheduleNetwork.NONE && s.finish(i) > deadline) {
                long late = s.workBetween(i, deadline, s.finish(i));
                out.add(new ScheduleWarning(t.id(), ScheduleWarning.Kind.DEADLINE_MISSED,
                        "'" + t.name() + "' finishes " + Durations.words(Math.max(late, 0)) + " after its deadline "
                                + when(net, i, deadline, Moments.Edge.FINISH) + " (finish " + when(net, i, s.finish(i), Moments.Edge.FINISH) + ")"));
                explained = true;
            }
            long byLinks = s.startByLinks(i);
            if (byLinks != ScheduleNetwork.NONE) {
                ConstraintType type = ConstraintType.values()[net.constraint[i]];
                out.add(new ScheduleWarning(t.id(), ScheduleWarning.Kind.CONSTRAINT_CONFLICT,
                        "'" + t.name() + "' cannot meet its links and its constraint (" + type.describe() + " "
                                + when(net, i, net.constraintDate[i], type.constrainsStart() ? Moments.Edge.START : Moments.Edge.FINISH)
                                + "): its predecessors would let it start " + when(net, i, byLinks, Moments.Edge.START) + " at the earliest; the constraint wins and the plan shows negative float"));
                explained = true;
            }
            if (!explained && t.totalFloatMinutes() < 0) {
                unexplained++;
            }
        }
        if (!net.backward && plan.finish() != null && s.projectFinish() > WorkingTime.minutes(plan.finish())) {
            long target = WorkingTime.minutes(plan.finish());
            long late = net.calendars[0].workBetween(target, s.projectFinish());
            out.add(new ScheduleWarning(null, ScheduleWarning.Kind.TARGET_MISSED,
                    "the plan finishes " + Durations.words(Math.max(late, 0)) + " after its target finish "
                            + when(net, -1, target, Moments.Edge.FINISH) + " (finish " + when(net, -1, s.projectFinish(), Moments.Edge.FINISH)
                            + "): the tasks that drive the finish show negative float"));
        }
        if (unexplained > 0 && out.isEmpty()) { // else the deadlines and constraints above explain it
            out.add(new ScheduleWarning(null, ScheduleWarning.Kind.NEGATIVE_FLOAT,
                    unexplained + (unexplained == 1 ? " task has" : " tasks have")
                            + " negative float: it must be made up before the deadlines and constraints that follow"));
        }
        if (net.backward && plan.start() != null && s.projectStart() < WorkingTime.minutes(plan.start())) {
            out.add(new ScheduleWarning(null, ScheduleWarning.Kind.START_BEFORE_PLAN,
                    "to finish by " + when(net, -1, WorkingTime.minutes(plan.finish()), Moments.Edge.FINISH) + " the work must start "
                            + when(net, -1, s.projectStart(), Moments.Edge.START) + ", before the plan's start "
                            + when(net, -1, WorkingTime.minutes(plan.start()), Moments.Edge.START)));
        }
        return out;
    }
}
