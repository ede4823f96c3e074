package io.planwright.server.feedback;

import io.planwright.server.plans.FeedbackStore;
import io.planwright.server.plans.ForStakeholders;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.Revisions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Feedback and sign-off over HTTP: feedback links an owner makes ({@code feedback-links}), the answers,
 * a stakeholder's engagement set from them; approvals asked ({@code approvals}, owners and editors), the
 * items needing sign-off and where they stand, the requests waiting, and decisions by the approver's
 * member (a stakeholder member may read these and decide what is asked of them).
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class FeedbackController {

    private final FeedbackService feedback;
    private final SignOffService signOff;

    public FeedbackController(FeedbackService feedback, SignOffService signOff) {
        this.feedback = feedback;
        this.signOff = signOff;
    }

    /** A feedback link for a stakeholder (id or contact e-mail) and an item of the communication plan. */
    public record LinkRequest(String itemId, String stakeholderId) {
    }

    /** An approval to ask of the approvers of a deliverable or milestone. */
    public record ApprovalRequest(String itemId) {
    }

    /** A decision's reason (optional). */
    public record DecisionBody(String comment) {
    }

    @PostMapping("/feedback-links")
    public FeedbackService.Link createLink(@PathVariable long planId, @RequestBody LinkRequest body) {
        return feedback.link(planId, body == null ? null : body.itemId(), body == null ? null : body.stakeholderId());
    }

    @GetMapping("/feedback")
    public List<FeedbackService.AnswerView> answers(@PathVariable long planId) {
        return feedback.answers(planId);
    }

    /** Sets the stakeholder's current engagement to what their feedback suggests: a change of the plan (If-Match). */
    @PostMapping("/feedback/{stakeholderId}/engagement")
    public ResponseEntity<Void> engagementFromFeedback(@PathVariable long planId, @PathVariable String stakeholderId,
                                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long base = Revisions.ifMatch(ifMatch);
        PlanState after = feedback.engagementFromFeedback(planId, stakeholderId, base);
        return Revisions.after(ResponseEntity.status(org.springframework.http.HttpStatus.NO_CONTENT), base, after.revision()).build();
    }

    @PostMapping("/approvals")
    public List<SignOffService.Requested> requestApproval(@PathVariable long planId, @RequestBody ApprovalRequest body) {
        return signOff.request(planId, body == null ? null : body.itemId());
    }

    @ForStakeholders
    @GetMapping("/approvals")
    public List<FeedbackStore.Approval> approvals(@PathVariable long planId) {
        return signOff.approvals(planId);
    }

    @ForStakeholders
    @GetMapping("/sign-off")
    public List<SignOffService.ItemState> signOff(@PathVariable long planId) {
        return signOff.items(planId);
    }

    @ForStakeholders
    @GetMapping("/approvals/waiting")
    public List<Waiting> waiting(@PathVariable long planId) {
        return signOff.waiting(planId);
    }

    @ForStakeholders
    @PostMapping("/approvals/{approvalId}/approve")
    public FeedbackStore.Approval approve(@PathVariable long planId, @PathVariable long approvalId, @RequestBody(required = false) DecisionBody body) {
        return signOff.decide(planId, approvalId, true, body == null ? null : body.comment());
    }

    @ForStakeholders
    @PostMapping("/approvals/{approvalId}/reject")
    public FeedbackStore.Approval reject(@PathVariable long planId, @PathVariable long approvalId, @RequestBody(required = false) DecisionBody body) {
        return signOff.decide(planId, approvalId, false, body == null ? null : body.comment());
    }
}
