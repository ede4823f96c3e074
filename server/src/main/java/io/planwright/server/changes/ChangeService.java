package io.planwright.server.changes;

import io.planwright.core.change.ChangeImpact;
import io.planwright.core.change.PlanMerge;
import io.planwright.core.change.ScopeGuard;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.Baselines;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import io.planwright.server.scenarios.ScenarioService;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Change control: a change request proposes a scenario's changes with their impact (core's {@link ChangeImpact},
 * computed when submitted and again whenever the plan has moved), is decided by the plan's change board (n of
 * m members: owners and stakeholder members), each decision a revision of the history, and once approved is
 * applied as one revision (optionally re-baselined). A rejected request stays on record; so does an approved
 * one that can no longer be applied (its scenario discarded, or the plan changed the same entries since).
 */
@Service
public class ChangeService {

    /** A request as the API and the pages show it. */
    public record ChangeRequestView(long id, String title, String reason, String requester, String objectiveId, Long scenarioId,
                                    List<String> board, int approvalsNeeded, boolean rebaseline, String status,
                                    ChangeImpact.Figures impact, Long impactRevision, LocalDateTime createdAt, LocalDateTime decidedAt,
                                    Long appliedRevision, List<ChangeStore.Decision> decisions) {

        public long approvals() {
            return decisions.stream().filter(d -> d.decision().equals("approve")).count();
        }
    }

    /** What a request is submitted with. */
    public record Submit(String title, String reason, Long scenarioId, String objectiveId, List<String> board, Integer approvals, Boolean rebaseline) {
    }

    private final PlanService plans;
    private final ScenarioService scenarios;
    private final ChangeStore store;
    private final tools.jackson.databind.ObjectMapper json;

    public ChangeService(PlanService plans, ScenarioService scenarios, ChangeStore store, tools.jackson.databind.ObjectMapper json) {
        this.plans = plans;
        this.scenarios = scenarios;
        this.store = store;
        this.json = json;
    }

    public ChangeRequestView submit(long planId, Submit s, String requester) {
        String title = s == null || s.title() == null ? "" : s.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            throw new FieldProblem("title", "title: a change request needs a title of 1 to 300 characters");
        }
        if (s.reason() != null && s.reason().length() > 4000) {
            throw new FieldProblem("reason", "reason: at most 4,000 characters");
        }
        if (s.scenarioId() == null) {
            throw new FieldProblem("scenarioId", "scenarioId: the proposed edits are a scenario of the plan; branch one and edit it first");
        }
        PlanStore.Scenario sc = scenarios.scenarioOf(planId, s.scenarioId());
        PlanState state = plans.current(planId);
        String objective = s.objectiveId() == null || s.objectiveId().isBlank() || s.objectiveId().equals("none") ? null : s.objectiveId();
        if (objective != null && state.plan().objectives().stream().noneMatch(o -> o.id().equals(objective))) {
            throw new FieldProblem("objectiveId", "objectiveId: the plan has no objective '" + objective + "'; name one of "
                    + state.plan().objectives().stream().map(o -> o.id()).toList() + ", or none (scope creep)");
        }
        List<String> board = s.board() == null ? List.of() : List.copyOf(new LinkedHashSet<>(s.board()));
        Set<String> eligible = new HashSet<>();
        for (PlanStore.Member m : plans.members(planId)) {
            if (m.role().equals("owner") || m.role().equals("stakeholder")) {
                eligible.add(m.username());
            }
        }
        if (board.isEmpty()) {
            throw new FieldProblem("board", "board: name the change board, the plan's owners and stakeholder members who decide");
        }
        for (String b : board) {
            if (!eligible.contains(b)) {
                throw new FieldProblem("board", "board: '" + b + "' is not an owner or a stakeholder member of the plan; the board may be " + eligible);
            }
        }
        int n = s.approvals() == null ? board.size() : s.approvals();
        if (n < 1 || n > board.size()) {
            throw new FieldProblem("approvals", "approvals: from 1 to " + board.size() + " (the board's size)");
        }
        ChangeImpact.Figures impact = impact(planId, state, sc);
        long id = store.create(planId, sc.id(), title, s.reason(), requester, objective, board, n, Boolean.TRUE.equals(s.rebaseline()),
                json.writeValueAsString(impact), state.revision(), LocalDateTime.now());
        return view(planId, id);
    }

    /** The plan with the scenario's changes merged in as the plan is now, against the plan now. */
    private ChangeImpact.Figures impact(long planId, PlanState state, PlanStore.Scenario sc) {
        Plan proposed = proposal(planId, state, sc).plan();
        PlanSchedule ps = plans.schedule(state);
        return ChangeImpact.of(state.plan(), ps, proposed, PlanScheduler.schedule(proposed));
    }

    private PlanMerge.Result proposal(long planId, PlanState state, PlanStore.Scenario sc) {
        PlanState base = plans.at(planId, sc.baseRevision()).orElseThrow(() -> new NotFound("revision " + sc.baseRevision() + " of plan " + planId));
        PlanState scenario = plans.current(sc.id());
        return PlanMerge.merge(base.plan(), state.plan(), scenario.plan(), null);
    }

    public List<ChangeRequestView> list(long planId) {
        return store.list(planId).stream().map(r -> view(planId, r.id())).toList();
    }

    /** One request; its impact recomputed when the plan moved since (while it is still to be applied). */
    public ChangeRequestView view(long planId, long id) {
        ChangeStore.Stored r = store.find(planId, id).orElseThrow(() -> new NotFound("change request " + id + " of plan " + planId));
        PlanState state = plans.current(planId);
        String impactJson = r.impactJson();
        Long at = r.impactRevision();
        if ((r.status().equals("submitted") || r.status().equals("approved")) && at != null && at != state.revision() && r.scenarioId() != null) {
            var sc = plans.scenario(r.scenarioId()).filter(x -> x.basePlanId() == planId);
            if (sc.isPresent()) {
                impactJson = json.writeValueAsString(impact(planId, state, sc.get()));
                at = state.revision();
                store.impact(id, impactJson, at);
            }
        }
        ChangeImpact.Figures impact = impactJson == null ? null : json.readValue(impactJson, ChangeImpact.Figures.class);
        return new ChangeRequestView(r.id(), r.title(), r.reason(), r.requester(), r.objectiveId(), r.scenarioId(), r.board(), r.approvalsNeeded(),
                r.rebaseline(), r.status(), impact, at, r.createdAt(), r.decidedAt(), r.appliedRevision(), store.decisions(id));
    }

    /**
     * A board member's decision, a revision of the history; at n approvals the request is applied, at a rejection
     * it is rejected. Not on the board: 403; decided already or no longer open: 409; nothing changed.
     */
    public ChangeRequestView decide(long planId, long id, String username, Long userId, String decision, String comment) {
        ChangeStore.Stored r = store.find(planId, id).orElseThrow(() -> new NotFound("change request " + id + " of plan " + planId));
        if (!r.board().contains(username)) {
            throw new AccessDeniedException("only the change board decides change request #" + id + ": " + String.join(", ", r.board()));
        }
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new FieldProblem("decision", "decision: approve or reject");
        }
        if (comment != null && comment.length() > 2000) {
            throw new FieldProblem("comment", "comment: at most 2,000 characters");
        }
        if (!r.status().equals("submitted")) {
            throw new EntryExists("change request #" + id + " is " + r.status() + " already");
        }
        String action = "change request #" + id + " '" + r.title() + "' " + (decision.equals("approve") ? "approved" : "rejected") + " by " + username
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        LocalDateTime now = LocalDateTime.now();
        plans.note(planId, userId, action, "change-request", Long.toString(id), null, revision -> {
            if (!store.decide(id, username, decision, comment, now, revision)) {
                throw new EntryExists(username + " decided change request #" + id + " already");
            }
        });
        if (decision.equals("reject")) {
            store.status(id, "rejected", now);
            return view(planId, id);
        }
        long approvals = store.decisions(id).stream().filter(d -> d.decision().equals("approve")).count();
        if (approvals >= r.approvalsNeeded()) {
            store.status(id, "approved", now);
            apply(planId, id, userId);
        }
        return view(planId, id);
    }

    /** Applies an approved request as one revision (re-baselined when it says so); 409 when it no longer applies. */
    public ChangeRequestView apply(long planId, long id, Long userId) {
        ChangeStore.Stored r = store.find(planId, id).orElseThrow(() -> new NotFound("change request " + id + " of plan " + planId));
        if (!r.status().equals("approved")) {
            throw new EntryExists("change request #" + id + " is " + r.status() + ": only an approved request is applied");
        }
        PlanStore.Scenario sc = r.scenarioId() == null ? null : plans.scenario(r.scenarioId()).filter(x -> x.basePlanId() == planId).orElse(null);
        if (sc == null) {
            throw new EntryExists("change request #" + id + " is approved but its scenario no longer exists: nothing was changed; submit it again");
        }
        PlanState state = plans.current(planId);
        PlanMerge.Result merged = proposal(planId, state, sc);
        if (!merged.conflicts().isEmpty()) {
            throw new EntryExists("change request #" + id + " is approved but no longer applies: the plan changed "
                    + merged.conflicts().stream().map(PlanMerge.Conflict::key).toList() + " since its scenario was branched; nothing was changed");
        }
        Set<String> before = new HashSet<>();
        state.plan().tasks().forEach(t -> before.add(t.id()));
        List<String> added = new ArrayList<>();
        merged.plan().tasks().forEach(t -> {
            if (!before.contains(t.id())) {
                added.add(t.id());
            }
        });
        LocalDateTime now = LocalDateTime.now();
        PlanState after = plans.edit(planId, state.revision(), userId, "apply change request #" + id + " '" + r.title() + "'"
                + (r.rebaseline() ? " and re-baseline" : ""), p -> {
            Plan next = merged.plan();
            if (r.rebaseline()) {
                String name = Baselines.find(next, Baselines.MAIN).map(b -> b.name()).orElse(null);
                next = Baselines.save(next, Baselines.capture(next, PlanScheduler.schedule(next), Baselines.MAIN, name,
                        now.withSecond(0).withNano(0)));
            }
            return next;
        });
        store.applied(id, after.revision(), added, now);
        return view(planId, id);
    }

    /** The scope guard of the plan as it is now: work added after the baseline outside applied requests. */
    public ScopeGuard.Report scopeGuard(long planId, PlanState state) {
        return ScopeGuard.of(state.plan(), plans.schedule(state), store.appliedTasks(planId));
    }

    /** Change control for a status report: the scope guard and every request as stored (impacts not recomputed). */
    public io.planwright.core.report.StatusReport.ChangeControl reportControl(long planId, PlanState state) {
        List<io.planwright.core.report.StatusReport.LogEntry> log = new ArrayList<>();
        for (ChangeStore.Stored r : store.list(planId)) {
            ChangeImpact.Figures f = r.impactJson() == null ? null : json.readValue(r.impactJson(), ChangeImpact.Figures.class);
            log.add(new io.planwright.core.report.StatusReport.LogEntry(r.id(), r.title(), r.status(), r.objectiveId(),
                    f == null ? null : f.finishBefore(), f == null ? null : f.finishAfter(), r.appliedRevision()));
        }
        return new io.planwright.core.report.StatusReport.ChangeControl(scopeGuard(planId, state), log);
    }

    /** The change log as CSV: every request with its decision, impact and the revision that applied it. */
    public String csv(long planId) {
        StringBuilder b = new StringBuilder("id,title,requester,objective,status,approvals,needed,finish_before,finish_after,cost_before,cost_after,"
                + "p80_before,p80_after,deadlines_missed,applied_revision,decisions\n");
        for (ChangeRequestView v : list(planId)) {
            ChangeImpact.Figures f = v.impact();
            List<String> decided = v.decisions().stream().map(d -> d.approver() + " " + d.decision() + (d.comment() == null ? "" : ": " + d.comment())).toList();
            b.append(v.id()).append(',').append(cell(v.title())).append(',').append(cell(v.requester())).append(',')
                    .append(cell(v.objectiveId() == null ? "none (scope creep)" : v.objectiveId())).append(',').append(v.status()).append(',')
                    .append(v.approvals()).append(',').append(v.approvalsNeeded()).append(',')
                    .append(f == null ? "" : f.finishBefore()).append(',').append(f == null ? "" : f.finishAfter()).append(',')
                    .append(f == null ? "" : Math.round(f.costBefore() * 100) / 100.0).append(',').append(f == null ? "" : Math.round(f.costAfter() * 100) / 100.0).append(',')
                    .append(f == null ? "" : f.p80Before()).append(',').append(f == null ? "" : f.p80After()).append(',')
                    .append(f == null ? "" : f.deadlinesMissed().size()).append(',')
                    .append(v.appliedRevision() == null ? "" : v.appliedRevision()).append(',').append(cell(String.join("; ", decided))).append('\n');
        }
        return b.toString();
    }

    private static String cell(String s) {
        return io.planwright.formats.schedule.ScheduleCsv.field(s);
    }
}
