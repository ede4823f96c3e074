package io.planwright.server.plans;

import io.planwright.server.shared.StaleRevision;
import io.planwright.server.plans.ItemCodec.Item;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans in the database: one row per plan with its revision, one row per item, one row per item a
 * revision changed. A change is written in one transaction that moves the revision on only if it is
 * still the one the change was based on, so two writers never overwrite each other.
 */
@Repository
public class PlanStore {

    /** A plan as listed: id, name, revision, last change. */
    public record Summary(long id, String name, long revision, LocalDateTime updatedAt, String role) {
    }

    /** One revision of the history: who, when, what, and the items it changed. */
    public record Revision(long revision, LocalDateTime changedAt, String user, String action, List<Change> changes) {
    }

    /** One item a revision changed, before and after (null when it did not exist). */
    public record Change(String kind, String itemId, String before, String after) {
    }

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final ItemCodec codec;

    public PlanStore(JdbcClient db, JdbcTemplate jdbc, ItemCodec codec) {
        this.db = db;
        this.jdbc = jdbc;
        this.codec = codec;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    /** A new plan at revision 1, owned by the user, with all its items. */
    @Transactional
    public long create(String name, long ownerId, List<Item> items, String action) {
        Timestamp now = now();
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("insert into plans (name, revision, created_at, updated_at) values (?, 1, ?, ?)").params(name, now, now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        db.sql("insert into plan_members (plan_id, user_id, role) values (?, ?, 'owner')").params(id, ownerId).update();
        List<ItemChange> changes = new ArrayList<>();
        for (Item i : items) {
            changes.add(new ItemChange(i.kind(), i.itemId(), null, null, i.position(), i.data()));
        }
        write(id, 1, ownerId, action, changes, now);
        return id;
    }

    /** The plan's current revision, or empty when there is no such plan. */
    public Optional<Long> revision(long planId) {
        return db.sql("select revision from plans where id = ?").param(planId).query(Long.class).optional();
    }

    /** The plan as it is now; empty when there is no such plan. */
    @Transactional(readOnly = true)
    public Optional<PlanState> load(long planId) {
        Optional<Long> revision = revision(planId);
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        List<Item> rows = jdbc.query("select kind, item_id, position, data from plan_items where plan_id = ? order by kind, position",
                (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), planId);
        return Optional.of(codec.plan(planId, revision.get(), rows));
    }

    /** Whether any revision after {@code base} up to {@code upTo} changed the item. */
    public boolean changedSince(long planId, long base, long upTo, String kind, String itemId) {
        return db.sql("select count(*) from plan_changes where plan_id = ? and revision > ? and revision <= ? and kind = ? and item_id = ?")
                .params(planId, base, upTo, kind, itemId).query(Long.class).single() > 0;
    }

    /**
     * Writes a change based on {@code baseRevision}: the plan moves to the next revision and the items
     * and the history record it, or nothing happens and {@link StaleRevision} says where the plan is.
     */
    @Transactional
    public long apply(long planId, long baseRevision, Long userId, String action, List<ItemChange> changes, String newName) {
        return apply(planId, baseRevision, userId, action, changes, newName, null);
    }

    /** {@link #apply}, and {@code alsoWritten} with the new revision in the same transaction (it throws: nothing is written). */
    @Transactional
    public long apply(long planId, long baseRevision, Long userId, String action, List<ItemChange> changes, String newName,
                      java.util.function.LongConsumer alsoWritten) {
        Timestamp now = now();
        int moved = newName == null
                ? db.sql("update plans set revision = revision + 1, updated_at = ? where id = ? and revision = ?").params(now, planId, baseRevision).update()
                : db.sql("update plans set revision = revision + 1, updated_at = ?, name = ? where id = ? and revision = ?")
                        .params(now, newName, planId, baseRevision).update();
        if (moved != 1) {
            throw new StaleRevision(revision(planId).orElse(-1L));
        }
        long revision = baseRevision + 1;
        write(planId, revision, userId, action, changes, now);
        if (alsoWritten != null) {
            alsoWritten.accept(revision);
        }
        return revision;
    }

    /** The longest name of what a revision did that the history keeps (the column holds 300 characters). */
    static final int ACTION_LENGTH = 300;

    private void write(long planId, long revision, Long userId, String fullAction, List<ItemChange> changes, Timestamp now) {
        String action = fullAction.length() <= ACTION_LENGTH ? fullAction : fullAction.substring(0, ACTION_LENGTH - 1) + "\u2026";
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        int seq = 0;
        for (ItemChange c : changes) {
            if (c.isDelete()) {
                deletes.add(new Object[] {planId, c.kind(), c.itemId()});
            } else if (c.isCreate()) {
                inserts.add(new Object[] {planId, c.kind(), c.itemId(), c.afterPosition(), c.after()});
            } else {
                updates.add(new Object[] {c.afterPosition(), c.after(), planId, c.kind(), c.itemId()});
            }
            history.add(new Object[] {planId, revision, seq++, now, userId, action, c.kind(), c.itemId(), c.beforePosition(), c.before(),
                    c.afterPosition(), c.after()});
        }
        jdbc.batchUpdate("delete from plan_items where plan_id = ? and kind = ? and item_id = ?", deletes);
        jdbc.batchUpdate("update plan_items set position = ?, data = ? where plan_id = ? and kind = ? and item_id = ?", updates);
        jdbc.batchUpdate("insert into plan_items (plan_id, kind, item_id, position, data) values (?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("insert into plan_changes (plan_id, revision, seq, changed_at, user_id, action, kind, item_id, before_pos, before_data,"
                + " after_pos, after_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history);
    }

    /**
     * The plan as it was at a revision: the current items, with every later change undone, newest
     * first. Empty when there is no such plan or revision.
     */
    @Transactional(readOnly = true)
    public Optional<PlanState> at(long planId, long revision) {
        Optional<Long> current = revision(planId);
        if (current.isEmpty() || revision < 1 || revision > current.get()) {
            return Optional.empty();
        }
        Map<String, Item> items = new LinkedHashMap<>();
        jdbc.query("select kind, item_id, position, data from plan_items where plan_id = ?",
                rs -> {
                    items.put(rs.getString(1) + "\u0000" + rs.getString(2), new Item(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }, planId);
        jdbc.query("select kind, item_id, before_pos, before_data from plan_changes where plan_id = ? and revision > ? order by revision desc, seq desc",
                rs -> {
                    String key = rs.getString(1) + "\u0000" + rs.getString(2);
                    String before = rs.getString(4);
                    if (before == null) {
                        items.remove(key);
                    } else {
                        items.put(key, new Item(rs.getString(1), rs.getString(2), rs.getLong(3), before));
                    }
                }, planId, revision);
        List<Item> rows = new ArrayList<>(items.values());
        rows.sort(Comparator.comparing(Item::kind).thenComparingLong(Item::position));
        return Optional.of(codec.plan(planId, revision, rows));
    }

    /** The history, newest first: each revision with who made it and what it changed. */
    @Transactional(readOnly = true)
    public List<Revision> history(long planId, int limit, boolean withItems) {
        Map<Long, Revision> out = new LinkedHashMap<>();
        Map<Long, List<Change>> items = new HashMap<>();
        jdbc.query("select c.revision, c.changed_at, u.username, c.action, c.kind, c.item_id, c.before_data, c.after_data"
                        + " from plan_changes c left join users u on u.id = c.user_id"
                        + " where c.plan_id = ? and c.revision > (select revision from plans where id = ?) - ? order by c.revision desc, c.seq",
                rs -> {
                    long r = rs.getLong(1);
                    List<Change> list = items.computeIfAbsent(r, k -> new ArrayList<>());
                    out.computeIfAbsent(r, k -> {
                        try {
                            return new Revision(r, rs.getTimestamp(2).toLocalDateTime(), rs.getString(3), rs.getString(4), list);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    list.add(new Change(rs.getString(5), rs.getString(6), withItems ? rs.getString(7) : null, withItems ? rs.getString(8) : null));
                }, planId, planId, limit);
        return new ArrayList<>(out.values());
    }

    /**
     * A revision that changes no entry of the plan but is kept in its history (such as a sign-off):
     * one row of {@code kind} and {@code itemId} with what happened ({@code after}, JSON) and
     * {@code alsoWritten} with the new revision in the same transaction (it throws: nothing is written).
     */
    @Transactional
    public long note(long planId, Long userId, String action, String kind, String itemId, String after, java.util.function.LongConsumer alsoWritten) {
        for (int attempt = 1; ; attempt++) {
            long base = revision(planId).orElseThrow(() -> new io.planwright.server.shared.NotFound("plan " + planId));
            Timestamp now = now();
            if (db.sql("update plans set revision = revision + 1, updated_at = ? where id = ? and revision = ?").params(now, planId, base).update() != 1) {
                if (attempt == 5) {
                    throw new StaleRevision(revision(planId).orElse(-1L));
                }
                continue;
            }
            long revision = base + 1;
            jdbc.update("insert into plan_changes (plan_id, revision, seq, changed_at, user_id, action, kind, item_id, before_pos, before_data,"
                            + " after_pos, after_data) values (?, ?, 0, ?, ?, ?, ?, ?, null, null, null, ?)", planId, revision, now, userId,
                    action.length() <= ACTION_LENGTH ? action : action.substring(0, ACTION_LENGTH - 1) + "\u2026", kind, itemId, after);
            if (alsoWritten != null) {
                alsoWritten.accept(revision);
            }
            return revision;
        }
    }

    // ------------------------------------------------------------------ plans and members

    /** The plans (not their scenarios) a user is a member of, or with {@code all} every plan. */
    public List<Summary> plansOf(long userId, boolean all) {
        String sql = all
                ? "select p.id, p.name, p.revision, p.updated_at, coalesce(m.role, 'admin') from plans p left join plan_members m on m.plan_id = p.id and m.user_id = ? where p.base_plan_id is null order by p.id"
                : "select p.id, p.name, p.revision, p.updated_at, m.role from plans p join plan_members m on m.plan_id = p.id and m.user_id = ? where p.base_plan_id is null order by p.id";
        return jdbc.query(sql, (rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toLocalDateTime(),
                rs.getString(5)), userId);
    }

    public Optional<String> role(long planId, long userId) {
        return db.sql("select role from plan_members where plan_id = ? and user_id = ?").params(planId, userId).query(String.class).optional();
    }

    /** The history's kind for a change of who may work on the plan (its item is the user name). */
    public static final String MEMBER_KIND = "member";

    /**
     * Gives a user a role in the plan, linked to one of its resources or not ({@code role} null: takes
     * their role away) as a revision of the plan based on {@code baseRevision}, recorded in the history
     * with the role and link before and after; or nothing happens and {@link StaleRevision} says where
     * the plan is.
     */
    @Transactional
    public long changeMember(long planId, long baseRevision, long byUserId, String username, long memberId, String role, String resourceId) {
        Timestamp now = now();
        if (db.sql("update plans set revision = revision + 1, updated_at = ? where id = ? and revision = ?").params(now, planId, baseRevision)
                .update() != 1) {
            throw new StaleRevision(revision(planId).orElse(-1L));
        }
        String before = role(planId, memberId).orElse(null);
        String resourceBefore = before == null ? null : resourceOf(planId, memberId).orElse(null);
        if (role == null) {
            removeMember(planId, memberId);
        } else {
            setMember(planId, memberId, role, resourceId);
        }
        long revision = baseRevision + 1;
        String action = memberAction(username, before, resourceBefore, role, resourceId);
        jdbc.update("insert into plan_changes (plan_id, revision, seq, changed_at, user_id, action, kind, item_id, before_pos, before_data,"
                        + " after_pos, after_data) values (?, ?, 0, ?, ?, ?, ?, ?, null, ?, null, ?)", planId, revision, now, byUserId,
                action.length() <= ACTION_LENGTH ? action : action.substring(0, ACTION_LENGTH), MEMBER_KIND, username,
                memberJson(before, resourceBefore), role == null ? null : memberJson(role, resourceId));
        return revision;
    }

    static String memberAction(String username, String before, String resourceBefore, String role, String resourceId) {
        String link = resourceId == null ? "" : " for resource " + resourceId;
        if (role == null) {
            return "remove member " + username;
        }
        if (before == null) {
            return "add member " + username + " as " + role + link;
        }
        if (!before.equals(role)) {
            return "change member " + username + " from " + before + " to " + role + link;
        }
        if (!java.util.Objects.equals(resourceBefore, resourceId)) {
            return resourceId == null ? "unlink member " + username + " from resource " + resourceBefore : "link member " + username + " to resource " + resourceId;
        }
        return "keep member " + username + " as " + role + link;
    }

    private static String memberJson(String role, String resourceId) {
        if (role == null) {
            return null;
        }
        return "{\"role\":\"" + role + "\"" + (resourceId == null ? "" : ",\"resourceId\":" + io.planwright.server.shared.Problems.quote(resourceId)) + "}";
    }

    /** Gives a user a role, linked to a resource of the plan or not (null). */
    public void setMember(long planId, long userId, String role, String resourceId) {
        int updated = db.sql("update plan_members set role = ?, resource_id = ? where plan_id = ? and user_id = ?").params(role, resourceId, planId, userId).update();
        if (updated == 0) {
            db.sql("insert into plan_members (plan_id, user_id, role, resource_id) values (?, ?, ?, ?)").params(planId, userId, role, resourceId).update();
        }
    }

    /** The resource of the plan a member is linked to, if any. */
    public Optional<String> resourceOf(long planId, long userId) {
        return jdbc.query("select resource_id from plan_members where plan_id = ? and user_id = ?", (rs, n) -> Optional.ofNullable(rs.getString(1)),
                planId, userId).stream().findFirst().flatMap(o -> o);
    }

    public boolean removeMember(long planId, long userId) {
        return db.sql("delete from plan_members where plan_id = ? and user_id = ?").params(planId, userId).update() == 1;
    }

    /** A member of a plan: their role, and the resource of the plan they are linked to (null: none). */
    public record Member(String username, String role, String resourceId) {
    }

    /** A scenario: a plan branched from {@code basePlanId} at {@code baseRevision}, with its own name. */
    public record Scenario(long id, long basePlanId, long baseRevision, String name, long revision, LocalDateTime updatedAt) {
    }

    /**
     * A scenario of a plan: a new plan at revision 1 with the items given (the plan as it was at {@code baseRevision}),
     * the same members with the same roles, the user who branched it an owner of it.
     */
    @Transactional
    public long createScenario(long basePlanId, long baseRevision, String scenarioName, String planName, long userId, List<Item> items, String action) {
        long id = create(planName, userId, items, action);
        db.sql("update plans set base_plan_id = ?, base_revision = ?, scenario_name = ? where id = ?").params(basePlanId, baseRevision, scenarioName, id).update();
        db.sql("insert into plan_members (plan_id, user_id, role, resource_id) select ?, user_id, role, resource_id from plan_members where plan_id = ? and user_id <> ?")
                .params(id, basePlanId, userId).update();
        return id;
    }

    /** The scenarios of a plan, newest first. */
    public List<Scenario> scenarios(long planId) {
        return jdbc.query("select id, base_plan_id, base_revision, scenario_name, revision, updated_at from plans where base_plan_id = ? order by id desc",
                (rs, n) -> new Scenario(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toLocalDateTime()),
                planId);
    }

    /** The plan as a scenario (what it was branched from), or empty for a plan of its own. */
    public Optional<Scenario> scenario(long planId) {
        return jdbc.query("select id, base_plan_id, base_revision, scenario_name, revision, updated_at from plans where id = ? and base_plan_id is not null",
                (rs, n) -> new Scenario(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toLocalDateTime()),
                planId).stream().findFirst();
    }

    public List<Member> members(long planId) {
        return jdbc.query("select u.username, m.role, m.resource_id from plan_members m join users u on u.id = m.user_id where m.plan_id = ? order by u.username",
                (rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3)), planId);
    }

    public long countOwners(long planId) {
        return db.sql("select count(*) from plan_members where plan_id = ? and role = 'owner'").param(planId).query(Long.class).single();
    }

    /**
     * Deletes the plan if it is still at {@code baseRevision}; else nothing happens and {@link StaleRevision}
     * says where it is.
     */
    @Transactional
    public boolean delete(long planId, long baseRevision) {
        if (db.sql("update plans set revision = revision where id = ? and revision = ?").params(planId, baseRevision).update() != 1) {
            throw new StaleRevision(revision(planId).orElse(-1L));
        }
        jdbc.update("delete from plan_updates where plan_id = ?", planId);
        for (String table : List.of("feedback_answers", "feedback_links_used", "approvals", "notifications", "notification_scans")) {
            jdbc.update("delete from " + table + " where plan_id = ?", planId);
        }
        jdbc.update("delete from plan_changes where plan_id = ?", planId);
        jdbc.update("delete from plan_items where plan_id = ?", planId);
        jdbc.update("delete from plan_members where plan_id = ?", planId);
        return jdbc.update("delete from plans where id = ?", planId) == 1;
    }
}
