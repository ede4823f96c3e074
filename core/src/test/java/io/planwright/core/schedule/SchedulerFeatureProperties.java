package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SchedulerProperties} does not generate: plans scheduled from their finish (against the
 * reference on the mirrored network), tasks as late as possible, manually scheduled tasks and actual
 * dates (against the properties they must have, where the reference does not model them).
 */
class SchedulerFeatureProperties {

    private static final LocalDate START_DAY = LocalDate.of(2026, 3, 2);
    static final long START = WorkingTime.minutes(LocalDateTime.of(2026, 3, 2, 8, 0));

    /** A random network in topological order: task i's predecessors are earlier tasks. */
    record Net(long[] duration, boolean[] milestone, List<int[]> links) {
    }

    static Net network(Random r, int size, boolean leadsToo) {
        return network(r, size, leadsToo, 4);
    }

    /** With {@code types} 3, no SF links. */
    static Net network(Random r, int size, boolean leadsToo, int types) {
        long[] d = new long[size];
        boolean[] m = new boolean[size];
        List<int[]> links = new ArrayList<>(); // pred, succ, type, lag
        for (int i = 0; i < size; i++) {
            d[i] = r.nextInt(5) == 0 ? 0 : (1 + r.nextInt(48)) * 30L;
            m[i] = d[i] == 0;
            int wanted = i == 0 ? 0 : r.nextInt(4);
            for (int l = 0; l < wanted; l++) {
                long lag = r.nextBoolean() ? 0 : (leadsToo ? r.nextInt(9) - 4 : r.nextInt(5)) * 120L;
                links.add(new int[] {r.nextInt(i), i, r.nextInt(types), (int) lag});
            }
        }
        return new Net(d, m, links);
    }

    /**
     * Scheduled from its finish, a plan is the mirror image of the forward plan with every link turned
     * around (FS stays FS, SS becomes FF, FF becomes SS, SF stays SF): on a calendar that works every
     * minute, each task's late dates are the reference's early dates of the mirrored network, reflected.
     * Without SF links: forward, an SF link may put its successor before the project start (the reference
     * and the engine agree), while backward the engine keeps every task within the required finish, so the
     * two are not mirror images there (which one MS Project follows is not settled by the samples).
     */
    @Property(tries = 300)
    void aPlanScheduledFromItsFinishIsTheMirrorOfTheForwardPlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
        Random r = new Random(seed);
        Net net = network(r, size, false, 3);
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new TimeRange(0, 1440)));
        }
        WorkCalendar always = new WorkCalendar("always", "always", null, week, List.of());
        long finish = START + (30 + r.nextInt(30)) * 1440L + r.nextInt(1440);
        NetworkBuilder b = new NetworkBuilder(new WorkingTime[] {WorkingTime.compile(always, START_DAY)}, START, size, net.links.size())
                .backwardFrom(finish);
        List<List<ReferenceScheduler.Link>> mirrored = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            b.addTask("t" + i, -1, net.duration[i], false, net.milestone[i], 0);
            b.constraint(i, ConstraintType.ALAP, ScheduleNetwork.NONE); // what a task without a constraint gets in such a plan (PlanCompiler)
            mirrored.add(new ArrayList<>());
        }
        int[] turned = {0, 2, 1, 3}; // FS, SS, FF, SF turned around: FS, FF, SS, SF
        for (int[] l : net.links) {
            b.link(l[0], l[1], LinkType.values()[l[2]], l[3]);
            mirrored.get(l[0]).add(new ReferenceScheduler.Link(l[1], turned[l[2]], l[3], 0));
        }
        List<ReferenceScheduler.TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            specs.add(new ReferenceScheduler.TaskSpec(net.duration[i], false, net.milestone[i], 0, 0, ScheduleNetwork.NONE, Long.MIN_VALUE,
                    mirrored.get(i)));
        }
        ReferenceScheduler ref = new ReferenceScheduler(specs, List.of(always), START);
        ref.run();
        Schedule s = CriticalPathScheduler.schedule(b.build());
        for (int i = 0; i < size; i++) {
            String what = "task t" + i + " (seed " + seed + ", size " + size + ")";
            assertThat(s.lateFinish(i)).as("late finish of " + what).isEqualTo(finish - (ref.es[i] - START));
            assertThat(s.lateStart(i)).as("late start of " + what).isEqualTo(finish - (ref.ef[i] - START));
            assertThat(s.start(i)).as("scheduled at its late start: " + what).isEqualTo(s.lateStart(i));
            assertThat(s.finish(i)).as("scheduled at its late finish: " + what).isEqualTo(s.lateFinish(i));
        }
        assertThat(s.projectStart()).as("project start (seed " + seed + ")").isEqualTo(finish - (ref.projectFinish - START));
    }

    /**
     * Tasks as late as possible sit at their late dates, every link holds between the dates tasks are
     * scheduled at, and the finish is where it is with every task as soon as possible.
     */
    @Property(tries = 300)
    void tasksAsLateAsPossibleUseTheirFloatOnly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
        checkTasksAsLateAsPossibleUseTheirFloatOnly(seed, size);
    }

    /**
     * A milestone linked start-to-finish to a task, on a calendar that works Sunday to midnight and Monday
     * from 09:00 (found by a random run): the finish as soon as possible is Monday 09:00, with the milestone
     * as late as possible Sunday 24:00, the same working moment.
     */
    @Example
    void aFinishAtTheBoundaryOfADayIsTheSameWorkingMomentEitherSide() {
        checkTasksAsLateAsPossibleUseTheirFloatOnly(743, 2);
    }

    private void checkTasksAsLateAsPossibleUseTheirFloatOnly(long seed, int size) {
        Random r = new Random(seed);
        Net net = network(r, size, true);
        WorkCalendar cal = SchedulerProperties.randomCalendar("c", r);
        boolean[] alap = new boolean[size];
        for (int i = 0; i < size; i++) {
            alap[i] = r.nextInt(3) == 0;
        }
        Schedule late = CriticalPathScheduler.schedule(build(net, cal, alap, null, null));
        Schedule soon = CriticalPathScheduler.schedule(build(net, cal, new boolean[size], null, null));
        // the same working moment: a finish that a start drives (start-to-finish) may show as the end of one working
        // period or the start of the next, with no working time between them
        WorkingTime axis = WorkingTime.compile(cal, START_DAY);
        assertThat(axis.ordinal(late.projectFinish())).as("the finish (seed " + seed + ")").isEqualTo(axis.ordinal(soon.projectFinish()));
        for (int i = 0; i < size; i++) {
            String what = "task t" + i + " (seed " + seed + ", size " + size + ")";
            if (alap[i]) {
                assertThat(late.start(i)).as("as late as possible: " + what).isEqualTo(late.lateStart(i));
                assertThat(late.finish(i)).as("as late as possible: " + what).isEqualTo(late.lateFinish(i));
            }
            assertThat(late.lateFinish(i)).as("late finish of " + what).isEqualTo(soon.lateFinish(i));
        }
        linksHold(net, late, null, WorkingTime.compile(cal, START_DAY), "seed " + seed);
    }

    /**
     * Manually scheduled tasks keep their dates whatever their links say; started tasks start at their
     * actual start, finished ones finish at their actual finish and are never critical; every other task
     * follows its links from the dates its predecessors have.
     */
    @Property(tries = 300)
    void manualTasksAndActualDatesAreKept(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
        checkManualTasksAndActualDatesAreKept(seed, size);
    }

    /** A milestone at 00:00 Monday on a calendar working from midnight after a Sunday off (found by a random run). */
    @Example
    void aMilestoneAtMidnightAfterADayOffIsTheEndOfTheDayBefore() {
        checkManualTasksAndActualDatesAreKept(-3677684, 14);
    }

    private void checkManualTasksAndActualDatesAreKept(long seed, int size) {
        Random r = new Random(seed);
        Net net = network(r, size, true);
        WorkCalendar cal = SchedulerProperties.randomCalendar("c", r);
        WorkingTime time = WorkingTime.compile(cal, START_DAY);
        long[][] manual = new long[size][];
        long[][] actual = new long[size][];
        boolean[] fixed = new boolean[size];
        for (int i = 0; i < size; i++) {
            int kind = r.nextInt(6);
            long at = time.startOf(time.ordinal(START) + r.nextInt(20 * 480));
            if (net.duration[i] == 0 && Math.floorMod(at, 1440) == 0) {
                // a milestone at midnight reads as a date without a time: the end of the day before (its last working
                // moment, on a calendar that works from midnight after a day off); the plan file's rule, kept by the engine
                at = time.previousWorkFinish(at);
            }
            long end = net.duration[i] == 0 ? at : time.finishOf(time.ordinal(at) + net.duration[i]);
            if (kind == 0) {
                manual[i] = new long[] {at, end};
                fixed[i] = true;
            } else if (kind == 1) {
                actual[i] = new long[] {at, ScheduleNetwork.NONE}; // started
                fixed[i] = true;
            } else if (kind == 2) {
                actual[i] = new long[] {at, end}; // finished
                fixed[i] = true;
            }
        }
        Schedule s = CriticalPathScheduler.schedule(build(net, cal, new boolean[size], manual, actual));
        for (int i = 0; i < size; i++) {
            String what = "task t" + i + " (seed " + seed + ", size " + size + ")";
            if (manual[i] != null) {
                assertThat(s.start(i)).as("manual start of " + what).isEqualTo(manual[i][0]);
                assertThat(s.finish(i)).as("manual finish of " + what).isEqualTo(manual[i][1]);
            }
            if (actual[i] != null) {
                assertThat(s.start(i)).as("actual start of " + what).isEqualTo(actual[i][0]);
                if (actual[i][1] != ScheduleNetwork.NONE) {
                    assertThat(s.finish(i)).as("actual finish of " + what).isEqualTo(actual[i][1]);
                    assertThat(s.isCritical(i)).as("finished work is never critical: " + what).isFalse();
                }
            }
        }
        linksHold(net, s, fixed, time, "seed " + seed);
    }

    static ScheduleNetwork build(Net net, WorkCalendar cal, boolean[] alap, long[][] manual, long[][] actual) {
        int size = net.duration.length;
        NetworkBuilder b = new NetworkBuilder(new WorkingTime[] {WorkingTime.compile(cal, START_DAY)}, START, size, net.links.size());
        for (int i = 0; i < size; i++) {
            b.addTask("t" + i, -1, net.duration[i], false, net.milestone[i], 0);
            if (alap[i]) {
                b.constraint(i, ConstraintType.ALAP, ScheduleNetwork.NONE);
            }
            if (manual != null && manual[i] != null) {
                b.manual(i, manual[i][0], manual[i][1]);
            }
            if (actual != null && actual[i] != null) {
                b.actual(i, actual[i][0], actual[i][1]);
            }
        }
        for (int[] l : net.links) {
            b.link(l[0], l[1], LinkType.values()[l[2]], l[3]);
        }
        return b.build();
    }

    /**
     * Every link without a lag into a task that is not fixed holds between the scheduled dates, in working
     * time (FS: the successor starts at or after the predecessor's finish; SS: starts; FF: finishes; SF:
     * finish after start). In working time: a finish at the end of Friday is the same moment as a start on
     * Monday morning.
     */
    private static void linksHold(Net net, Schedule s, boolean[] fixed, WorkingTime time, String what) {
        for (int[] l : net.links) {
            int p = l[0];
            int q = l[1];
            if (l[3] != 0 || (fixed != null && fixed[q])) {
                continue;
            }
            String link = "link t" + p + " -> t" + q + " " + LinkType.values()[l[2]] + " (" + what + ")";
            switch (l[2]) {
                case 0 -> assertThat(time.ordinal(s.start(q))).as(link).isGreaterThanOrEqualTo(time.ordinal(s.finish(p)));
                case 1 -> assertThat(time.ordinal(s.start(q))).as(link).isGreaterThanOrEqualTo(time.ordinal(s.start(p)));
                case 2 -> assertThat(time.ordinal(s.finish(q))).as(link).isGreaterThanOrEqualTo(time.ordinal(s.finish(p)));
                default -> assertThat(time.ordinal(s.finish(q))).as(link).isGreaterThanOrEqualTo(time.ordinal(s.start(p)));
            }
        }
    }
}
