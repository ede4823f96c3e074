package io.planwright.core.report;

import io.planwright.core.change.PlanDiff;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Task;
import io.planwright.core.overview.PlanOverview;
import io.planwright.core.risk.RiskScore;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.Figures;
import io.planwright.core.track.ForecastTrend;
import io.planwright.core.track.KpiTrend;
import io.planwright.core.track.ProjectStatus;
import io.planwright.core.track.Variance;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a status report of a plan at a date says, before anyone decides how it looks: the headline and why
 * (core's {@link ProjectStatus}), progress and earned value against the baseline, the milestones done and
 * next, what changed since the previous report, the top risks and how they moved, the KPIs' trends, the
 * decisions waiting, the series the charts draw, the slipped tasks and the team's tasks. Every face (the
 * CLI's {@code report}, the server's Reports page and the communication plan's e-mails) renders this one
 * model; {@link #sections()} says which parts the reader sees.
 *
 * @param baselineName the baseline measured against (null: none, no earned value)
 * @param progress     the finish and the earned value against the baseline
 * @param changes      since the previous report, or {@link Changes#none()} when there is none
 * @param waiting      decisions and approvals waiting, as the caller supplies them
 * @param trend        the forecast finish by status date, as the caller supplies it (empty: no chart)
 * @param curve        the S-curves (PV, EV, AC); empty without a baseline
 * @param tasks        the team's tasks: overdue first, then this week's and next week's
 */
public record StatusReport(String planName, String currency, LocalDateTime asOf, String baselineName, ProjectStatus.Headline headline,
                           List<String> reasons, Progress progress, Milestones milestones, Changes changes, Risks risks,
                           List<KpiTrend.Trend> kpis, List<Waiting> waiting, List<ForecastTrend.Point> trend, List<ProjectStatus.Point> curve,
                           List<Variance.Line> slipped, List<TeamTask> tasks, Set<Section> sections, ChangeControl changeControl) {

    /** How many risks a report lists unless its audience says fewer. */
    public static final int TOP_RISKS = 5;
    /** How many milestones ahead a report lists. */
    public static final int NEXT_MILESTONES = 5;
    /** How far back milestones count as done when there is no previous report. */
    public static final int DONE_DAYS = 30;

    public StatusReport {
        reasons = List.copyOf(reasons);
        kpis = List.copyOf(kpis);
        waiting = List.copyOf(waiting);
        trend = List.copyOf(trend);
        curve = List.copyOf(curve);
        slipped = List.copyOf(slipped);
        tasks = List.copyOf(tasks);
        sections = sections.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(sections));
    }

    /** Whether the reader sees that section. */
    public boolean shows(Section s) {
        return sections.contains(s);
    }

    /**
     * A decision or approval waiting for someone, as the caller knows it (change requests, sign-offs).
     *
     * @param kind  what sort of decision: "approval", "change request"
     * @param who   who has to decide (null: not named)
     * @param since waiting since (null: not known)
     */
    public record Waiting(String kind, String what, String who, LocalDateTime since) {
    }

    /**
     * The finish and the earned value against the baseline.
     *
     * @param finishVarianceDays the finish against the baseline's in working days (positive: later), or null
     * @param figures            PV, EV, AC and BAC of the plan (null without a baseline)
     * @param spiT               SPI(t) of earned schedule (null when not defined)
     * @param svDays             SV(t) in working days (negative: behind)
     * @param ieacFinish         the finish earned schedule forecasts
     */
    public record Progress(LocalDateTime finish, LocalDateTime baselineFinish, Double finishVarianceDays, Figures figures, Double spiT,
                           Double svDays, LocalDateTime ieacFinish, int tasksDone, int tasks) {
    }

    /** A milestone with its (forecast or actual) finish and the baseline's, and the variance in working days. */
    public record Milestone(String id, String name, LocalDateTime finish, LocalDateTime baselineFinish, Double varianceDays) {
    }

    /** @param since milestones done after this moment count as done (the previous report's status date, or 30 days back) */
    public record Milestones(LocalDateTime since, List<Milestone> done, List<Milestone> next) {
    }

    /** An entry by its id and name. */
    public record Named(String id, String name) {
    }

    /**
     * What changed since the previous report.
     *
     * @param first              no previous report: nothing to compare
     * @param previousStatusDate the previous report's status date (null: the previous plan had none)
     * @param impact             the finish, the cost, the critical path, slipped tasks, work added and removed
     * @param finishMovedDays    working days the finish moved (positive: later), or null
     */
    public record Changes(boolean first, LocalDateTime previousStatusDate, PlanDiff.Impact impact, Double finishMovedDays,
                          List<Named> criticalAdded, List<Named> criticalRemoved, List<Named> tasksAdded, List<Named> tasksRemoved,
                          long tasksChanged, long risksAdded, long risksChanged, long risksRemoved) {

        public static Changes none() {
            return new Changes(true, null, null, null, List.of(), List.of(), List.of(), List.of(), 0, 0, 0, 0);
        }
    }

    /** How a risk moved since the previous report. */
    public enum RiskChange {
        NEW("new"), UP("score up"), DOWN("score down"), SAME("unchanged"), CLOSED("closed");

        private final String words;

        RiskChange(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One risk of the report.
     *
     * @param change        how it moved since the previous report (null: first report)
     * @param previousScore its score in the previous report (null: it was not there)
     */
    public record RiskLine(String id, String title, String owner, double probability, int impactLevel, int score, RiskScore.Band band,
                           RiskStatus status, String response, RiskChange change, Integer previousScore) {
    }

    /**
     * The risks: the open ones by score, those closed since the previous report, and the heat map.
     *
     * @param heat open risks per cell: {@code heat.get(p - 1).get(i - 1)} for probability level p and impact level i
     */
    public record Risks(List<RiskLine> top, List<RiskLine> closed, int open, List<List<Integer>> heat) {
    }

    /** When a team task falls. */
    public enum When {
        OVERDUE("overdue"), THIS_WEEK("this week"), NEXT_WEEK("next week");

        private final String words;

        When(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A task for the team: unfinished, overdue or in this week or the next, with who works on it. */
    public record TeamTask(String id, String name, LocalDateTime start, LocalDateTime finish, double percentComplete, List<String> who,
                           When when, boolean critical) {
    }

    /** A report with the top {@value #TOP_RISKS} risks. */
    public static StatusReport of(PlanSchedule schedule, String baselineIdOrNull, LocalDateTime asOf, PlanSchedule previousOrNull,
                                  Set<Section> sections, List<Waiting> waiting, List<ForecastTrend.Point> trend) {
        return of(schedule, baselineIdOrNull, asOf, previousOrNull, sections, TOP_RISKS, waiting, trend);
    }

    /**
     * The report of a scheduled plan at {@code asOf} (null: its status date, else its start) against a baseline
     * (id or name; null: the main one), compared with the plan of the previous report (null: a first report).
     *
     * @throws ProjectStatus.UnknownBaseline when the plan has no baseline of that id or name
     */
    public static StatusReport of(PlanSchedule schedule, String baselineIdOrNull, LocalDateTime asOf, PlanSchedule previousOrNull,
                                  Set<Section> sections, int topRisks, List<Waiting> waiting, List<ForecastTrend.Point> trend) {
        Plan plan = schedule.plan();
        LocalDateTime date = asOf != null ? asOf : PlanOverview.asOf(plan, schedule);
        ProjectStatus status = ProjectStatus.of(schedule, baselineIdOrNull, date, date.toLocalDate());
        Map<String, Variance.Line> variance = new HashMap<>();
        status.variance().forEach(l -> {
            if (l.id() != null) {
                variance.put(l.id(), l);
            }
        });
        LocalDateTime since = previousOrNull != null && previousOrNull.plan().statusDate() != null
                && previousOrNull.plan().statusDate().isBefore(date) ? previousOrNull.plan().statusDate() : date.minusDays(DONE_DAYS);
        return new StatusReport(plan.name(), plan.currency(), date, status.baseline() == null ? null : status.baseline().name(),
                status.headline(), status.reasons(), progress(schedule, status), milestones(schedule, status, variance, since),
                previousOrNull == null ? Changes.none() : changes(previousOrNull, schedule),
                risks(plan, previousOrNull == null ? null : previousOrNull.plan(), topRisks), status.kpis(),
                waiting == null ? List.of() : waiting, trend == null ? List.of() : trend, status.curve(), status.slipped(),
                tasks(schedule, date), sections, null);
    }

    /**
     * Change control for the Changes section: the scope guard (work added since the baseline outside an approved
     * change request) and the change log (every request, its decision and impact). Null where the caller has none.
     */
    public record ChangeControl(io.planwright.core.change.ScopeGuard.Report scope, List<LogEntry> log) {
    }

    /** One change request: its number, title, decision, the objective it serves (null: none), the finish it moves, the revision that applied it. */
    public record LogEntry(long id, String title, String status, String objective, LocalDateTime finishBefore, LocalDateTime finishAfter,
                           Long appliedRevision) {
    }

    /** The same report with change control (the server's change requests) in its Changes section. */
    public StatusReport withChangeControl(ChangeControl c) {
        return new StatusReport(planName, currency, asOf, baselineName, headline, reasons, progress, milestones, changes, risks, kpis, waiting,
                trend, curve, slipped, tasks, sections, c);
    }

    private static Progress progress(PlanSchedule schedule, ProjectStatus s) {
        int done = 0;
        int all = 0;
        for (ScheduledTask t : schedule.tasks()) {
            if (t.type() != ScheduledTask.Kind.SUMMARY) {
                all++;
                done += t.done() ? 1 : 0;
            }
        }
        EarnedValue.Entry p = s.earnedValue() == null ? null : s.earnedValue().plan();
        return new Progress(s.finish(), s.baselineFinish(), s.finishVarianceDays(), p == null ? null : p.figures(),
                p == null ? null : p.time().spi(), p == null ? null : p.time().svDays(), p == null ? null : p.time().forecastFinish(), done, all);
    }

    private static Milestones milestones(PlanSchedule schedule, ProjectStatus s, Map<String, Variance.Line> variance, LocalDateTime since) {
        List<Milestone> done = schedule.tasks().stream()
                .filter(t -> t.type() == ScheduledTask.Kind.MILESTONE && t.done() && t.finish().isAfter(since) && !t.finish().isAfter(s.statusDate()))
                .sorted(Comparator.comparing(ScheduledTask::finish)).map(t -> milestone(t, variance)).toList();
        List<Milestone> next = s.nextMilestones().stream().limit(NEXT_MILESTONES).map(t -> milestone(t, variance)).toList();
        return new Milestones(since, done, next);
    }

    private static Milestone milestone(ScheduledTask t, Map<String, Variance.Line> variance) {
        Variance.Line l = variance.get(t.id());
        return new Milestone(t.id(), t.name(), t.finish(), l == null ? null : l.baselineFinish(), l == null ? null : l.finishDays());
    }

    private static Changes changes(PlanSchedule before, PlanSchedule after) {
        PlanDiff.Result diff = PlanDiff.of(before.plan(), after.plan(), before, after);
        PlanDiff.Impact impact = diff.impact();
        Double moved = impact.finishBefore() == null || impact.finishAfter() == null ? null
                : PlanOverview.workingDaysBetween(after.plan(), impact.finishBefore(), impact.finishAfter());
        List<Named> added = diff.entries().stream().filter(e -> e.section().equals("tasks") && e.kind() == PlanDiff.Kind.ADDED)
                .map(e -> new Named(e.id(), e.name())).toList();
        List<Named> removed = diff.entries().stream().filter(e -> e.section().equals("tasks") && e.kind() == PlanDiff.Kind.REMOVED)
                .map(e -> new Named(e.id(), e.name())).toList();
        return new Changes(false, before.plan().statusDate(), impact, moved, named(after, impact.criticalAdded()),
                named(before, impact.criticalRemoved()), added, removed,
                diff.count("tasks", PlanDiff.Kind.CHANGED) + diff.count("tasks", PlanDiff.Kind.MOVED),
                diff.count("risks", PlanDiff.Kind.ADDED), diff.count("risks", PlanDiff.Kind.CHANGED), diff.count("risks", PlanDiff.Kind.REMOVED));
    }

    private static List<Named> named(PlanSchedule schedule, List<String> ids) {
        return ids.stream().map(id -> new Named(id, schedule.task(id).map(ScheduledTask::name).orElse(id))).toList();
    }

    private static Risks risks(Plan plan, Plan previous, int count) {
        Map<String, Risk> before = new HashMap<>();
        if (previous != null) {
            previous.risks().forEach(r -> before.putIfAbsent(r.id(), r));
        }
        List<RiskLine> top = RiskScore.top(plan, Math.max(0, count)).stream().map(r -> line(r, previous == null ? null : before.get(r.id()), previous != null))
                .toList();
        List<RiskLine> closed = new ArrayList<>();
        if (previous != null) {
            Map<String, Risk> now = new HashMap<>();
            plan.risks().forEach(r -> now.putIfAbsent(r.id(), r));
            for (Risk was : previous.risks()) {
                Risk is = now.get(was.id());
                if (was.status() != RiskStatus.CLOSED && (is == null || is.status() == RiskStatus.CLOSED)) {
                    Risk shown = is == null ? was : is;
                    closed.add(new RiskLine(shown.id(), shown.title(), shown.owner(), shown.probability(), RiskScore.impactLevel(shown),
                            RiskScore.of(shown), RiskScore.band(RiskScore.of(shown)), RiskStatus.CLOSED, response(shown), RiskChange.CLOSED,
                            RiskScore.of(was)));
                }
            }
        }
        List<List<Integer>> heat = new ArrayList<>();
        int open = 0;
        for (int p = 1; p <= 5; p++) {
            List<Integer> row = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int n = RiskScore.at(plan, p, i).size();
                row.add(n);
                open += n;
            }
            heat.add(List.copyOf(row));
        }
        return new Risks(top, List.copyOf(closed), open, List.copyOf(heat));
    }

    private static RiskLine line(Risk r, Risk was, boolean compared) {
        int score = RiskScore.of(r);
        Integer before = was == null || was.status() == RiskStatus.CLOSED ? null : RiskScore.of(was);
        RiskChange change = !compared ? null : before == null ? RiskChange.NEW : score > before ? RiskChange.UP
                : score < before ? RiskChange.DOWN : RiskChange.SAME;
        return new RiskLine(r.id(), r.title(), r.owner(), r.probability(), RiskScore.impactLevel(r), score, RiskScore.band(score), r.status(),
                response(r), change, before);
    }

    private static String response(Risk r) {
        return r.response() == null ? null : r.response().name().toLowerCase(Locale.ROOT);
    }

    /** Unfinished tasks (not phases) overdue at the date or under way in its week or the next, overdue first, then by finish. */
    private static List<TeamTask> tasks(PlanSchedule schedule, LocalDateTime date) {
        Plan plan = schedule.plan();
        LocalDateTime week = date.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
        LocalDateTime nextWeek = week.plusWeeks(1);
        LocalDateTime after = week.plusWeeks(2);
        List<TeamTask> out = new ArrayList<>();
        for (ScheduledTask t : schedule.tasks()) {
            if (t.type() == ScheduledTask.Kind.SUMMARY || t.done()) {
                continue;
            }
            When when = !t.finish().isAfter(date) ? When.OVERDUE : t.start().isBefore(nextWeek) ? When.THIS_WEEK
                    : t.start().isBefore(after) ? When.NEXT_WEEK : null;
            if (when == null) {
                continue;
            }
            Task task = plan.task(t.id()).orElse(null);
            List<String> who = task == null ? List.of() : task.assignments().stream().map(Assignment::resourceId)
                    .map(id -> plan.resource(id).map(Resource::name).orElse(id)).distinct().toList();
            out.add(new TeamTask(t.id(), t.name(), t.start(), t.finish(), task == null ? 0 : task.percentComplete(), who, when, t.critical()));
        }
        out.sort(Comparator.comparing(TeamTask::when).thenComparing(TeamTask::finish));
        return out;
    }
}
