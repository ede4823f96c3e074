package io.planwright.server.plans;

import io.planwright.server.shared.EntryExists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's submitted updates in the database (table {@code plan_updates}): written when submitted,
 * decided once (accepted or rejected, by whom, when, why, and the revision an accepted one became).
 */
@Repository
public class TeamUpdateStore {

    private static final String COLUMNS = "p.id, p.task_id, p.resource_id, s.username, p.submitted_at, p.actual_work, p.remaining_work,"
            + " p.percent_complete, p.comment, p.status, d.username, p.decided_at, p.decision_comment, p.revision"
            + " from plan_updates p join users s on s.id = p.submitted_by left join users d on d.id = p.decided_by";

    private static final RowMapper<TeamUpdate> ROW = (rs, n) -> new TeamUpdate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toLocalDateTime(), rs.getString(6), rs.getString(7), rs.getObject(8) == null ? null : rs.getDouble(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toLocalDateTime(),
            rs.getString(13), rs.getObject(14) == null ? null : rs.getLong(14));

    private final JdbcTemplate jdbc;

    public TeamUpdateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new update, submitted now; its id. */
    public long submit(long planId, String taskId, String resourceId, long userId, String actualWork, String remainingWork, Double percentComplete,
                       String comment) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into plan_updates (plan_id, task_id, resource_id, submitted_by, submitted_at, actual_work,"
                    + " remaining_work, percent_complete, comment, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, planId);
            s.setString(2, taskId);
            s.setString(3, resourceId);
            s.setLong(4, userId);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.setString(6, actualWork);
            s.setString(7, remainingWork);
            if (percentComplete == null) {
                s.setNull(8, Types.DOUBLE);
            } else {
                s.setDouble(8, percentComplete);
            }
            s.setString(9, comment);
            s.setString(10, TeamUpdate.SUBMITTED);
            return s;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The plan's updates, oldest first: of one status (null: all), of one submitter (null: everyone's). */
    public List<TeamUpdate> list(long planId, String status, Long submitterId) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " where p.plan_id = ?");
        List<Object> args = new ArrayList<>(List.of(planId));
        if (status != null) {
            sql.append(" and p.status = ?");
            args.add(status);
        }
        if (submitterId != null) {
            sql.append(" and p.submitted_by = ?");
            args.add(submitterId);
        }
        sql.append(" order by p.id");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    public Optional<TeamUpdate> find(long planId, long id) {
        return jdbc.query("select " + COLUMNS + " where p.plan_id = ? and p.id = ?", ROW, planId, id).stream().findFirst();
    }

    /**
     * Decides updates still submitted: all of them, or none and {@link EntryExists} (409) names the one
     * decided meanwhile. Joins the transaction of the revision an acceptance makes.
     */
    @Transactional
    public void decide(long planId, List<Long> ids, String status, long byUserId, String comment, Long revision) {
        Timestamp now = Timestamp.from(Instant.now());
        for (long id : ids) {
            int n = jdbc.update("update plan_updates set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, revision = ?"
                    + " where plan_id = ? and id = ? and status = ?", status, byUserId, now, comment, revision, planId, id, TeamUpdate.SUBMITTED);
            if (n != 1) {
                throw new EntryExists(find(planId, id).map(u -> "update " + id + " was " + u.status() + " already"
                        + (u.decidedBy() == null ? "" : " by " + u.decidedBy())).orElse("update " + id + " is gone"));
            }
        }
    }
}
