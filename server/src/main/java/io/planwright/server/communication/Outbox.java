package io.planwright.server.communication;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox and what goes with it in the database: messages with their recipient, status, attempts and
 * error; each scheduled item's state (since when, paused); the plans' secrets; the in-app inbox. Times are
 * UTC. A message is written once per (plan, item, period, channel, recipient): a second insert, from another
 * process or after a restart, is refused by the database and is no error.
 */
@Component
public class Outbox {

    /** Where a message stands. */
    public enum Status {
        PENDING, SENDING, SENT, FAILED, NOT_SENT_NO_MAIL_SERVER, PAUSED;

        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Status of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** In words, for the page. */
        public String words() {
            return this == NOT_SENT_NO_MAIL_SERVER ? "not sent: no mail server" : text();
        }
    }

    /** One message of the outbox. */
    public record Message(long id, long planId, String itemId, String periodKey, String channel, String recipients, String subject,
                          String bodyHtml, byte[] attachment, String attachmentName, Status status, int attempts,
                          LocalDateTime nextAttemptAt, String lastError, LocalDateTime createdAt, LocalDateTime sentAt) {
    }

    /** A message to write. */
    public record NewMessage(long planId, String itemId, String periodKey, String channel, String recipients, String subject,
                             String bodyHtml, byte[] attachment, String attachmentName, Status status) {
    }

    /** A scheduled item's state. */
    public record ScheduleState(long planId, String itemId, String schedule, LocalDateTime since, boolean paused) {
    }

    /** An in-app message. */
    public record InboxEntry(long id, long planId, String subject, String bodyHtml, LocalDateTime createdAt, LocalDateTime readAt) {
    }

    private static final String COLUMNS = "id, plan_id, item_id, period_key, channel, recipients, subject, body_html, attachment, attachment_name, "
            + "status, attempts, next_attempt_at, last_error, created_at, sent_at";

    private static final RowMapper<Message> MESSAGE = (rs, n) -> new Message(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("item_id"),
            rs.getString("period_key"), rs.getString("channel"), rs.getString("recipients"), rs.getString("subject"), rs.getString("body_html"),
            rs.getBytes("attachment"), rs.getString("attachment_name"), Status.of(rs.getString("status")), rs.getInt("attempts"),
            time(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"), time(rs.getTimestamp("created_at")), time(rs.getTimestamp("sent_at")));

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    /** Writes a message unless that period's message for that recipient is there already; true when this call wrote it. */
    public boolean add(NewMessage m, LocalDateTime now) {
        try {
            jdbc.update("insert into outbox (plan_id, item_id, period_key, channel, recipients, subject, body_html, attachment, attachment_name, "
                            + "status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    m.planId(), m.itemId(), m.periodKey(), m.channel(), m.recipients(), m.subject(), m.bodyHtml(), m.attachment(), m.attachmentName(),
                    m.status().text(), ts(now), ts(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Whether any message of that item's period is written. */
    public boolean hasPeriod(long planId, String itemId, String periodKey) {
        Integer n = jdbc.queryForObject("select count(*) from outbox where plan_id = ? and item_id = ? and period_key = ?", Integer.class,
                planId, itemId, periodKey);
        return n != null && n > 0;
    }

    public List<Message> list(long planId, Status status, int limit) {
        return status == null
                ? jdbc.query("select " + COLUMNS + " from outbox where plan_id = ? order by id desc limit ?", MESSAGE, planId, limit)
                : jdbc.query("select " + COLUMNS + " from outbox where plan_id = ? and status = ? order by id desc limit ?", MESSAGE, planId,
                status.text(), limit);
    }

    public Optional<Message> find(long planId, long id) {
        return jdbc.query("select " + COLUMNS + " from outbox where plan_id = ? and id = ?", MESSAGE, planId, id).stream().findFirst();
    }

    /** The last message of each item of a plan. */
    public List<Message> lastOfEachItem(long planId) {
        return jdbc.query("select " + COLUMNS + " from outbox o where plan_id = ? and id = (select max(id) from outbox p where p.plan_id = o.plan_id "
                + "and p.item_id = o.item_id)", MESSAGE, planId);
    }

    /** Messages due for a (further) attempt, oldest first; with a mail server, also those kept for the lack of one. */
    public List<Message> due(LocalDateTime now, boolean mailServer, int limit) {
        return jdbc.query("select " + COLUMNS + " from outbox where (status = 'pending' and next_attempt_at <= ?)"
                + (mailServer ? " or status = 'not-sent-no-mail-server'" : "") + " order by id limit ?", MESSAGE, ts(now), limit);
    }

    /**
     * Takes a message for sending: only if it is still where it was seen (another process may have taken it), and
     * counts the attempt. A message left 'sending' by a process that died is not sent again ({@link #interrupted}).
     */
    public boolean claim(long id, Status from, LocalDateTime now) {
        return jdbc.update("update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ? where id = ? and status = ?",
                ts(now), id, from.text()) == 1;
    }

    public void sent(long id, LocalDateTime now) {
        jdbc.update("update outbox set status = 'sent', sent_at = ?, last_error = null where id = ?", ts(now), id);
    }

    public void retry(long id, LocalDateTime at, String error) {
        jdbc.update("update outbox set status = 'pending', next_attempt_at = ?, last_error = ? where id = ?", ts(at), cut(error), id);
    }

    public void failed(long id, String error) {
        jdbc.update("update outbox set status = 'failed', last_error = ? where id = ?", cut(error), id);
    }

    public void keep(long id, Status status, String error) {
        jdbc.update("update outbox set status = ?, last_error = ? where id = ?", status.text(), cut(error), id);
    }

    /** Messages a process was sending when it stopped: whether they went out is not known, so they are reported, never sent twice. */
    public int interrupted(LocalDateTime before) {
        return jdbc.update("update outbox set status = 'failed', last_error = 'interrupted while sending (the server stopped): check whether it arrived, "
                + "then send it again with send now' where status = 'sending' and next_attempt_at < ?", ts(before));
    }

    @Transactional
    public void pause(long planId, String itemId, boolean paused) {
        jdbc.update("update communication_schedules set paused = ? where plan_id = ? and item_id = ?", paused, planId, itemId);
        if (paused) {
            jdbc.update("update outbox set status = 'paused' where plan_id = ? and item_id = ? and status = 'pending'", planId, itemId);
        } else {
            jdbc.update("update outbox set status = 'pending' where plan_id = ? and item_id = ? and status = 'paused'", planId, itemId);
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    // ---------------------------------------------------------------- schedules

    public List<ScheduleState> schedules(long planId) {
        return jdbc.query("select plan_id, item_id, schedule, since, paused from communication_schedules where plan_id = ?",
                (rs, n) -> new ScheduleState(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs.getTimestamp(4)), rs.getBoolean(5)), planId);
    }

    /** The item's state, made (since now) when it is new or its schedule changed. */
    public ScheduleState schedule(long planId, String itemId, String schedule, LocalDateTime now) {
        for (int attempt = 0; ; attempt++) {
            Optional<ScheduleState> known = jdbc.query("select plan_id, item_id, schedule, since, paused from communication_schedules where plan_id = ? and item_id = ?",
                    (rs, n) -> new ScheduleState(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs.getTimestamp(4)), rs.getBoolean(5)),
                    planId, itemId).stream().findFirst();
            if (known.isPresent() && known.get().schedule().equals(schedule)) {
                return known.get();
            }
            if (known.isPresent()) {
                jdbc.update("update communication_schedules set schedule = ?, since = ? where plan_id = ? and item_id = ?", schedule, ts(now), planId, itemId);
                return new ScheduleState(planId, itemId, schedule, now, known.get().paused());
            }
            try {
                jdbc.update("insert into communication_schedules (plan_id, item_id, schedule, since, paused) values (?, ?, ?, ?, false)",
                        planId, itemId, schedule, ts(now));
                return new ScheduleState(planId, itemId, schedule, now, false);
            } catch (DuplicateKeyException e) {
                if (attempt > 2) {
                    throw e;
                }
            }
        }
    }

    public List<Long> planIds() {
        return jdbc.queryForList("select id from plans order by id", Long.class);
    }

    // ---------------------------------------------------------------- secrets

    public record Secrets(String webhookSecret, String calendarTokenHash) {
    }

    public Optional<Secrets> secrets(long planId) {
        return jdbc.query("select webhook_secret, calendar_token_hash from communication_secrets where plan_id = ?",
                (rs, n) -> new Secrets(rs.getString(1), rs.getString(2)), planId).stream().findFirst();
    }

    /** Sets the plan's secrets, replacing earlier ones; false when another process set them first and {@code replace} is false. */
    public boolean secrets(long planId, String webhookSecret, String calendarTokenHash, LocalDateTime now, boolean replace) {
        if (replace) {
            jdbc.update("delete from communication_secrets where plan_id = ?", planId);
        }
        try {
            jdbc.update("insert into communication_secrets (plan_id, webhook_secret, calendar_token_hash, created_at) values (?, ?, ?, ?)",
                    planId, webhookSecret, calendarTokenHash, ts(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Long> planOfCalendarToken(String hash) {
        return jdbc.queryForList("select plan_id from communication_secrets where calendar_token_hash = ?", Long.class, hash).stream().findFirst();
    }

    // ---------------------------------------------------------------- inbox

    public void deliver(String username, long planId, long outboxId, String subject, String bodyHtml, LocalDateTime now) {
        try {
            jdbc.update("insert into inbox (username, plan_id, outbox_id, subject, body_html, created_at) values (?, ?, ?, ?, ?, ?)",
                    username, planId, outboxId, subject, bodyHtml, ts(now));
        } catch (DuplicateKeyException e) {
            // delivered already
        }
    }

    public List<InboxEntry> inbox(String username, int limit) {
        return jdbc.query("select id, plan_id, subject, body_html, created_at, read_at from inbox where username = ? order by id desc limit ?",
                (rs, n) -> new InboxEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), time(rs.getTimestamp(5)),
                        time(rs.getTimestamp(6))), username, limit);
    }
}
