package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
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
 * The engine against {@link ReferenceScheduler} on random networks: all link types, working,
 * elapsed and percent lags and leads, constraints, deadlines, milestones, elapsed durations, several
 * calendars with odd hours and holidays, and a task order that is not topological.
 */
class SchedulerProperties {

    private static final LocalDate START_DAY = LocalDate.of(2026, 3, 2);
    private static final long START = WorkingTime.minutes(LocalDateTime.of(2026, 3, 2, 8, 0));

    private static final List<List<TimeRange>> DAY_SHAPES = List.of(
            List.of(),
            WorkCalendar.STANDARD_DAY,
            List.of(new TimeRange(9 * 60, 17 * 60)),
            List.of(new TimeRange(6 * 60, 10 * 60), new TimeRange(14 * 60 + 30, 18 * 60)),
            List.of(new TimeRange(0, 1440)),
            List.of(new TimeRange(22 * 60, 1440)),
            List.of(new TimeRange(8 * 60, 8 * 60 + 45)));

    @Property(tries = 500)
    void engineAgreesWithTheReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
        check(seed, size);
    }

    /**
     * The same networks with summary tasks above the tasks (a random outline, up to four levels), a third of
     * the links going to a summary instead of the task under it (the reference gets such a link on every task
     * under the summary): every task's dates are the reference's, and each summary spans its tasks.
     */
    @Property(tries = 200)
    void summariesChangeNoTasksDatesAndSpanTheirChildren(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size) {
        check(seed, size, true);
    }

    @net.jqwik.api.Example
    void casesFoundBefore() {
        check(-17361786009997L, 13); // an SF and an FF link tied across a lunch break, on ordinals
    }

    @net.jqwik.api.Example
    void summaryLinkTiedWithTheTasksOwn() {
        // an elapsed milestone whose FS link (on its summary) and FF link (its own, declared later) allow the same start:
        // the FS link, declared first, drives, so the finish stays at the start (08:00 the next day), not the FF link's 04:45
        check(-5L, 4, true);
    }

    private static void check(long seed, int size) {
        check(seed, size, false);
    }

    private static void check(long seed, int size, boolean withParents) {
        Random r = new Random(seed);
        // the outline from a random source of its own, so that the networks are those of the same seed without it
        Random outline = new Random(~seed);
        int parents = withParents ? 1 + outline.nextInt(Math.min(4, size)) : 0;
        int[] parentOf = new int[parents + size];
        List<WorkCalendar> calendars = new ArrayList<>();
        boolean plain = r.nextBoolean(); // one calendar, nothing elapsed: the engine works on ordinals
        int calCount = plain ? 1 : 1 + r.nextInt(3);
        for (int c = 0; c < calCount; c++) {
            calendars.add(randomCalendar("c" + c, r));
        }
        // a random topological order, then tasks shuffled so that WBS order is not it
        int[] position = new int[size];
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            perm.add(i);
        }
        java.util.Collections.shuffle(perm, r);
        for (int i = 0; i < size; i++) {
            position[perm.get(i)] = i; // task perm.get(i) is i-th in topological order
        }
        List<ReferenceScheduler.TaskSpec> specs = new ArrayList<>();
        WorkingTime[] compiled = calendars.stream().map(c -> WorkingTime.compile(c, START_DAY)).toArray(WorkingTime[]::new);
        NetworkBuilder b = new NetworkBuilder(compiled, START, size, size * 2);
        for (int k = 0; k < parents; k++) {
            parentOf[k] = k == 0 ? -1 : outline.nextInt(k + 1) - 1; // a parent comes before its children
            b.addTask("p" + k, parentOf[k], 0, false, false, 0);
        }
        List<List<ReferenceScheduler.Link>> linkLists = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean elapsed = !plain && r.nextInt(10) == 0;
            long duration = r.nextInt(5) == 0 ? 0 : (1 + r.nextInt(48)) * 30L;
            boolean milestone = duration == 0 || r.nextInt(20) == 0;
            int cal = r.nextInt(calCount);
            int constraint = 0;
            long cdate = ScheduleNetwork.NONE;
            if (r.nextInt(5) == 0) {
                constraint = 2 + r.nextInt(6);
                cdate = START + r.nextInt(20 * 1440);
                if (r.nextBoolean()) {
                    cdate = cdate - Math.floorMod(cdate, 1440) + (r.nextBoolean() ? 8 * 60 : 17 * 60);
                }
            }
            long deadline = r.nextInt(8) == 0 ? START + r.nextInt(25 * 1440) : Long.MIN_VALUE;
            // task i < parents has summary i as its parent, so that every summary has a task under it
            parentOf[parents + i] = parents == 0 ? -1 : i < parents ? i : outline.nextInt(parents + 1) - 1;
            int task = b.addTask("t" + i, parentOf[parents + i], duration, elapsed, milestone, cal);
            if (constraint != 0) {
                b.constraint(task, ConstraintType.values()[constraint], cdate);
            }
            if (deadline != Long.MIN_VALUE) {
                b.deadline(task, deadline);
            }
            List<ReferenceScheduler.Link> links = new ArrayList<>();
            linkLists.add(links);
            specs.add(new ReferenceScheduler.TaskSpec(duration, elapsed, milestone, cal, constraint, cdate, deadline, links));
        }
        for (int i = 0; i < size; i++) {
            int linksWanted = r.nextInt(4);
            for (int l = 0; l < linksWanted && position[i] > 0; l++) {
                int pred = perm.get(r.nextInt(position[i]));
                int type = r.nextInt(4);
                int kind = !plain && r.nextInt(6) == 0 ? 1 : r.nextInt(6) == 0 ? 2 : 0;
                long lag = switch (kind) {
                    case 1 -> (r.nextInt(5) - 2) * 720L;
                    case 2 -> (r.nextInt(21) - 5) * 1000L; // hundredths of a percent
                    default -> r.nextBoolean() ? 0 : (r.nextInt(9) - 4) * 120L;
                };
                LinkType lt = LinkType.values()[type];
                // now and then the link goes to a summary above the task instead: it holds for every task under it, so the
                // reference gets it on each of them (only where all of them come after the predecessor and it is not one of them)
                int to = parents + i;
                if (parents > 0 && outline.nextInt(3) == 0) {
                    int summary = parentOf[parents + i];
                    for (int hops = outline.nextInt(3); hops > 0 && summary >= 0 && parentOf[summary] >= 0; hops--) {
                        summary = parentOf[summary];
                    }
                    if (summary >= 0 && under(summary, parentOf, parents, size).stream().allMatch(t -> position[t] > position[pred])) {
                        to = summary;
                    }
                }
                switch (kind) {
                    case 1 -> b.elapsedLink(parents + pred, to, lt, lag);
                    case 2 -> b.percentLink(parents + pred, to, lt, lag / 100.0);
                    default -> b.link(parents + pred, to, lt, lag);
                }
                for (int t : to == parents + i ? List.of(i) : under(to, parentOf, parents, size)) {
                    linkLists.get(t).add(new ReferenceScheduler.Link(pred, type, lag, kind));
                }
            }
        }
        ScheduleNetwork net = b.build();
        Schedule s = CriticalPathScheduler.schedule(net);
        Schedule clock = CriticalPathScheduler.scheduleOnClock(net);
        ReferenceScheduler ref = new ReferenceScheduler(specs, calendars, START);
        ref.run();
        for (int k = 0; k < parents; k++) {
            long es = Long.MAX_VALUE;
            long ef = Long.MIN_VALUE;
            long ls = Long.MAX_VALUE;
            long lf = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                for (int a = parentOf[parents + i]; a >= 0; a = parentOf[a]) {
                    if (a == k) {
                        es = Math.min(es, ref.es[i]);
                        ef = Math.max(ef, ref.ef[i]);
                        ls = Math.min(ls, ref.ls[i]);
                        lf = Math.max(lf, ref.lf[i]);
                    }
                }
            }
            String what = "summary p" + k + " (seed " + seed + ", size " + size + ")";
            assertThat(s.earlyStart(k)).as("early start of " + what).isEqualTo(es);
            assertThat(s.earlyFinish(k)).as("early finish of " + what).isEqualTo(ef);
            assertThat(s.lateStart(k)).as("late start of " + what).isEqualTo(ls);
            assertThat(s.lateFinish(k)).as("late finish of " + what).isEqualTo(lf);
        }
        for (int t = 0; t < size; t++) {
            int i = parents + t; // the engine's number; t is the reference's
            String what = "task t" + t + " (seed " + seed + ", size " + size + (withParents ? ", with summaries" : "") + ")";
            assertThat(s.earlyStart(i)).as("early start of " + what).isEqualTo(ref.es[t]);
            assertThat(s.earlyFinish(i)).as("early finish of " + what).isEqualTo(ref.ef[t]);
            assertThat(s.lateFinish(i)).as("late finish of " + what).isEqualTo(ref.lf[t]);
            assertThat(s.lateStart(i)).as("late start of " + what).isEqualTo(ref.ls[t]);
            assertThat(s.totalFloat(i)).as("total float of " + what).isEqualTo(ref.totalFloat(t));
            assertThat(s.freeFloat(i)).as("free float of " + what).isEqualTo(ref.freeFloat(t));
            assertThat(s.isCritical(i)).as("critical " + what).isEqualTo(ref.totalFloat(t) <= 0);
            assertThat(clock.earlyStart(i)).as("early start on the clock, " + what).isEqualTo(s.earlyStart(i));
            assertThat(clock.earlyFinish(i)).as("early finish on the clock, " + what).isEqualTo(s.earlyFinish(i));
            assertThat(clock.lateStart(i)).as("late start on the clock, " + what).isEqualTo(s.lateStart(i));
            assertThat(clock.lateFinish(i)).as("late finish on the clock, " + what).isEqualTo(s.lateFinish(i));
            assertThat(clock.totalFloat(i)).as("total float on the clock, " + what).isEqualTo(s.totalFloat(i));
            assertThat(clock.freeFloat(i)).as("free float on the clock, " + what).isEqualTo(s.freeFloat(i));
        }
        assertThat(s.projectFinish()).isEqualTo(ref.projectFinish);
    }

    /** The tasks (reference numbers) under a summary, at any depth. */
    private static List<Integer> under(int summary, int[] parentOf, int parents, int size) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            for (int a = parentOf[parents + t]; a >= 0; a = parentOf[a]) {
                if (a == summary) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

    static WorkCalendar randomCalendar(String id, Random r) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        boolean anyWork = false;
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeRange> shape = DAY_SHAPES.get(r.nextInt(DAY_SHAPES.size()));
            week.put(d, shape);
            anyWork |= !shape.isEmpty();
        }
        if (!anyWork) {
            week.put(DayOfWeek.WEDNESDAY, WorkCalendar.STANDARD_DAY);
        }
        List<CalendarException> exceptions = new ArrayList<>();
        int count = r.nextInt(4);
        for (int e = 0; e < count; e++) {
            LocalDate from = START_DAY.plusDays(r.nextInt(30) - 3);
            LocalDate to = from.plusDays(r.nextInt(3));
            List<TimeRange> hours = r.nextInt(3) == 0 ? DAY_SHAPES.get(1 + r.nextInt(DAY_SHAPES.size() - 1)) : List.of();
            exceptions.add(new CalendarException("e" + e, from, to, hours));
        }
        return new WorkCalendar(id, id, null, week, exceptions);
    }
}
