package io.planwright.core.track;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
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
 * <li>actual cost (AC) is what its assignments report as their actual cost, and for the rest the current
 *     cost times the share done (MS Project's "actual costs are always calculated"); before the status date, EV and AC grow evenly over the working time from
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
     * Earned schedule of an entry; null where a measure is not defined (no budget, before the entry's
     * baseline start). The figures are numbers; the dates are made from them when asked for.
     */
    public static final class Time {
        private static final long NONE = Long.MIN_VALUE;

        private final WorkingTime calendar;
        private final long lo;
        private final long hi;
        private final long es;
        private final long forecast;
        private final Double svDays;
        private final Double spi;
        private final Double ieacDays;

        Time(WorkingTime calendar, long lo, long hi, long es, long forecast, Double svDays, Double spi, Double ieacDays) {
            this.calendar = calendar;
            this.lo = lo;
            this.hi = hi;
            this.es = es;
            this.forecast = forecast;
            this.svDays = svDays;
            this.spi = spi;
            this.ieacDays = ieacDays;
        }

        /** The earliest baseline start of the entry's tasks. */
        public LocalDateTime baselineStart() {
            return lo == NONE ? null : WorkingTime.dateTime(calendar.startOf(lo));
        }

        /** The latest baseline finish of the entry's tasks. */
        public LocalDateTime baselineFinish() {
            return reached(hi);
        }

        /** Earned schedule: when the baseline planned to have done what is done now. */
        public LocalDateTime es() {
            return es == lo ? baselineStart() : reached(es);   // nothing earned yet: the baseline's start, not the evening before
        }

        /** SV(t) = ES - AT in working days of the plan's calendar (negative: behind). */
        public Double svDays() {
            return svDays;
        }

        /** SPI(t) = ES / AT. */
        public Double spi() {
            return spi;
        }

        /** IEAC(t) = PD / SPI(t), the forecast duration in working days. */
        public Double ieacDays() {
            return ieacDays;
        }

        /** The finish IEAC(t) forecasts. */
        public LocalDateTime forecastFinish() {
            return reached(forecast);
        }

        /** The moment working minute {@code ordinal} is reached: the end of the one before (17:00, not 08:00 the next day). */
        private LocalDateTime reached(long ordinal) {
            return ordinal == NONE ? null : WorkingTime.dateTime(calendar.finishOf(ordinal));
        }
    }

    /** One line of the report: the plan, a phase or a task, with its figures and earned schedule. */
    public record Entry(String id, String name, Kind kind, int depth, Figures figures, Time time) {
    }

    /**
     * Earned value of a plan at one date against one baseline: the plan first, then its tasks in WBS
     * order. Kept as columns (the figures of every entry and its earned schedule are worked out when the
     * report is made); {@link #entries()} reads them as lines.
     */
    public static final class Report {
        private final LocalDateTime date;
        private final Ledger ledger;
        private final double[] pv;
        private final double[] ev;
        private final double[] ac;
        private final long[] es;
        private final long at;

        Report(LocalDateTime date, Ledger ledger, double[] pv, double[] ev, double[] ac, long[] es, long at) {
            this.date = date;
            this.ledger = ledger;
            this.pv = pv;
            this.ev = ev;
            this.ac = ac;
            this.es = es;
            this.at = at;
        }

        public LocalDateTime date() {
            return date;
        }

        /** The baseline measured against, or null without one. */
        public String baselineId() {
            return ledger.baselineId;
        }

        public List<Entry> entries() {
            return new java.util.AbstractList<>() {
                @Override
                public Entry get(int e) {
                    return entry(e);
                }

                @Override
                public int size() {
                    return es.length;
                }
            };
        }

        public Entry plan() {
            return entry(0);
        }

        /** The entry of a task, or null when the plan has no such task. */
        public Entry entry(String id) {
            Integer e = ledger.entryIndex().get(id);
            return e == null ? null : entry(e);
        }

        private Entry entry(int e) {
            Figures f = figures(e);
            return new Entry(ledger.ids.get(e), ledger.names.get(e), ledger.kinds.get(e), ledger.depths.get(e), f, ledger.time(e, f, es[e], at));
        }

        /** The figures of entry {@code e} (0: the plan), without making its line. */
        public Figures figures(int e) {
            int a = ledger.entryFrom[e];
            int b = ledger.entryTo[e];
            return new Figures(ledger.bacSums[b] - ledger.bacSums[a], pv[b] - pv[a], ev[b] - ev[a], ac[b] - ac[a]);
        }
    }

    /** Earned value at the status date, each task earning by its own method (percent or physical percent complete). */
    public static Report at(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate) {
        return new Ledger(plan, schedule, baseline, statusDate).report(statusDate);
    }

    /**
     * Earned value at each of {@code dates} (up to the status date, EV and AC as they grew; after it, as
     * they stand), for the S-curves and the trend of a plan.
     */
    public static List<Report> series(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate,
                                      List<LocalDateTime> dates) {
        Ledger ledger = new Ledger(plan, schedule, baseline, statusDate);
        ledger.useCurves = dates.size() > 2;
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
        private double[] actual;      // the actual cost at the status date
        private double[] earned;
        private long[] baseStart;     // ordinals on the leaf's calendar
        private long[] baseFinish;
        private long[] planStart;     // ordinals on the plan's calendar
        private long[] planFinish;
        private long[] actualFrom;    // ordinals on the leaf's calendar; NONE: not started
        private long[] actualTo;
        private long[] doneAt;        // the actual finish on the plan's calendar; NONE: not finished

        // the entries: [from, to) ranges of leaves
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Integer> depths = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();
        private int[] entryFrom;
        private int[] entryTo;
        private long[] entryLo;
        private long[] entryHi;
        private long[] entryDone;     // when all its budgeted tasks had finished (plan calendar), NONE while any is open
        private double[] bacSums;
        private Curve[] curves;
        private Map<String, Integer> entryIndex;
        /** For a series of dates, each entry's PV curve is built once; for a date or two, ES is found by halving. */
        private boolean useCurves;

        Ledger(Plan plan, PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate) {
            this.plan = plan;
            this.statusDate = Objects.requireNonNull(statusDate, "status date");
            this.baselineId = baseline == null ? null : baseline.id();
            this.planCalendar = PlanCalendars.planCalendar(plan);
            this.minutesPerDay = plan.workTime().minutesPerDay();
            BaselineLookup base = new BaselineLookup(baseline);
            Map<String, Resource> resources = Costs.resourcesById(plan);
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
                    walk(wbs, i, schedule, base, resources, calendarIndex);
                }
            }
            all[1] = n;
        }

        private void allocate(int size) {
            calendar = new int[size];
            bac = new double[size];
            actual = new double[size];
            earned = new double[size];
            baseStart = new long[size];
            baseFinish = new long[size];
            planStart = new long[size];
            planFinish = new long[size];
            actualFrom = new long[size];
            actualTo = new long[size];
            doneAt = new long[size];
        }

        private void walk(Wbs wbs, int index, PlanSchedule schedule, BaselineLookup base,
                          Map<String, Resource> resources, Map<String, Integer> calendarIndex) {
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
                    walk(wbs, k, schedule, base, resources, calendarIndex);
                }
            } else {
                ScheduledTask st = scheduled(schedule, index, t.id());
                leaf(t, st, base.get(index, t.id()), resources, calendarIndex);
            }
            range[1] = n;
        }

        /** The scheduled task at the plan's index (the schedule lists them in the plan's order), else by id. */
        private static ScheduledTask scheduled(PlanSchedule schedule, int index, String id) {
            List<ScheduledTask> tasks = schedule.tasks();
            if (index < tasks.size() && tasks.get(index).id().equals(id)) {
                return tasks.get(index);
            }
            return schedule.task(id).orElse(null);
        }

        private void leaf(Task t, ScheduledTask st, BaselineTask b, Map<String, Resource> resources, Map<String, Integer> calendarIndex) {
            int i = n++;
            String calendarId = PlanCalendars.taskCalendarId(plan, t.calendarId());
            int c = calendarIndex.computeIfAbsent(calendarId, id -> {
                calendars.add(calendarId.equals(planCalendar.calendarId()) ? planCalendar : PlanCalendars.calendar(plan, id));
                return calendars.size() - 1;
            });
            WorkingTime cal = calendars.get(c);
            calendar[i] = c;
            earned[i] = Math.max(0, Math.min(1, t.earnedPercent() / 100.0));
            actual[i] = st == null ? 0 : Costs.actualCost(plan, resources, t, st, Costs.shareDone(t));   // cost follows the duration done
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
            doneAt[i] = t.actualFinish() == null ? NONE : planCalendar.ordinal(WorkingTime.minutes(t.actualFinish()));
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
            if (entryFrom == null) {
                prepareEntries();
            }
            long minute = WorkingTime.minutes(date);
            long[] ordinals = new long[calendars.size()];
            for (int c = 0; c < ordinals.length; c++) {
                ordinals[c] = calendars.get(c).ordinal(minute);
            }
            boolean past = date.isBefore(statusDate);
            double[] pv = new double[n + 1];
            double[] ev = new double[n + 1];
            double[] ac = new double[n + 1];
            for (int i = 0; i < n; i++) {   // the leaves' figures, summed as they go: an entry's is a difference
                long t = ordinals[calendar[i]];
                double progress = !past ? 1 : actualFrom[i] == NONE ? 0 : share(actualFrom[i], actualTo[i], t);
                pv[i + 1] = pv[i] + (baseStart[i] == NONE ? 0 : bac[i] * share(baseStart[i], baseFinish[i], t));
                ev[i + 1] = ev[i] + bac[i] * earned[i] * progress;
                ac[i + 1] = ac[i] + actual[i] * progress;
            }
            int m = ids.size();
            long[] es = new long[m];
            for (int e = 0; e < m; e++) {
                double budget = bacSums[entryTo[e]] - bacSums[entryFrom[e]];
                es[e] = entryLo[e] == Long.MAX_VALUE || budget <= 0 ? NONE : earnedSchedule(e, ev[entryTo[e]] - ev[entryFrom[e]]);
            }
            return new Report(date, this, pv, ev, ac, es, planCalendar.ordinal(minute));
        }

        private Map<String, Integer> entryIndex() {
            if (entryIndex == null) {
                Map<String, Integer> index = new HashMap<>();
                for (int e = 1; e < ids.size(); e++) {
                    index.put(ids.get(e), e);
                }
                entryIndex = index;
            }
            return entryIndex;
        }

        /** What does not depend on the date: each entry's leaves, budget and baseline span on the plan's calendar. */
        private void prepareEntries() {
            int m = ids.size();
            entryFrom = new int[m];
            entryTo = new int[m];
            entryLo = new long[m];
            entryHi = new long[m];
            entryDone = new long[m];
            curves = new Curve[m];
            bacSums = new double[n + 1];
            for (int i = 0; i < n; i++) {
                bacSums[i + 1] = bacSums[i] + bac[i];
            }
            for (int e = 0; e < m; e++) {
                int[] r = ranges.get(e);
                entryFrom[e] = r[0];
                entryTo[e] = r[1];
                long lo = Long.MAX_VALUE;
                long hi = Long.MIN_VALUE;
                long done = Long.MIN_VALUE;
                boolean open = false;
                for (int i = r[0]; i < r[1]; i++) {
                    if (budgeted(i)) {
                        lo = Math.min(lo, planStart[i]);
                        hi = Math.max(hi, planFinish[i]);
                        open |= doneAt[i] == NONE;
                        done = Math.max(done, doneAt[i]);
                    }
                }
                entryLo[e] = lo;
                entryHi[e] = hi;
                entryDone[e] = open ? NONE : done;
            }
        }

        private boolean budgeted(int i) {
            return planStart[i] != NONE && bac[i] > 0;
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

        /** Earned schedule of entry {@code e} with its figures and ES ordinal, at plan-calendar ordinal {@code at}. */
        Time time(int e, Figures f, long es, long at) {
            long lo = entryLo[e];
            long hi = entryHi[e];
            if (es == NONE) {
                return NO_TIME;
            }
            double pd = hi - lo;
            // a finished entry's actual time stops at its finish: earned schedule says how late it finished, and no more
            double actual = (entryDone[e] != NONE ? Math.min(at, entryDone[e]) : at) - lo;
            double earnedTime = es - lo;
            Double spi = actual > 0 ? earnedTime / actual : null;
            Double ieac = spi != null && spi > 0 ? pd / spi : null;
            return new Time(planCalendar, lo, hi, es, ieac == null ? Long.MIN_VALUE : lo + Math.round(ieac),
                    (earnedTime - Math.max(0, actual)) / minutesPerDay, spi, ieac == null ? null : ieac / minutesPerDay);
        }

        /** The first plan-calendar ordinal at which the PV of entry {@code e} reaches {@code ev}. */
        long earnedSchedule(int e, double ev) {
            int a = entryFrom[e];
            if (entryTo[e] - a == 1) {
                return Curve.first(planStart[a], planFinish[a], bac[a], ev);
            }
            if (!useCurves) {
                return bisect(a, entryTo[e], ev, entryLo[e], entryHi[e]);
            }
            if (curves[e] == null) {
                curves[e] = Curve.of(this, a, entryTo[e], entryLo[e]);
            }
            return curves[e].first(ev);
        }

        /** The same by halving the baseline's span: cheaper than building the curve for a date or two. */
        private long bisect(int a, int b, double ev, long lo, long hi) {
            double target = ev - 1e-9 * Math.max(1, Math.abs(ev));
            if (pv(a, b, hi) <= ev + 1e-9 * Math.max(1, Math.abs(ev))) {
                return hi;
            }
            long low = lo;
            long high = hi;
            while (low < high) {
                long mid = low + (high - low) / 2;
                if (pv(a, b, mid) >= target) {
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
                if (budgeted(i)) {
                    sum += bac[i] * share(planStart[i], planFinish[i], t);
                }
            }
            return sum;
        }
    }

    /** A baseline's tasks by the plan's index (saved in the plan's order), else by id. */
    private static final class BaselineLookup {
        private final List<BaselineTask> tasks;
        private Map<String, BaselineTask> byId;

        BaselineLookup(Baseline baseline) {
            this.tasks = baseline == null ? List.of() : baseline.tasks();
        }

        BaselineTask get(int index, String id) {
            if (index < tasks.size() && tasks.get(index).taskId().equals(id)) {
                return tasks.get(index);
            }
            if (byId == null) {
                byId = new HashMap<>();
                tasks.forEach(b -> byId.putIfAbsent(b.taskId(), b));
            }
            return byId.get(id);
        }
    }

    private static final Time NO_TIME = new Time(null, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, null, null, null);

    /**
     * The planned value of a group of tasks over the plan calendar's working minutes: piecewise linear,
     * with a step at each milestone that carries a budget. Built once per entry (it does not depend on the
     * date), then read for each date in logarithmic time.
     */
    static final class Curve {
        private static final int INDEX_BITS = 23;

        private final long[] xs;
        private final double[] before;   // the value just before xs[j]
        private final double[] after;    // the value at xs[j], its steps included

        private Curve(long[] xs, double[] before, double[] after) {
            this.xs = xs;
            this.before = before;
            this.after = after;
        }

        static Curve of(Ledger l, int a, int b, long base) {
            int k = 0;
            for (int i = a; i < b; i++) {
                if (l.budgeted(i)) {
                    k++;
                }
            }
            long[] keys = new long[2 * k];
            int q = 0;
            for (int i = a; i < b; i++) {
                if (l.budgeted(i)) {
                    long local = (long) (i - a) << 1;
                    keys[q++] = (l.planStart[i] - base) << INDEX_BITS | local;
                    keys[q++] = (l.planFinish[i] - base) << INDEX_BITS | local | 1;
                }
            }
            java.util.Arrays.sort(keys);
            long[] xs = new long[keys.length];
            double[] before = new double[keys.length];
            double[] after = new double[keys.length];
            int points = 0;
            double rate = 0;
            double value = 0;
            long prev = base;
            for (int q0 = 0; q0 < keys.length; ) {
                long x = (keys[q0] >>> INDEX_BITS) + base;
                value += rate * (x - prev);
                xs[points] = x;
                before[points] = value;
                for (; q0 < keys.length && (keys[q0] >>> INDEX_BITS) + base == x; q0++) {
                    int i = a + (int) ((keys[q0] & ((1L << INDEX_BITS) - 1)) >>> 1);
                    boolean finish = (keys[q0] & 1) == 1;
                    long span = l.planFinish[i] - l.planStart[i];
                    if (span == 0) {
                        value += finish ? 0 : l.bac[i];
                    } else {
                        rate += (finish ? -1 : 1) * l.bac[i] / span;
                    }
                }
                after[points++] = value;
                prev = x;
            }
            return new Curve(java.util.Arrays.copyOf(xs, points), java.util.Arrays.copyOf(before, points), java.util.Arrays.copyOf(after, points));
        }

        /** The first ordinal at which the value reaches {@code ev} (the last point when it never does). */
        long first(double ev) {
            double target = ev - tolerance(ev);
            int last = xs.length - 1;
            if (after[last] <= target + 2 * tolerance(ev)) {
                return xs[last];
            }
            int lo = 0;
            int hi = last;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (after[mid] >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo == 0 || before[lo] < target) {
                return xs[lo];
            }
            double slope = (before[lo] - after[lo - 1]) / (xs[lo] - xs[lo - 1]);
            return Math.min(xs[lo], xs[lo - 1] + (long) Math.ceil((target - after[lo - 1]) / slope - 1e-9));
        }

        /** The same for one task's even spread of {@code budget} from {@code from} to {@code to}. */
        static long first(long from, long to, double budget, double ev) {
            double target = ev - tolerance(ev);
            if (budget <= target + 2 * tolerance(ev) || to == from) {
                return to;
            }
            return target <= 0 ? from : Math.min(to, from + (long) Math.ceil(target / budget * (to - from) - 1e-9));
        }

        private static double tolerance(double ev) {
            return 1e-9 * Math.max(1, Math.abs(ev));
        }
    }
}
