package io.planwright.server.plans;

import io.planwright.core.change.PlanDiff;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Plan;
import io.planwright.core.overview.PlanOverview;
import io.planwright.core.risk.RiskScore;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.server.accounts.Account;
import io.planwright.server.shared.NotFound;
import io.planwright.server.web.Charts;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plans' own pages: the portfolio, and for each plan its dashboard, history and members. The other
 * pages of a plan are their features' (schedule, risks, stakeholders, objectives); all render in the
 * {@link PageFrame}. Pages are rendered from the plan and its schedule; changes go through the REST API
 * (from the pages' scripts, with the session and its CSRF token). Every page checks the caller's role in
 * the plan.
 */
@Controller
@ErrorPages
public class PlanPages {

    private final PlanService plans;
    private final PageFrame frame;
    private final FeedbackRecords feedback;
    private final AppliedChanges applied;

    public PlanPages(PlanService plans, PageFrame frame, FeedbackRecords feedback, AppliedChanges applied) {
        this.applied = applied;
        this.plans = plans;
        this.frame = frame;
        this.feedback = feedback;
    }

    /** An approval waiting, as the dashboard lists it. */
    public record WaitingApproval(String item, String approver, LocalDateTime since) {
    }

    @GetMapping("/")
    public String portfolio(Model model, HttpServletRequest request) {
        Account me = frame.account();
        frame.common(model, request, null);
        List<PortfolioRow> rows = new ArrayList<>();
        for (PlanStore.Summary s : plans.plansOf(me.id(), me.admin())) {
            PlanState state = plans.current(s.id());
            rows.add(PortfolioRow.of(s.id(), s.role() == null ? "owner" : s.role(), s.revision(), s.updatedAt(), state.plan(),
                    frame.scheduleOrNull(state), plans.problems(state)));
        }
        model.addAttribute("rows", rows);
        return "plans/plans";
    }

    @GetMapping("/plans/{planId}")
    public String dashboard(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.commonForStakeholders(model, request, planId);
        model.addAttribute("page", "dashboard");
        Plan plan = state.plan();
        PlanSchedule schedule = frame.scheduleOrNull(state);
        model.addAttribute("schedule", schedule);
        LocalDateTime from = PlanOverview.asOf(plan, schedule);
        model.addAttribute("from", from);
        List<PlanOverview.KpiStatus> kpis = PlanOverview.kpis(plan);
        model.addAttribute("kpis", kpis);
        model.addAttribute("topRisks", RiskScore.top(plan, 5));
        model.addAttribute("problems", frame.problems(state).stream().limit(50).toList());
        if (schedule != null) {
            Map<String, Double> costs = Costs.taskCosts(plan, schedule);
            model.addAttribute("milestones", PlanOverview.nextMilestones(schedule, from, 6));
            model.addAttribute("critical", PlanOverview.criticalAhead(schedule, from, 8));
            model.addAttribute("floatDays", PlanOverview.finishFloatDays(plan, schedule));
            model.addAttribute("forecast", Costs.total(costs));
            model.addAttribute("budget", Costs.budget(plan));
            List<Costs.PhaseCost> phases = Costs.phaseCosts(plan, costs);
            model.addAttribute("phases", phases);
            model.addAttribute("costChart", Charts.phaseCosts(phases));
            model.addAttribute("status", io.planwright.core.track.ProjectStatus.of(schedule, null, null, java.time.LocalDate.now()));
        } else {
            model.addAttribute("milestones", List.of());
            model.addAttribute("critical", List.of());
        }
        Map<String, String> parties = io.planwright.core.stakeholders.Raci.partyNames(plan);
        model.addAttribute("waitingApprovals", feedback.approvals(planId).stream().filter(FeedbackStore.Approval::waiting).map(a -> {
            io.planwright.core.stakeholders.SignOff.Item item = io.planwright.core.stakeholders.SignOff.item(plan, a.itemId());
            return new WaitingApproval(item == null ? a.itemId() : item.name(), parties.getOrDefault(a.approver(), a.approver()), a.requestedAt());
        }).toList());
        List<FeedbackStore.Approval> approvals = feedback.approvals(planId);
        Map<String, String> signOff = new java.util.HashMap<>();
        for (io.planwright.core.stakeholders.SignOff.Item i : io.planwright.core.stakeholders.SignOff.items(plan)) {
            signOff.put(i.id(), io.planwright.core.stakeholders.SignOff.state(true, i.approvers(), approvals.stream().filter(a -> a.itemId().equals(i.id())
                    && !a.waiting()).map(a -> new io.planwright.core.stakeholders.SignOff.Decision(a.approver(), "approved".equals(a.decision()),
                    a.decidedAt(), a.comment())).toList()).text());
        }
        model.addAttribute("signOffStates", signOff);
        model.addAttribute("kpiChart", Charts.kpis(kpis));
        model.addAttribute("kpiMeasured", kpis.stream().filter(k -> k.progress() != null).count());
        model.addAttribute("kpiMoved", kpis.stream().filter(k -> k.progress() != null && k.progress() > 0).count());
        model.addAttribute("scope", schedule == null ? null : io.planwright.core.change.ScopeGuard.of(plan, schedule, applied.tasks(planId)));
        return "plans/dashboard";
    }

    /**
     * The history: every revision, newest first; the plan at one revision ({@code at}); what one revision
     * changed, field by field ({@code change}); and what moved since a date or revision ({@code since}): the
     * finish, the critical path, the tasks that slipped, the work added and removed, each entry field by field.
     */
    @GetMapping("/plans/{planId}/history")
    public String history(@PathVariable long planId, @RequestParam(required = false) Long at, @RequestParam(required = false) Long change,
                          @RequestParam(required = false) String since, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "history");
        List<PlanStore.Revision> history = plans.history(planId, 200, false);
        model.addAttribute("history", history);
        model.addAttribute("since", since);
        if (change != null) {
            PlanState after = plans.at(planId, change).orElseThrow(() -> new NotFound("revision " + change + " of plan " + planId));
            PlanState before = change > 1 ? plans.at(planId, change - 1).orElse(null) : null;
            model.addAttribute("change", change);
            model.addAttribute("diff", before == null ? null : diff(before, after));
        }
        if (since != null && !since.isBlank()) {
            Long from = sinceRevision(since.trim(), history, state.revision());
            if (from == null) {
                model.addAttribute("sinceProblem", "'" + since.trim() + "' is neither a revision (1 to " + state.revision()
                        + ") nor a date such as 2026-03-01 on or after the plan's first revision");
            } else {
                PlanState then = plans.at(planId, from).orElseThrow(() -> new NotFound("revision " + from + " of plan " + planId));
                model.addAttribute("sinceRevision", from);
                model.addAttribute("sinceDiff", diff(then, state));
            }
        }
        if (at != null) {
            PlanState then = plans.at(planId, at).orElseThrow(() -> new NotFound("revision " + at + " of plan " + planId));
            model.addAttribute("at", at);
            model.addAttribute("then", then.plan());
            PlanSchedule s = frame.scheduleOrNull(then);
            model.addAttribute("thenSchedule", s == null ? List.of() : s.tasks());
            model.addAttribute("thenFinish", s == null ? null : s.finish());
            PlanSchedule now = frame.scheduleOrNull(state);
            model.addAttribute("nowFinish", now == null ? null : now.finish());
        }
        return "plans/history";
    }

    private PlanDiff.Result diff(PlanState before, PlanState after) {
        return PlanDiff.of(before.plan(), after.plan(), frame.scheduleOrNull(before), frame.scheduleOrNull(after));
    }

    /** A revision number, or a date: the plan as it was at the end of that day (its last revision by then). */
    static Long sinceRevision(String text, List<PlanStore.Revision> history, long current) {
        if (text.matches("\\d{1,12}")) {
            long r = Long.parseLong(text);
            return r >= 1 && r <= current ? r : null;
        }
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        java.time.LocalDateTime end = day.plusDays(1).atStartOfDay();
        for (PlanStore.Revision r : history) { // newest first
            if (r.changedAt().isBefore(end)) {
                return r.revision();
            }
        }
        return null;
    }

    @GetMapping("/plans/{planId}/members")
    public String members(@PathVariable long planId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        model.addAttribute("page", "members");
        model.addAttribute("members", plans.members(planId));
        return "plans/members";
    }
}
