package io.planwright.server.reports;

import io.planwright.core.calendar.Moments;
import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.Sections;
import io.planwright.core.report.StatusReport;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.track.ProjectStatus;
import io.planwright.formats.report.ReportRenderer;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import io.planwright.server.track.ForecastTrends;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A plan's status report as the server makes it: core's {@link StatusReport} with the decisions waiting, the
 * forecast trend from the history and the previous report's plan, rendered by formats' {@link ReportRenderer}.
 *
 * <p>The previous report's plan, for "changes since the last report": the plan at the revision the last sent
 * report was made from, when {@link SentReports} knows it; else the plan as it stood at its previous status
 * date (the last revision before the status date last changed); else none, and the report is a first one.
 */
@Service
public class ReportService {

    /** How far back the history is read for the previous status date. */
    static final int HISTORY = 500;

    private final PlanService plans;
    private final SentReports sent;
    private final WaitingDecisions decisions;
    private final ForecastTrends trends;
    private final io.planwright.server.changes.ChangeService changes;
    private final ReportRenderer renderer = new ReportRenderer();

    public ReportService(PlanService plans, SentReports sent, WaitingDecisions decisions, ForecastTrends trends,
                         io.planwright.server.changes.ChangeService changes) {
        this.changes = changes;
        this.plans = plans;
        this.sent = sent;
        this.decisions = decisions;
        this.trends = trends;
    }

    /** What a report is asked for: the date, the baseline, the audience and the sections (null: the audience's), from a request. */
    public record Request(LocalDateTime asOf, String baseline, Audience audience, Set<Section> sections) {

        /** Reads a request's parameters; a bad one is a problem at that field. */
        public static Request of(String asOf, String baseline, String audience, String sections) {
            LocalDateTime date = null;
            if (asOf != null && !asOf.isBlank()) {
                date = Moments.parse(asOf, Moments.Edge.FINISH);
                if (date == null) {
                    throw new FieldProblem("asOf", "asOf: '" + asOf + "' is not a date; write 2026-03-13 (the end of that day) or 2026-03-13T12:00");
                }
            }
            Audience a;
            try {
                a = Audience.parse(audience);
            } catch (Audience.UnknownAudience e) {
                throw new FieldProblem("audience", "audience: " + e.getMessage());
            }
            Set<Section> s = null;
            if (sections != null && !sections.isBlank()) {
                try {
                    s = Sections.parse(sections);
                } catch (Sections.UnknownSection e) {
                    throw new FieldProblem("sections", "sections: " + e.getMessage());
                }
            }
            return new Request(date, baseline == null || baseline.isBlank() ? null : baseline, a, s);
        }

        public Set<Section> shown() {
            return sections != null ? sections : audience.sections();
        }
    }

    public ReportRenderer renderer() {
        return renderer;
    }

    /** The report of the plan's current revision. */
    public StatusReport report(long planId, PlanState state, Request request) {
        PlanSchedule schedule = plans.schedule(state);
        LocalDateTime date = request.asOf() != null ? request.asOf() : state.plan().statusDate() != null ? state.plan().statusDate()
                : Moments.of(LocalDate.now(), Moments.Edge.FINISH);
        PlanState previous = previous(planId, state);
        Set<Section> shown = request.shown();
        try {
            StatusReport report = StatusReport.of(schedule, request.baseline(), date, previous == null ? null : plans.schedule(previous), shown,
                    request.sections() == null ? request.audience().topRisks() : StatusReport.TOP_RISKS,
                    shown.contains(Section.DECISIONS) ? decisions.waiting(planId) : List.of(),
                    shown.contains(Section.CHARTS) ? trends.of(planId, state) : List.of());
            // what changed includes how: the scope guard and the change log
            return shown.contains(Section.CHANGES) ? report.withChangeControl(changes.reportControl(planId, state)) : report;
        } catch (ProjectStatus.UnknownBaseline e) {
            throw new NotFound("baseline '" + request.baseline() + "'");
        }
    }

    /** The reports sent, newest first. */
    public List<SentReports.SentReport> sent(long planId, int limit) {
        return sent.sent(planId, limit);
    }

    /** The previous report's plan, by the rule above; null when there is none. */
    PlanState previous(long planId, PlanState current) {
        Long revision = sent.sent(planId, 1).stream().map(SentReports.SentReport::revision).filter(r -> r != null && r < current.revision())
                .findFirst().orElse(null);
        if (revision == null) {
            revision = plans.revisionsBeforeStatusDateChanges(planId, HISTORY).stream().filter(r -> r < current.revision()).findFirst().orElse(null);
        }
        if (revision == null) {
            return null;
        }
        PlanState at = plans.at(planId, revision).orElse(null);
        try {
            if (at != null) {
                plans.schedule(at);
            }
            return at;
        } catch (RuntimeException e) {
            return null; // a revision that cannot be scheduled is no report to compare with
        }
    }
}
