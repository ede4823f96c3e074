package io.planwright.server.feedback;

import io.planwright.core.model.Plan;
import io.planwright.core.stakeholders.Raci;
import io.planwright.core.stakeholders.SignOff;
import io.planwright.server.plans.FeedbackRecords;
import io.planwright.server.plans.FeedbackStore.Approval;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sign-off: an owner or editor asks the approvers of a deliverable or milestone (core's {@link SignOff}:
 * those named, else the Accountable) for their approval; each approver gets a request in the application
 * (the member linked to them) and a signed link usable without an account; each decision is a revision of
 * the plan's history ("approved by ...: comment"); an item counts as accepted only when every approver approved.
 */
@Service
public class SignOffService {

    static final int MAX_COMMENT = 2000;

    private final PlanService plans;
    private final PlanAccess access;
    private final FeedbackRecords records;
    private final FeedbackLinks links;
    private final Notifications notifications;
    private final Clock clock;

    public SignOffService(PlanService plans, PlanAccess access, FeedbackRecords records, FeedbackLinks links, Notifications notifications, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.records = records;
        this.links = links;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** An item needing approval, where it stands, and its requests (newest last). */
    public record ItemState(String kind, String id, String name, List<String> approvers, String state, List<Approval> requests) {
    }

    /** Every deliverable and milestone of the plan that needs approval, with where it stands. */
    public List<ItemState> items(long planId) {
        Plan plan = plans.current(planId).plan();
        List<Approval> all = records.approvals(planId);
        List<ItemState> out = new ArrayList<>();
        for (SignOff.Item i : SignOff.items(plan)) {
            List<Approval> mine = all.stream().filter(a -> a.itemId().equals(i.id())).toList();
            out.add(new ItemState(i.kind(), i.id(), i.name(), i.approvers(), SignOff.state(true, i.approvers(), decisions(mine)).text(), mine));
        }
        return out;
    }

    static List<SignOff.Decision> decisions(List<Approval> approvals) {
        return approvals.stream().filter(a -> !a.waiting()).map(a -> new SignOff.Decision(a.approver(), "approved".equals(a.decision()),
                a.decidedAt(), a.comment())).toList();
    }

    /** The requests waiting for a decision, oldest first. */
    public List<Waiting> waiting(long planId) {
        Plan plan = plans.current(planId).plan();
        Map<String, String> names = Raci.partyNames(plan);
        List<Waiting> out = new ArrayList<>();
        for (Approval a : records.approvals(planId)) {
            if (a.waiting()) {
                SignOff.Item item = SignOff.item(plan, a.itemId());
                out.add(new Waiting(a.id(), a.itemKind(), a.itemId(), item == null ? a.itemId() : item.name(), a.approver(),
                        names.getOrDefault(a.approver(), a.approver()), a.requestedAt()));
            }
        }
        out.sort(Comparator.comparing(Waiting::requestedAt));
        return out;
    }

    /** What asking for approval made: a request per approver, with the link each can decide by without an account. */
    public record Requested(long approvalId, String approver, String link) {
    }

    /** Asks every approver of the item who has no request waiting (owner or editor); 422 when the item needs no approval or has no approver. */
    public List<Requested> request(long planId, String itemId) {
        access.require(planId, Role.EDITOR);
        PlanState state = plans.current(planId);
        if (itemId == null || itemId.isBlank()) {
            throw new FieldProblem("itemId", "name the deliverable or milestone to be approved (its id)");
        }
        SignOff.Item item = SignOff.item(state.plan(), itemId);
        if (item == null) {
            throw new FieldProblem("itemId", "'" + itemId + "' is no deliverable or milestone that needs approval: set approval: required on it first");
        }
        if (item.approvers().isEmpty()) {
            throw new FieldProblem("itemId", "'" + item.name() + "' has no approver: name approvers, or an Accountable in its RACI");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Requested> out = new ArrayList<>();
        for (String approver : item.approvers()) {
            long id = records.requestApproval(planId, item.kind(), item.id(), approver, access.account().id(), now);
            String link = links.approvalLinkFor(planId, item.id(), approver);
            out.add(new Requested(id, approver, link));
            notifications.approvalAsked(planId, state.plan(), id, item.name(), approver, now);
        }
        return out;
    }

    /** Decides a request in the application: only the member linked to its approver (a stakeholder member), or 403. */
    public Approval decide(long planId, long approvalId, boolean approve, String comment) {
        access.require(planId, Role.STAKEHOLDER);
        Approval a = records.approval(planId, approvalId).orElseThrow(() -> new NotFound("approval " + approvalId));
        String me = records.stakeholderOf(planId, access.account().id()).orElse(null);
        if (!a.approver().equals(me)) {
            throw new AccessDeniedException("this approval is asked of " + a.approver() + "; only they decide it");
        }
        return decide(planId, a, approve, comment, access.account().id(), null);
    }

    /** Decides the approver's waiting request on the item by a signed link (its nonce used up with it). */
    Approval decideByLink(long planId, String itemId, String approver, boolean approve, String comment, String nonce) {
        Approval a = records.approvals(planId).stream().filter(x -> x.itemId().equals(itemId) && x.approver().equals(approver) && x.waiting())
                .findFirst().orElseThrow(() -> new EntryExists("nothing is waiting for your approval here: it was decided already"));
        return decide(planId, a, approve, comment, null, nonce);
    }

    private Approval decide(long planId, Approval a, boolean approve, String comment, Long userId, String nonce) {
        if (!a.waiting()) {
            throw new EntryExists("approval " + a.id() + " was " + a.decision() + " already");
        }
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (why != null && why.length() > MAX_COMMENT) {
            throw new FieldProblem("comment", "a comment has at most " + MAX_COMMENT + " characters, not " + why.length());
        }
        Plan plan = plans.current(planId).plan();
        String name = Raci.partyNames(plan).getOrDefault(a.approver(), a.approver());
        SignOff.Item item = SignOff.item(plan, a.itemId());
        String action = (approve ? "approved" : "rejected") + " by " + name + " (" + (item == null ? a.itemId() : item.name()) + ")"
                + (why == null ? "" : ": " + why);
        String json = "{\"approver\":" + Problems.quote(a.approver()) + ",\"decision\":\"" + (approve ? "approved" : "rejected") + "\""
                + (why == null ? "" : ",\"comment\":" + Problems.quote(why)) + "}";
        records.decide(planId, a.id(), approve, userId, nonce, why, action, a.itemId(), json, LocalDateTime.now(clock));
        return records.approval(planId, a.id()).orElseThrow();
    }

    /** All requests of the plan, oldest first. */
    public List<Approval> approvals(long planId) {
        return records.approvals(planId);
    }
}
