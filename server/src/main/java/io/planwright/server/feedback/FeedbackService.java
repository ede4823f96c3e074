package io.planwright.server.feedback;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Engagement;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.stakeholders.Engagements;
import io.planwright.core.stakeholders.SignOff;
import io.planwright.server.plans.FeedbackRecords;
import io.planwright.server.plans.FeedbackStore;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.Problems;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Feedback from stakeholders: the form a signed link opens (confidence in the plan 1 to 5, a comment, the
 * item's own questions), the answers kept once per link, what they say per stakeholder and per group over
 * time, the engagement they suggest, and the key stakeholders not reached or silent (core's
 * {@link Engagements}). An approval link opens the approval of a deliverable or milestone instead.
 */
@Service
public class FeedbackService {

    static final int MAX_COMMENT = 2000;
    static final int MAX_ANSWER = 2000;

    private final PlanService plans;
    private final PlanAccess access;
    private final FeedbackRecords records;
    private final FeedbackTokens tokens;
    private final FeedbackLinks links;
    private final SignOffService signOff;
    private final Clock clock;

    public FeedbackService(PlanService plans, PlanAccess access, FeedbackRecords records, FeedbackTokens tokens, FeedbackLinks links,
                           SignOffService signOff, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.records = records;
        this.tokens = tokens;
        this.links = links;
        this.signOff = signOff;
        this.clock = clock;
    }

    /** What a link's form shows: the plan, who answers, about what, the questions; answered already or not. */
    public record Form(String purpose, String planName, String stakeholderName, String itemName, List<String> questions, boolean answered,
                       String state) {
    }

    /** The form a link opens; {@link FeedbackTokens.BadLink} when the link is not valid or expired, 404 when its plan or item is gone. */
    public Form form(String token) {
        FeedbackTokens.Claims c = tokens.verify(token, clock.instant());
        Plan plan = plan(c);
        Stakeholder s = plan.stakeholders().stream().filter(x -> x.id().equals(c.stakeholderId())).findFirst()
                .orElseThrow(() -> new NotFound("stakeholder"));
        if (FeedbackTokens.APPROVAL.equals(c.purpose())) {
            SignOff.Item item = Optional.ofNullable(SignOff.item(plan, c.itemId())).orElseThrow(() -> new NotFound("item"));
            boolean waiting = records.approvals(c.planId()).stream().anyMatch(a -> a.itemId().equals(c.itemId()) && a.approver().equals(s.id()) && a.waiting());
            return new Form(c.purpose(), plan.name(), s.name(), item.kind() + " " + item.name(), List.of(), records.used(c.nonce()) || !waiting,
                    signOff.items(c.planId()).stream().filter(i -> i.id().equals(item.id())).findFirst().map(SignOffService.ItemState::state).orElse(""));
        }
        CommunicationItem item = plan.communications().stream().filter(x -> x.id().equals(c.itemId())).findFirst()
                .orElseThrow(() -> new NotFound("item"));
        return new Form(c.purpose(), plan.name(), s.name(), item.name(), item.questions(), records.used(c.nonce()), null);
    }

    private Plan plan(FeedbackTokens.Claims c) {
        return plans.current(c.planId()).plan();
    }

    /** Keeps a feedback form's answer; 409 when the link answered already. */
    public void answer(String token, Integer confidence, String comment, List<String> answers) {
        FeedbackTokens.Claims c = tokens.verify(token, clock.instant());
        if (!FeedbackTokens.FEEDBACK.equals(c.purpose())) {
            throw new FeedbackTokens.BadLink("this link is for an approval, not for feedback", false);
        }
        Form form = form(token);
        if (confidence == null || confidence < 1 || confidence > 5) {
            throw new FieldProblem("confidence", "say how confident you are in the plan, from 1 (not at all) to 5 (fully)");
        }
        String why = text("comment", comment, MAX_COMMENT);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < form.questions().size(); i++) {
            String a = i < answers.size() ? text("q" + i, answers.get(i), MAX_ANSWER) : null;
            json.append(i == 0 ? "" : ",").append("{\"question\":").append(Problems.quote(form.questions().get(i))).append(",\"answer\":")
                    .append(a == null ? "null" : Problems.quote(a)).append('}');
        }
        json.append(']');
        if (!records.answer(c.planId(), c.nonce(), c.stakeholderId(), c.itemId(), confidence, why, json.toString(), LocalDateTime.now(clock))) {
            throw new EntryExists("this link was answered already: thank you");
        }
    }

    /** Decides the approval a link opens; 409 when it was decided already. */
    public void decide(String token, boolean approve, String comment) {
        FeedbackTokens.Claims c = tokens.verify(token, clock.instant());
        if (!FeedbackTokens.APPROVAL.equals(c.purpose())) {
            throw new FeedbackTokens.BadLink("this link is for feedback, not for an approval", false);
        }
        if (records.used(c.nonce())) {
            throw new EntryExists("this link was used already");
        }
        signOff.decideByLink(c.planId(), c.itemId(), c.stakeholderId(), approve, comment, c.nonce());
    }

    private static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw new FieldProblem(field, "at most " + max + " characters, not " + text.length());
        }
        return text.strip();
    }

    /** A link an owner makes for a stakeholder and a communication item (to copy into a mail of their own). */
    public record Link(String url, String itemId, String stakeholderId, Instant expiresAt) {
    }

    public Link link(long planId, String itemId, String stakeholderId) {
        access.require(planId, Role.OWNER);
        Plan plan = plans.current(planId).plan();
        if (itemId == null || plan.communications().stream().noneMatch(c -> c.id().equals(itemId))) {
            throw new FieldProblem("itemId", "name an item of the communication plan (its id)");
        }
        if (FeedbackLinks.stakeholder(plan, stakeholderId).isEmpty()) {
            throw new FieldProblem("stakeholderId", "name a stakeholder of the plan (their id or contact e-mail)");
        }
        String url = links.linkFor(planId, itemId, stakeholderId).orElseThrow();
        FeedbackTokens.Claims c = tokens.verify(url.substring(url.lastIndexOf("/f/") + 3), clock.instant());
        return new Link(url, itemId, c.stakeholderId(), Instant.ofEpochSecond(c.expiresAt()));
    }

    /** An answer as shown: who, their name, group, when, confidence, comment, the answers to the item's questions (JSON). */
    public record AnswerView(String stakeholderId, String stakeholderName, String itemId, LocalDateTime receivedAt, int confidence, String comment,
                             String answers) {
    }

    public List<AnswerView> answers(long planId) {
        access.require(planId, Role.VIEWER);
        Plan plan = plans.current(planId).plan();
        Map<String, String> names = new LinkedHashMap<>();
        plan.stakeholders().forEach(s -> names.put(s.id(), s.name()));
        return records.answers(planId).stream().map(a -> new AnswerView(a.stakeholderId(), names.getOrDefault(a.stakeholderId(), a.stakeholderId()),
                a.itemId(), a.receivedAt(), a.confidence(), a.comment(), a.answers())).toList();
    }

    /** What the stakeholder page shows of the feedback: each stakeholder's answers and suggestion, the groups' trends, the flags. */
    public record Overview(Map<String, List<FeedbackStore.Answer>> byStakeholder, Map<String, Engagement> suggested,
                           Map<String, List<Engagements.Point>> byOrganisation, Map<String, List<Engagements.Point>> byRole,
                           List<Engagements.Point> all, List<Engagements.Flag> flags) {
    }

    public Overview overview(long planId, int silentCycles) {
        access.require(planId, Role.VIEWER);
        Plan plan = plans.current(planId).plan();
        List<FeedbackStore.Answer> kept = records.answers(planId);
        List<Engagements.Answer> answers = kept.stream().map(a -> new Engagements.Answer(a.stakeholderId(), a.receivedAt(), a.confidence())).toList();
        Map<String, List<FeedbackStore.Answer>> by = new LinkedHashMap<>();
        Map<String, Engagement> suggested = new LinkedHashMap<>();
        for (Stakeholder s : plan.stakeholders()) {
            List<FeedbackStore.Answer> mine = kept.stream().filter(a -> a.stakeholderId().equals(s.id())).toList();
            by.put(s.id(), mine);
            Engagements.suggested(answers.stream().filter(a -> a.stakeholderId().equals(s.id())).toList()).ifPresent(e -> suggested.put(s.id(), e));
        }
        return new Overview(by, suggested, Engagements.weeklyBy(plan, answers, Stakeholder::organisation),
                Engagements.weeklyBy(plan, answers, Stakeholder::role), Engagements.weekly(answers),
                Engagements.flags(plan, answers, LocalDateTime.now(clock), silentCycles));
    }

    /** Sets a stakeholder's current engagement to what their answers suggest, as a revision of the plan (owner or editor). */
    public PlanState engagementFromFeedback(long planId, String stakeholderId, long baseRevision) {
        access.require(planId, Role.EDITOR);
        Plan plan = plans.current(planId).plan();
        Stakeholder s = plan.stakeholders().stream().filter(x -> x.id().equals(stakeholderId)).findFirst()
                .orElseThrow(() -> new NotFound("stakeholder '" + stakeholderId + "'"));
        Engagement e = Engagements.suggested(records.answers(planId).stream().filter(a -> a.stakeholderId().equals(s.id()))
                .map(a -> new Engagements.Answer(a.stakeholderId(), a.receivedAt(), a.confidence())).toList())
                .orElseThrow(() -> new EntryExists(s.name() + " has given no feedback yet"));
        Function<Stakeholder, Stakeholder> change = x -> x.id().equals(s.id()) ? new Stakeholder(x.id(), x.name(), x.organisation(), x.role(),
                x.influence(), x.interest(), e, x.desiredEngagement(), x.contact(), x.notes()) : x;
        return plans.edit(planId, baseRevision, access.account().id(), "set the engagement of " + s.name() + " to " + e.name().toLowerCase(java.util.Locale.ROOT)
                        + " from their feedback", p -> p.toBuilder().stakeholders(new ArrayList<>(p.stakeholders().stream().map(change).toList())).build(),
                "stakeholder", s.id());
    }
}
