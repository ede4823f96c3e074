package io.planwright.core.track;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanCalendars;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.calendar.WorkingTime;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plan's health at a status date against a baseline: earned value and earned schedule of the plan,
 * its phases and tasks, the finish forecast against the baseline's, the slipped tasks, the milestones
 * ahead and the KPIs' trends, with a headline in words. What {@code planwright status}, the status page
 * and the status reports show.
 *
 * @param headline          on track, at risk or late
 * @param reasons           why, one sentence each
 * @param finishVarianceDays the scheduled finish against the baseline's, in working days (positive: later), or null
 */
public record ProjectStatus(LocalDateTime statusDate, Baseline baseline, EarnedValue.Report earnedValue, List<Variance.Line> variance,
                            List<Variance.Line> slipped, LocalDateTime finish, LocalDateTime baselineFinish, Double finishVarianceDays,
                            List<ScheduledTask> nextMilestones, List<KpiTrend.Trend> kpis, Headline headline, List<String> reasons,
                            List<Point> curve) {

    /** The plan's PV, EV and AC at one date of the S-curves; EV and AC are null after the status date (not known yet). */
    public record Point(LocalDateTime date, double pv, Double ev, Double ac) {
    }

    /** At most this many points on the S-curves: weekly, or every few weeks for a long plan. */
    public static final int CURVE_POINTS = 260;

    /** How far a task's finish may slip, in working days, before it is listed as slipped. */
    public static final double SLIP_THRESHOLD_DAYS = 1;
    /** Below this SPI(t) or CPI a plan is at risk. */
    public static final double AT_RISK_INDEX = 0.95;

    public enum Headline {
        ON_TRACK("on track"), AT_RISK("at risk"), LATE("late");

        private final String words;

        Headline(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A baseline asked for by id or name that the plan does not have; the message says which it has. */
    public static final class UnknownBaseline extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownBaseline(String asked, Plan plan) {
            super("no baseline '" + asked + "'; " + (plan.baselines().isEmpty() ? "the plan has none (save one first)"
                    : "it has " + String.join(", ", plan.baselines().stream().map(b -> b.id() + " (" + b.name() + ")").toList())));
        }
    }

    /**
     * The status of a scheduled plan as every face asks for it: at {@code asOf} (null: the plan's status
     * date, else the end of {@code today}) against the baseline of that id or name (null: the main one, or
     * none when the plan has none).
     *
     * @throws UnknownBaseline when the plan has no baseline of that id or name
     */
    public static ProjectStatus of(PlanSchedule schedule, String baseline, LocalDateTime asOf, java.time.LocalDate today) {
        Plan plan = schedule.plan();
        Baseline b = baseline == null ? Baselines.find(plan, null).orElse(null)
                : Baselines.find(plan, baseline).orElseThrow(() -> new UnknownBaseline(baseline, plan));
        LocalDateTime date = asOf != null ? asOf : plan.statusDate() != null ? plan.statusDate()
                : io.planwright.core.calendar.Moments.of(today, io.planwright.core.calendar.Moments.Edge.FINISH);
        return of(schedule, b, date);
    }

    /**
     * The status of a scheduled plan at a date against a baseline (null: no earned value, only the
     * schedule's view).
     */
    public static ProjectStatus of(PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate) {
        Plan plan = schedule.plan();
        EarnedValue.Report ev = baseline == null ? null : EarnedValue.at(plan, schedule, baseline, statusDate);
        List<Variance.Line> variance = baseline == null ? List.of() : Variance.of(plan, schedule, baseline);
        List<Variance.Line> slipped = Variance.slipped(variance, SLIP_THRESHOLD_DAYS);
        Variance.Line whole = variance.isEmpty() ? null : variance.get(0);
        LocalDateTime baselineFinish = whole == null ? null : whole.baselineFinish();
        Double finishVariance = whole == null ? null : whole.finishDays();
        List<ScheduledTask> next = io.planwright.core.overview.PlanOverview.nextMilestones(schedule, statusDate, 5);
        List<KpiTrend.Trend> kpis = new ArrayList<>();
        for (Objective o : plan.objectives()) {
            for (Kpi k : o.kpis()) {
                kpis.add(KpiTrend.of(k, statusDate.minusNanos(1).toLocalDate()));
            }
        }
        List<String> reasons = new ArrayList<>();
        Headline h = headline(plan, schedule, ev, finishVariance, reasons);
        return new ProjectStatus(statusDate, baseline, ev, variance, slipped, schedule.finish(), baselineFinish, finishVariance, next,
                List.copyOf(kpis), h, List.copyOf(reasons), ev == null ? List.of() : curve(schedule, baseline, statusDate, ev));
    }

    /** The S-curves: from the baseline's start, every week (or every few), through the status date, to the later of the baseline's finish and the status date. */
    private static List<Point> curve(PlanSchedule schedule, Baseline baseline, LocalDateTime statusDate, EarnedValue.Report ev) {
        LocalDateTime from = ev.plan().time().baselineStart();
        LocalDateTime to = ev.plan().time().baselineFinish();
        if (from == null || to == null) {
            return List.of();
        }
        from = from.toLocalDate().atStartOfDay();
        if (statusDate.isAfter(to)) {
            to = statusDate;
        }
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(from, to) + 1;
        long step = Math.max(1, (weeks + CURVE_POINTS - 1) / CURVE_POINTS);
        List<LocalDateTime> dates = new ArrayList<>();
        for (LocalDateTime d = from; ; d = d.plusWeeks(step)) {
            if (d.isAfter(statusDate) && (dates.isEmpty() || dates.get(dates.size() - 1).isBefore(statusDate))) {
                dates.add(statusDate);
            }
            dates.add(d);
            if (!d.isBefore(to)) {
                break;
            }
        }
        List<Point> out = new ArrayList<>();
        List<EarnedValue.Report> series = EarnedValue.series(schedule.plan(), schedule, baseline, statusDate, dates);
        for (EarnedValue.Report r : series) {
            Figures f = r.figures(0);
            boolean known = !r.date().isAfter(statusDate);
            out.add(new Point(r.date(), f.pv(), known ? f.ev() : null, known ? f.ac() : null));
        }
        return out;
    }

    private static Headline headline(Plan plan, PlanSchedule schedule, EarnedValue.Report ev, Double finishVariance, List<String> reasons) {
        Headline h = Headline.ON_TRACK;
        if (finishVariance != null && finishVariance > 1e-9) {
            reasons.add(String.format(Locale.ROOT, "the finish is %s later than the baseline's", days(finishVariance)));
            h = Headline.LATE;
        }
        if (plan.finish() != null && plan.scheduleFrom() != io.planwright.core.model.ScheduleFrom.FINISH && schedule.finish().isAfter(plan.finish())) {
            WorkingTime cal = PlanCalendars.planCalendar(plan);
            double late = cal.workBetween(WorkingTime.minutes(plan.finish()), WorkingTime.minutes(schedule.finish())) / (double) plan.workTime().minutesPerDay();
            reasons.add(String.format(Locale.ROOT, "the finish is %s past the plan's target finish", days(late)));
            h = Headline.LATE;
        }
        if (ev != null) {
            Double spiT = ev.plan().time().spi();
            Double cpi = ev.plan().figures().cpi();
            if (spiT != null && spiT < AT_RISK_INDEX) {
                reasons.add(String.format(Locale.ROOT, "the work done is behind the baseline: SPI(t) %.2f, %s of schedule", spiT,
                        days(ev.plan().time().svDays())));
                h = h == Headline.LATE ? h : Headline.AT_RISK;
            }
            if (cpi != null && cpi < AT_RISK_INDEX) {
                reasons.add(String.format(Locale.ROOT, "the work done cost more than its budget: CPI %.2f", cpi));
                h = h == Headline.LATE ? h : Headline.AT_RISK;
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(ev == null ? "the schedule meets its dates (no baseline to measure progress against)"
                    : "the work done is on schedule and within budget against the baseline");
        }
        return h;
    }

    /** A number of working days in words: "1 working day", "2.5 working days". */
    private static String days(double d) {
        double r = Math.round(Math.abs(d) * 10) / 10.0;
        String n = r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
        return n + (r == 1 ? " working day" : " working days");
    }
}
