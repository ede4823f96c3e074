package io.planwright.server.changes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The change requests and their decisions, in the database. */
@Component
public class ChangeStore implements io.planwright.server.plans.AppliedChanges {

    /** A change request as stored; the impact as JSON. */
    public record Stored(long id, long planId, Long scenarioId, String title, String reason, String requester, String objectiveId,
                         List<String> board, int approvalsNeeded, boolean rebaseline, String status, String impactJson, Long impactRevision,
                         LocalDateTime createdAt, LocalDateTime decidedAt, Long appliedRevision, List<String> appliedTasks) {
    }

    /** One board member's decision. */
    public record Decision(String approver, String decision, String comment, LocalDateTime decidedAt, long revision) {
    }

    private static final String COLUMNS = "id, plan_id, scenario_id, title, reason, requester, objective_id, board, approvals_needed, rebaseline,"
            + " status, impact, impact_revision, created_at, decided_at, applied_revision, applied_tasks";

    private static final RowMapper<Stored> ROW = (rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), list(rs.getString(8)), rs.getInt(9), rs.getBoolean(10),
            rs.getString(11), rs.getString(12), (Long) rs.getObject(13, Long.class), rs.getTimestamp(14).toLocalDateTime(),
            rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toLocalDateTime(), (Long) rs.getObject(16, Long.class), list(rs.getString(17)));

    private final JdbcTemplate jdbc;

    public ChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }

    public long create(long planId, long scenarioId, String title, String reason, String requester, String objectiveId, List<String> board,
                       int approvalsNeeded, boolean rebaseline, String impactJson, long impactRevision, LocalDateTime now) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into change_requests (plan_id, scenario_id, title, reason, requester, objective_id, board,"
                    + " approvals_needed, rebaseline, status, impact, impact_revision, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, planId);
            ps.setLong(2, scenarioId);
            ps.setString(3, title);
            ps.setString(4, reason);
            ps.setString(5, requester);
            ps.setString(6, objectiveId);
            ps.setString(7, String.join("\n", board));
            ps.setInt(8, approvalsNeeded);
            ps.setBoolean(9, rebaseline);
            ps.setString(10, impactJson);
            ps.setLong(11, impactRevision);
            ps.setTimestamp(12, Timestamp.valueOf(now));
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<Stored> list(long planId) {
        return jdbc.query("select " + COLUMNS + " from change_requests where plan_id = ? order by id desc", ROW, planId);
    }

    public Optional<Stored> find(long planId, long id) {
        return jdbc.query("select " + COLUMNS + " from change_requests where plan_id = ? and id = ?", ROW, planId, id).stream().findFirst();
    }

    public void impact(long id, String json, long revision) {
        jdbc.update("update change_requests set impact = ?, impact_revision = ? where id = ?", json, revision, id);
    }

    /** Records a board member's decision; false when they decided this request already. */
    public boolean decide(long id, String approver, String decision, String comment, LocalDateTime at, long revision) {
        Integer had = jdbc.queryForObject("select count(*) from change_decisions where request_id = ? and approver = ?", Integer.class, id, approver);
        if (had != null && had > 0) {
            return false;
        }
        jdbc.update("insert into change_decisions (request_id, approver, decision, comment, decided_at, revision) values (?, ?, ?, ?, ?, ?)",
                id, approver, decision, comment, Timestamp.valueOf(at), revision);
        return true;
    }

    public List<Decision> decisions(long id) {
        return jdbc.query("select approver, decision, comment, decided_at, revision from change_decisions where request_id = ? order by decided_at, approver",
                (rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime(), rs.getLong(5)), id);
    }

    public void status(long id, String status, LocalDateTime decidedAt) {
        jdbc.update("update change_requests set status = ?, decided_at = ? where id = ?", status, decidedAt == null ? null : Timestamp.valueOf(decidedAt), id);
    }

    public void applied(long id, long revision, List<String> tasks, LocalDateTime at) {
        jdbc.update("update change_requests set status = 'applied', applied_revision = ?, applied_tasks = ?, decided_at = ? where id = ?",
                revision, String.join("\n", tasks), Timestamp.valueOf(at), id);
    }

    @Override
    public java.util.Set<String> tasks(long planId) {
        return appliedTasks(planId);
    }

    /** The tasks every applied request of the plan added (the scope guard leaves them out). */
    public java.util.Set<String> appliedTasks(long planId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        jdbc.query("select applied_tasks from change_requests where plan_id = ? and status = 'applied'", rs -> {
            out.addAll(list(rs.getString(1)));
        }, planId);
        return out;
    }
}
