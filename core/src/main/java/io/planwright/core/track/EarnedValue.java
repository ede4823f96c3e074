package io.planwright.core.track;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Earned value and earned schedule of a plan in progress, against one of its baselines, for every
 * task, phase and the plan: at the status date, or as a series of dates (the S-curves).
 *
 * <p>The rules, as MS Project applies them with its default options:
 * <ul>
 * <li>a task's budget (BAC) is the cost its baseline recorded; work added after the baseline has none,
 *     so it earns nothing while it costs (it shows as cost variance, as it should);</li>
 * <li>planned value (PV) spreads that cost evenly over the working time of the task's calendar between
 *     its baseline start and finish (a flat contour, fixed costs prorated); a milestone's at its finish;</li>
 * <li>earned value (EV) is the budget times the share done: percent complete, or physical percent
 *     complete where the task says so; a task with an actual finish is done;</li>
 * <li>actual cost (AC) is the task's current cost times the share done (MS Project's "actual costs are
 *     always calculated"); before the status date, EV and AC grow evenly over the working time from
 *     the actual start up to the actual finish or the status date;</li>
 * <li>phases and the plan add up their tasks' figures; their ratios come from the sums.</li>
 * </ul>
 *
 * <p>Earned schedule (Lipke): ES is the time at which the entry's PV curve reached today's EV; the
 * actual time AT runs from the entry's baseline start to the status date. SV(t) = ES - AT, SPI(t) =
 * ES / AT, and IEAC(t) = PD / SPI(t) where PD is the baseline's duration, in working days of the plan's
 * calendar, with the finish date it forecasts. For earned schedule every task's PV is spread over the
 * plan's calendar (the same as above for tasks without a calendar of their own).
 */
public final class EarnedValue {

    private EarnedValue() {
    }

    /** Which share of a task's work counts as earned. */
    public enum Method {
        /** The share of the duration done (MS Project's default). */
        PERCENT_COMPLETE,
        /** The share of the deliverable done, as the team judges it. */
        PHYSICAL_PERCENT_COMPLETE
    }

    /** What an entry of the report is. */
    public enum Kind {
        PLAN, PHASE, TASK, MILESTONE;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Earned schedule of an entry; null fields where a measure is not defined (no budget, before the
     * entry's baseline start).
     *
     * @param baselineStart  the earliest baseline start of the entry's tasks
     * @param baselineFinish the latest baseline finish
     * @param es             earned schedule: when the baseline planned to have done what is done now
     * @param svDays         SV(t) = ES - AT in working days (negative: behind)
     * @param spi            SPI(t) = ES / AT
     * @param ieacDays       IEAC(t) = PD / SPI(t), the forecast duration in working days
     * @param forecastFinish the finish IEAC(t) forecasts
     */
    public record Time(LocalDateTime baselineStart, LocalDateTime baselineFinish, LocalDateTime es, Double svDays, Double spi,
                       Double ieacDays, LocalDateTime forecastFinish) {
    }

    /** One line of the report: the plan, a phase or a task, with its figures. */
    public record Entry(String id, String name, Kind kind, int depth, Figures figures, Time time) {
    }

    /** Earned value of a plan at one date against one baseline, the plan first, then its tasks in WBS order. */
    public record Report(LocalDateTime date, String baselineId, List<Entry> entries) {

        public Entry plan() {
            return entries.get(0);
        }

        public Entry entry(String id) {
            return entries.stream().filter(e -> Objects.equals(e.id(), id)).findFirst().orElse(null);
        }
    }

    /** Earned value at the status date, every task earning by percent complete. */
    public static Report at(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate) {
        return at(plan, schedule, baseline, statusDate, Map.of());
    }

    /**
     * Earned value at the status date.
     *
     * @param methods the earning method of tasks that do not earn by percent complete, with their physical
     *                percent complete (0 to 100) in {@code physical}
     */
    public static Report at(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate,
                            Map<String, Double> physical) {
        Ledger ledger = new Ledger(plan, schedule, baseline, statusDate, physical);
        return ledger.report(statusDate);
    }

    /**
     * Earned value at each of {@code dates} (up to the status date, EV and AC as they grew; after it, as
     * they stand), for the S-curves and the trend of a plan.
     */
    public static List<Report> series(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate,
                                      List<LocalDateTime> dates) {
        Ledger ledger = new Ledger(plan, schedule, baseline, statusDate, Map.of());
        List<Report> out = new ArrayList<>(dates.size());
        for (LocalDateTime d : dates) {
            out.add(ledger.report(d));
        }
        return out;
    }

    /** The weekly dates from a start up to and including the first on or after {@code until}, {@code count} at the most. */
    public static List<LocalDateTime> weekly(LocalDateTime from, LocalDateTime until, int count) {
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime d = from;
        while (out.size() < count) {
            out.add(d);
            if (!d.isBefore(until)) {
                break;
            }
            d = d.plusWeeks(1);
        }
        return out;
    }

    /**
     * The plan's tasks as arrays, in WBS order: leaves carry the figures, each entry covers a contiguous
     * range of leaves.
     */
    static final class Ledger {
        private static final long NONE = Long.MIN_VALUE;

        private final Plan plan;
        private final LocalDateTime statusDate;
        private final String baselineId;
        private final WorkingTime planCalendar;
        private final List<WorkingTime> calendars = new ArrayList<>();
        private final double minutesPerDay;

        // the leaves
        private int n;
        private int[] calendar;
        private double[] bac;
        private double[] cost;
        private double[] earned;
        private long[] baseStart;     // ordinals on the leaf's calendar
        private long[] baseFinish;
        private long[] planStart;     // ordinals on the plan's calendar
        private long[] planFinish;
        private long[] actualFrom;    // ordinals on the leaf's calendar; NONE: not started
        private long[] actualTo;

        // the entries: [from, to) ranges of leaves
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Integer> depths = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();

        Ledger(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate, Map<String, Double> physical) {
            this.plan = plan;
            this.statusDate = Objects.requireNonNull(statusDate, "status date");
            this.baselineId = baseline == null ? null : baseline.id();
            this.planCalendar = PlanCalendars.planCalendar(plan);
            this.minutesPerDay = plan.workTime().minutesPerDay();
            Map<String, BaselineTask> base = new HashMap<>();
            if (baseline != null) {
                baseline.tasks().forEach(b -> base.put(b.taskId(), b));
            }
            Map<String, Double> costs = Costs.taskCosts(plan, schedule);
            Wbs wbs = Wbs.of(plan);
            int size = plan.tasks().size();
            allocate(size);
            Map<String, Integer> calendarIndex = new HashMap<>();
            ids.add(null);
            names.add(plan.name());
            kinds.add(Kind.PLAN);
            depths.add(0);
            int[] all = new int[2];
            ranges.add(all);
            for (int i = 0; i < wbs.size(); i++) {
                if (wbs.parent(i) < 0) {
                    walk(wbs, i, schedule, base, costs, physical, calendarIndex);
                }
            }
            all[1] = n;
        }

        private void allocate(int size) {
            calendar = new int[size];
            bac = new double[size];
            cost = new double[size];
            earned = new double[size];
            baseStart = new long[size];
            baseFinish = new long[size];
            planStart = new long[size];
            planFinish = new long[size];
            actualFrom = new long[size];
            actualTo = new long[size];
        }

        private void walk(Wbs wbs, int index, PlanSchedule schedule, Map<String, BaselineTask> base,
                          Map<String, Double> costs, Map<String, Double> physical, Map<String, Integer> calendarIndex) {
            Task t = wbs.task(index);
            boolean phase = wbs.isSummary(index);
            int[] range = new int[] {n, n};
            ids.add(t.id());
            names.add(t.name());
            kinds.add(phase ? Kind.PHASE : t.milestone() ? Kind.MILESTONE : Kind.TASK);
            depths.add(wbs.depth(index) + 1);
            ranges.add(range);
            if (phase) {
                for (int k : wbs.children(index)) {
                    walk(wbs, k, schedule, base, costs, physical, calendarIndex);
                }
            } else {
                leaf(t, schedule, base.get(t.id()), costs.getOrDefault(t.id(), 0.0), physical.get(t.id()), calendarIndex);
            }
            range[1] = n;
        }

        private void leaf(Task t, PlanSchedule schedule, BaselineTask b, double currentCost, Double physical, Map<String, Integer> calendarIndex) {
            int i = n++;
            String calendarId = PlanCalendars.taskCalendarId(plan, t.calendarId());
            int c = calendarIndex.computeIfAbsent(calendarId, id -> {
                calendars.add(calendarId.equals(planCalendar.calendarId()) ? planCalendar : PlanCalendars.calendar(plan, id));
                return calendars.size() - 1;
            });
            WorkingTime cal = calendars.get(c);
            calendar[i] = c;
            cost[i] = currentCost;
            ScheduledTask st = schedule.task(t.id()).orElse(null);
            double share = t.actualFinish() != null ? 1 : (physical != null ? physical : t.percentComplete()) / 100.0;
            earned[i] = Math.max(0, Math.min(1, share));
            if (b != null && b.start() != null && b.finish() != null) {
                bac[i] = b.cost() == null ? 0 : b.cost().doubleValue();
                long s = WorkingTime.minutes(b.start());
                long f = Math.max(s, WorkingTime.minutes(b.finish()));
                baseStart[i] = cal.ordinal(s);
                baseFinish[i] = cal.ordinal(f);
                planStart[i] = planCalendar.ordinal(s);
                planFinish[i] = planCalendar.ordinal(f);
            } else {
                bac[i] = 0;
                baseStart[i] = baseFinish[i] = planStart[i] = planFinish[i] = NONE;
            }
            LocalDateTime from = t.actualStart() != null ? t.actualStart() : earned[i] > 0 && st != null ? st.start() : null;
            if (from == null) {
                actualFrom[i] = actualTo[i] = NONE;
            } else {
                LocalDateTime to = t.actualFinish() != null ? t.actualFinish() : statusDate;
                long a = cal.ordinal(WorkingTime.minutes(from));
                actualFrom[i] = a;
                actualTo[i] = Math.max(a, cal.ordinal(WorkingTime.minutes(to)));
            }
        }

        Report report(LocalDateTime date) {
            long minute = WorkingTime.minutes(date);
            long[] ordinals = new long[calendars.size()];
            for (int c = 0; c < ordinals.length; c++) {
                ordinals[c] = calendars.get(c).ordinal(minute);
            }
            boolean past = date.isBefore(statusDate);
            double[] pv = new double[n];
            double[] ev = new double[n];
            double[] ac = new double[n];
            for (int i = 0; i < n; i++) {
                long t = ordinals[calendar[i]];
                pv[i] = baseStart[i] == NONE ? 0 : bac[i] * share(baseStart[i], baseFinish[i], t);
                double progress = !past ? 1 : actualFrom[i] == NONE ? 0 : share(actualFrom[i], actualTo[i], t);
                ev[i] = bac[i] * earned[i] * progress;
                ac[i] = cost[i] * earned[i] * progress;
            }
            long at = planCalendar.ordinal(minute);
            List<Entry> entries = new ArrayList<>(ids.size());
            for (int e = 0; e < ids.size(); e++) {
                int[] r = ranges.get(e);
                double b = 0, p = 0, v = 0, a = 0;
                for (int i = r[0]; i < r[1]; i++) {
                    b += bac[i];
                    p += pv[i];
                    v += ev[i];
                    a += ac[i];
                }
                Figures f = new Figures(b, p, v, a);
                entries.add(new Entry(ids.get(e), names.get(e), kinds.get(e), depths.get(e), f, time(r[0], r[1], f, at)));
            }
            return new Report(date, baselineId, entries);
        }

        /** The share of the working time from {@code from} to {@code to} passed at {@code t} (all ordinals). */
        private static double share(long from, long to, long t) {
            if (t >= to) {
                return 1;
            }
            if (t <= from) {
                return 0;
            }
            return (double) (t - from) / (to - from);
        }

        /** Earned schedule of the leaves [a, b) with their figures, at plan-calendar ordinal {@code at}. */
        private Time time(int a, int b, Figures f, long at) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = a; i < b; i++) {
                if (planStart[i] != NONE && bac[i] > 0) {
                    lo = Math.min(lo, planStart[i]);
                    hi = Math.max(hi, planFinish[i]);
                }
            }
            if (lo == Long.MAX_VALUE || f.bac() <= 0) {
                return new Time(null, null, null, null, null, null, null);
            }
            long es = earnedSchedule(a, b, f.ev(), lo, hi);
            double pd = hi - lo;
            double actual = at - lo;
            double earnedTime = es - lo;
            Double spi = actual > 0 ? earnedTime / actual : null;
            Double ieac = spi != null && spi > 0 ? pd / spi : null;
            LocalDateTime forecast = ieac == null ? null : moment(lo + Math.round(ieac));
            return new Time(WorkingTime.dateTime(planCalendar.startOf(lo)), moment(hi), moment(es), (earnedTime - Math.max(0, actual)) / minutesPerDay, spi,
                    ieac == null ? null : ieac / minutesPerDay, forecast);
        }

        /** The moment working minute {@code ordinal} is reached: the end of the one before (17:00, not 08:00 the next day). */
        private LocalDateTime moment(long ordinal) {
            return WorkingTime.dateTime(planCalendar.finishOf(ordinal));
        }

        /** The first plan-calendar ordinal at which the PV of leaves [a, b) reaches {@code ev}. */
        private long earnedSchedule(int a, int b, double ev, long lo, long hi) {
            double tolerance = 1e-9 * Math.max(1, Math.abs(ev));
            if (pv(a, b, hi) <= ev + tolerance) {
                return hi;
            }
            long low = lo;
            long high = hi;
            while (low < high) {
                long mid = low + (high - low) / 2;
                if (pv(a, b, mid) + tolerance >= ev) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }

        /** The PV of leaves [a, b) at plan-calendar ordinal {@code t}. */
        private double pv(int a, int b, long t) {
            double sum = 0;
            for (int i = a; i < b; i++) {
                if (planStart[i] != NONE && bac[i] > 0) {
                    sum += bac[i] * share(planStart[i], planFinish[i], t);
                }
            }
            return sum;
        }
    }
}
