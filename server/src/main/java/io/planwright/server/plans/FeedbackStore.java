package io.planwright.server.plans;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Feedback, sign-off and notifications in the database: the server's link secret, the nonces of links
 * used, the answers of feedback forms, approval requests and their decisions, each user's notifications
 * and how they want them delivered.
 */
@Repository
public class FeedbackStore {

    /** A feedback form's answer as kept: who, about which item, confidence 1 to 5, comment, answers to the item's questions (JSON). */
    public record Answer(long id, String stakeholderId, String itemId, int confidence, String comment, String answers, LocalDateTime receivedAt) {
    }

    /** An approval request of one approver, waiting (decision null) or decided. */
    public record Approval(long id, String itemKind, String itemId, String approver, String requestedBy, LocalDateTime requestedAt,
                           String decision, String decidedBy, boolean viaLink, LocalDateTime decidedAt, String comment, Long revision) {
        public boolean waiting() {
            return decision == null;
        }
    }

    /** A notification of a user. */
    public record Notification(long id, Long planId, String kind, String subject, String link, LocalDateTime createdAt, LocalDateTime readAt,
                               LocalDateTime mailedAt, String mailNote) {
    }

    private static final RowMapper<Answer> ANSWER = (rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime());

    private static final String APPROVAL_COLUMNS = "a.id, a.item_kind, a.item_id, a.approver, r.username, a.requested_at, a.decision, d.username,"
            + " a.via_link, a.decided_at, a.comment, a.revision from approvals a left join users r on r.id = a.requested_by"
            + " left join users d on d.id = a.decided_by";

    private static final RowMapper<Approval> APPROVAL = (rs, n) -> new Approval(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toLocalDateTime(), rs.getString(7), rs.getString(8), rs.getBoolean(9),
            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toLocalDateTime(), rs.getString(11), rs.getObject(12) == null ? null : rs.getLong(12));

    private static final RowMapper<Notification> NOTIFICATION = (rs, n) -> new Notification(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toLocalDateTime(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toLocalDateTime(),
            rs.getString(9));

    private final JdbcTemplate jdbc;

    public FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ the link secret and used links

    /** The named secret, made by {@code make} and kept when there is none yet (the first process to write it wins). */
    public String secret(String name, java.util.function.Supplier<String> make) {
        List<String> found = jdbc.queryForList("select secret from server_secrets where name = ?", String.class, name);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        try {
            jdbc.update("insert into server_secrets (name, secret, created_at) values (?, ?, ?)", name, make.get(), Timestamp.valueOf(LocalDateTime.now()));
        } catch (DuplicateKeyException e) {
            // another process made it first: theirs it is
        }
        return jdbc.queryForObject("select secret from server_secrets where name = ?", String.class, name);
    }

    public boolean used(String nonce) {
        return jdbc.queryForObject("select count(*) from feedback_links_used where nonce = ?", Long.class, nonce) > 0;
    }

    /** Marks a link's nonce used; false when it was used already (a replay). */
    boolean use(long planId, String nonce, String purpose, LocalDateTime at) {
        try {
            return jdbc.update("insert into feedback_links_used (nonce, plan_id, purpose, used_at) values (?, ?, ?, ?)", nonce, planId, purpose,
                    Timestamp.valueOf(at)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ answers

    /** Keeps an answer and uses up its link in one transaction; false (and nothing kept) when the link was used already. */
    @Transactional
    public boolean answer(long planId, String nonce, String stakeholderId, String itemId, int confidence, String comment, String answersJson,
                          LocalDateTime at) {
        if (!use(planId, nonce, "feedback", at)) {
            return false;
        }
        jdbc.update("insert into feedback_answers (plan_id, stakeholder_id, item_id, confidence, comment, answers, received_at) values (?, ?, ?, ?, ?, ?, ?)",
                planId, stakeholderId, itemId, confidence, comment, answersJson, Timestamp.valueOf(at));
        return true;
    }

    /** The plan's answers, oldest first. */
    public List<Answer> answers(long planId) {
        return jdbc.query("select id, stakeholder_id, item_id, confidence, comment, answers, received_at from feedback_answers where plan_id = ?"
                + " order by received_at, id", ANSWER, planId);
    }

    // ------------------------------------------------------------------ approvals

    /** A request of one approver on an item, unless one is waiting already; the waiting request's id. */
    @Transactional
    public long requestApproval(long planId, String kind, String itemId, String approver, Long byUserId, LocalDateTime at) {
        List<Long> waiting = jdbc.queryForList("select id from approvals where plan_id = ? and item_id = ? and approver = ? and decision is null",
                Long.class, planId, itemId, approver);
        if (!waiting.isEmpty()) {
            return waiting.get(0);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into approvals (plan_id, item_kind, item_id, approver, requested_by, requested_at)"
                    + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, planId);
            s.setString(2, kind);
            s.setString(3, itemId);
            s.setString(4, approver);
            s.setObject(5, byUserId);
            s.setTimestamp(6, Timestamp.valueOf(at));
            return s;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<Approval> approvals(long planId) {
        return jdbc.query("select " + APPROVAL_COLUMNS + " where a.plan_id = ? order by a.id", APPROVAL, planId);
    }

    public Optional<Approval> approval(long planId, long id) {
        return jdbc.query("select " + APPROVAL_COLUMNS + " where a.plan_id = ? and a.id = ?", APPROVAL, planId, id).stream().findFirst();
    }

    /** Decides a waiting request (false when it was decided already); with a link, the link is used up in the same transaction. */
    boolean decide(long planId, long id, boolean approve, Long byUserId, String nonce, String comment, LocalDateTime at, long revision) {
        if (nonce != null && !use(planId, nonce, "approval", at)) {
            return false;
        }
        return jdbc.update("update approvals set decision = ?, decided_by = ?, via_link = ?, decided_at = ?, comment = ?, revision = ?"
                        + " where plan_id = ? and id = ? and decision is null", approve ? "approved" : "rejected", byUserId, nonce != null,
                Timestamp.valueOf(at), comment, revision, planId, id) == 1;
    }

    // ------------------------------------------------------------------ members linked to stakeholders

    public void linkStakeholder(long planId, long userId, String stakeholderId) {
        jdbc.update("update plan_members set stakeholder_id = ? where plan_id = ? and user_id = ?", stakeholderId, planId, userId);
    }

    public Optional<String> stakeholderOf(long planId, long userId) {
        return jdbc.query("select stakeholder_id from plan_members where plan_id = ? and user_id = ?", (rs, n) -> Optional.ofNullable(rs.getString(1)),
                planId, userId).stream().findFirst().flatMap(o -> o);
    }

    /** A member of a plan and who they are in it: the resource or stakeholder they are linked to. */
    public record Linked(long userId, String username, String role, String resourceId, String stakeholderId) {
    }

    public List<Linked> linkedMembers(long planId) {
        return jdbc.query("select m.user_id, u.username, m.role, m.resource_id, m.stakeholder_id from plan_members m join users u on u.id = m.user_id"
                + " where m.plan_id = ? and u.disabled = false order by u.username", (rs, n) -> new Linked(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), planId);
    }

    // ------------------------------------------------------------------ notifications

    /** A notification, once per user and event; its id, or empty when the user had it already. */
    public Optional<Long> notify(long userId, Long planId, String kind, String subject, String link, String dedupKey, LocalDateTime at) {
        try {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement s = c.prepareStatement("insert into notifications (user_id, plan_id, kind, subject, link, dedup_key, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                s.setLong(1, userId);
                s.setObject(2, planId);
                s.setString(3, kind);
                s.setString(4, subject.length() > 400 ? subject.substring(0, 399) + "\u2026" : subject);
                s.setString(5, link);
                s.setString(6, dedupKey.length() > 400 ? dedupKey.substring(0, 400) : dedupKey);
                s.setTimestamp(7, Timestamp.valueOf(at));
                return s;
            }, keys);
            return Optional.of(keys.getKeyAs(Number.class).longValue());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public List<Notification> notifications(long userId, int limit) {
        return jdbc.query("select id, plan_id, kind, subject, link, created_at, read_at, mailed_at, mail_note from notifications where user_id = ?"
                + " order by created_at desc, id desc limit ?", NOTIFICATION, userId, limit);
    }

    public long unread(long userId) {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ? and read_at is null", Long.class, userId);
    }

    public int markRead(long userId, Long id, LocalDateTime at) {
        return id == null ? jdbc.update("update notifications set read_at = ? where user_id = ? and read_at is null", Timestamp.valueOf(at), userId)
                : jdbc.update("update notifications set read_at = ? where user_id = ? and id = ? and read_at is null", Timestamp.valueOf(at), userId, id);
    }

    /** Notifications not mailed yet, of users who want e-mail of the given delivery (each, digest), oldest first. */
    public List<Notification> unmailed(long userId) {
        return jdbc.query("select id, plan_id, kind, subject, link, created_at, read_at, mailed_at, mail_note from notifications where user_id = ?"
                + " and mailed_at is null and mail_note is null order by id", NOTIFICATION, userId);
    }

    public void mailed(List<Long> ids, LocalDateTime at, String note) {
        for (long id : ids) {
            jdbc.update("update notifications set mailed_at = ?, mail_note = ? where id = ?", note == null ? Timestamp.valueOf(at) : null, note, id);
        }
    }

    /** A user's delivery setting and e-mail address: in-app (the default), each, digest. */
    public record Setting(long userId, String delivery, String email) {
    }

    public Setting setting(long userId) {
        return jdbc.query("select user_id, delivery, email from notification_settings where user_id = ?", (rs, n) -> new Setting(rs.getLong(1),
                rs.getString(2), rs.getString(3)), userId).stream().findFirst().orElse(new Setting(userId, "in-app", null));
    }

    public List<Setting> mailingSettings() {
        return jdbc.query("select user_id, delivery, email from notification_settings where delivery <> 'in-app' and email is not null",
                (rs, n) -> new Setting(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    @Transactional
    public void saveSetting(long userId, String delivery, String email) {
        if (jdbc.update("update notification_settings set delivery = ?, email = ? where user_id = ?", delivery, email, userId) == 0) {
            jdbc.update("insert into notification_settings (user_id, delivery, email) values (?, ?, ?)", userId, delivery, email);
        }
    }

    /** The last revision of a plan's history the notifications looked at (empty: never). */
    public Optional<Long> scanned(long planId) {
        return jdbc.queryForList("select revision from notification_scans where plan_id = ?", Long.class, planId).stream().findFirst();
    }

    public void scannedUpTo(long planId, long revision) {
        if (jdbc.update("update notification_scans set revision = ? where plan_id = ?", revision, planId) == 0) {
            try {
                jdbc.update("insert into notification_scans (plan_id, revision) values (?, ?)", planId, revision);
            } catch (DuplicateKeyException e) {
                jdbc.update("update notification_scans set revision = ? where plan_id = ?", revision, planId);
            }
        }
    }
}
