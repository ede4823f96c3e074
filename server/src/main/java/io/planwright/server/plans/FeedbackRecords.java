package io.planwright.server.plans;

import io.planwright.server.shared.EntryExists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the feedback feature keeps beside a plan (the stores are the plans feature's): answers of feedback
 * forms, approval requests and their decisions (each decision a revision of the plan's history), members
 * linked to stakeholders, notifications and how each user wants them delivered.
 */
@Service
public class FeedbackRecords {

    private final FeedbackStore store;
    private final PlanStore plans;

    public FeedbackRecords(FeedbackStore store, PlanStore plans) {
        this.store = store;
        this.plans = plans;
    }

    public String secret(String name, Supplier<String> make) {
        return store.secret(name, make);
    }

    public boolean used(String nonce) {
        return store.used(nonce);
    }

    /** Keeps an answer, using up its link; false when the link was used already. */
    public boolean answer(long planId, String nonce, String stakeholderId, String itemId, int confidence, String comment, String answersJson,
                          LocalDateTime at) {
        return store.answer(planId, nonce, stakeholderId, itemId, confidence, comment, answersJson, at);
    }

    public List<FeedbackStore.Answer> answers(long planId) {
        return store.answers(planId);
    }

    public long requestApproval(long planId, String kind, String itemId, String approver, Long byUserId, LocalDateTime at) {
        return store.requestApproval(planId, kind, itemId, approver, byUserId, at);
    }

    public List<FeedbackStore.Approval> approvals(long planId) {
        return store.approvals(planId);
    }

    public Optional<FeedbackStore.Approval> approval(long planId, long id) {
        return store.approval(planId, id);
    }

    /**
     * Decides a waiting request as a revision of the plan's history named {@code action} (who approved or
     * rejected what, and why): the decision and the revision are written together, or neither and 409 when
     * it was decided already or its link used.
     */
    @Transactional
    public long decide(long planId, long id, boolean approve, Long byUserId, String nonce, String comment, String action, String itemId,
                       String json, LocalDateTime at) {
        return plans.note(planId, byUserId, action, "approval", itemId, json, revision -> {
            if (!store.decide(planId, id, approve, byUserId, nonce, comment, at, revision)) {
                throw new EntryExists("this approval was decided already");
            }
        });
    }

    public void linkStakeholder(long planId, long userId, String stakeholderId) {
        store.linkStakeholder(planId, userId, stakeholderId);
    }

    public Optional<String> stakeholderOf(long planId, long userId) {
        return store.stakeholderOf(planId, userId);
    }

    public List<FeedbackStore.Linked> linkedMembers(long planId) {
        return store.linkedMembers(planId);
    }

    public Optional<Long> notify(long userId, Long planId, String kind, String subject, String link, String dedupKey, LocalDateTime at) {
        return store.notify(userId, planId, kind, subject, link, dedupKey, at);
    }

    public List<FeedbackStore.Notification> notifications(long userId, int limit) {
        return store.notifications(userId, limit);
    }

    public long unread(long userId) {
        return store.unread(userId);
    }

    public int markRead(long userId, Long id, LocalDateTime at) {
        return store.markRead(userId, id, at);
    }

    public List<FeedbackStore.Notification> unmailed(long userId) {
        return store.unmailed(userId);
    }

    public void mailed(List<Long> ids, LocalDateTime at, String note) {
        store.mailed(ids, at, note);
    }

    public FeedbackStore.Setting setting(long userId) {
        return store.setting(userId);
    }

    public List<FeedbackStore.Setting> mailingSettings() {
        return store.mailingSettings();
    }

    public void saveSetting(long userId, String delivery, String email) {
        store.saveSetting(userId, delivery, email);
    }

    public Optional<Long> scanned(long planId) {
        return store.scanned(planId);
    }

    public void scannedUpTo(long planId, long revision) {
        store.scannedUpTo(planId, revision);
    }

    /** Every plan's id (what the notifications look at). */
    public List<Long> planIds() {
        return plans.plansOf(-1, true).stream().map(PlanStore.Summary::id).toList();
    }
}
