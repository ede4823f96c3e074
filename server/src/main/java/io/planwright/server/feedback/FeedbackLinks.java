package io.planwright.server.feedback;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Stakeholder;
import io.planwright.server.plans.PlanService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The links a report carries, one per recipient: to the feedback form of a communication item, or to the
 * approval of a deliverable or milestone, signed ({@link FeedbackTokens}), expiring after
 * {@code planwright.feedback.link-days} (14 unless set). The address starts with {@code planwright.base-url}
 * when set, else the address of the request that asks for it.
 */
@Component
public class FeedbackLinks {

    private final FeedbackTokens tokens;
    private final PlanService plans;
    private final Clock clock;
    private final Duration valid;
    private final String baseUrl;

    public FeedbackLinks(FeedbackTokens tokens, PlanService plans, Clock clock, @Value("${planwright.feedback.link-days:14}") int days,
                         @Value("${planwright.base-url:}") String baseUrl) {
        this.tokens = tokens;
        this.plans = plans;
        this.clock = clock;
        this.valid = Duration.ofDays(days);
        this.baseUrl = baseUrl;
    }

    /**
     * The feedback link of a communication item of the plan for a recipient (a stakeholder's id or their
     * contact e-mail); empty when the plan has no such item or stakeholder.
     */
    public Optional<String> linkFor(long planId, String itemId, String recipient) {
        Plan plan = plans.current(planId).plan();
        if (plan.communications().stream().noneMatch(c -> c.id().equals(itemId))) {
            return Optional.empty();
        }
        return stakeholder(plan, recipient).map(s -> url(tokens.sign(planId, itemId, s.id(), FeedbackTokens.FEEDBACK, clock.instant().plus(valid))));
    }

    /** The approval link of a deliverable or milestone for one of its approvers (a stakeholder's id). */
    public String approvalLinkFor(long planId, String itemId, String approver) {
        return url(tokens.sign(planId, itemId, approver, FeedbackTokens.APPROVAL, clock.instant().plus(valid)));
    }

    static Optional<Stakeholder> stakeholder(Plan plan, String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        String r = recipient.trim();
        return plan.stakeholders().stream().filter(s -> s.id().equals(r)).findFirst().or(() -> plan.stakeholders().stream()
                .filter(s -> s.contact() != null && s.contact().trim().toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT))).findFirst());
    }

    private String url(String token) {
        String base = baseUrl;
        if ((base == null || base.isBlank()) && RequestContextHolder.getRequestAttributes() != null) {
            base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        if (base == null || base.isBlank()) {
            base = "http://localhost:8080";
        }
        return base.replaceAll("/+$", "") + "/f/" + token;
    }
}
