package io.planwright.server.team;

import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.track.TeamProgress;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.TeamUpdate;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.Revisions;
import io.planwright.server.shared.StaleRevision;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Team updates: a member linked to a resource of the plan sees the work assigned to it that is due now
 * and reports progress on it (actual and remaining work, percent complete, a comment); an owner or editor
 * accepts those updates (several at once are one revision of the plan) or rejects them. The rules of
 * what is due and how progress applies are core's ({@link TeamProgress}); the plan is read and changed
 * through {@link PlanService}.
 */
@Service
public class TeamService {

    /** The longest comment on an update or a decision. */
    static final int MAX_COMMENT = 2000;

    private final PlanService plans;
    private final PlanAccess access;

    public TeamService(PlanService plans, PlanAccess access) {
        this.plans = plans;
        this.access = access;
    }

    /** The work of the caller's resource that is due now: the week of the status date (else today) and the next, overdue first. */
    public record MyWork(Resource resource, LocalDate asOf, LocalDate from, LocalDate until, List<TeamProgress.WorkItem> tasks,
                         Map<String, List<TeamUpdate>> waiting) {
    }

    /** What a member submits about one task; work as durations (16h, 2d), percent complete 0 to 100. */
    public record Submission(String taskId, String actualWork, String remainingWork, Double percentComplete, String comment) {
    }

    /** The resource the caller is linked to in the plan (checked: they are at least a contributor); else 403 saying how to get one. */
    public Resource linkedResource(PlanState state) {
        access.require(state.planId(), Role.CONTRIBUTOR);
        String id = access.linkedResource(state.planId()).orElseThrow(() -> new AccessDeniedException(
                "you are not linked to a resource of this plan, so no work is yours to report on: an owner links members to resources on the Members page"));
        return state.plan().resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AccessDeniedException(
                "you are linked to resource '" + id + "', which the plan no longer has: ask an owner to link you to another on the Members page"));
    }

    /** Whether the caller is linked to a resource of the plan (the "My work" page is theirs). */
    public boolean hasLinkedResource(long planId) {
        return access.linkedResource(planId).isPresent();
    }

    public MyWork myWork(long planId) {
        PlanState state = plans.current(planId);
        Resource resource = linkedResource(state);
        LocalDate day = TeamProgress.asOfDay(state.plan(), LocalDate.now());
        LocalDate from = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<TeamProgress.WorkItem> tasks = TeamProgress.myWork(state.plan(), plans.schedule(state), resource.id(), day);
        Map<String, List<TeamUpdate>> waiting = plans.updates(planId, TeamUpdate.SUBMITTED, access.account().id()).stream()
                .collect(Collectors.groupingBy(TeamUpdate::taskId));
        return new MyWork(resource, day, from, from.plusDays(13), tasks, waiting);
    }

    /** Records the caller's progress on a task of their resource, after checking every field; the update as recorded. */
    public TeamUpdate submit(long planId, Submission s) {
        if (s == null) {
            throw new IllegalArgumentException("the request has no body: send taskId and what you report (actualWork, remainingWork, percentComplete, comment)");
        }
        PlanState state = plans.current(planId);
        Resource resource = linkedResource(state);
        if (s.taskId() == null || s.taskId().isBlank()) {
            throw new FieldProblem("taskId", "say which task the update is about (its id)");
        }
        Task task = state.plan().task(s.taskId()).orElseThrow(() -> new NotFound("task '" + s.taskId() + "'"));
        if (TeamProgress.assignment(task, resource.id()) == null) {
            throw new AccessDeniedException("task '" + task.name() + "' (" + task.id() + ") is not assigned to your resource '" + resource.name()
                    + "': you report progress on your own work only");
        }
        Duration actual = work("actualWork", s.actualWork());
        Duration remaining = work("remainingWork", s.remainingWork());
        Double percent = s.percentComplete();
        if (percent != null && (percent.isNaN() || percent < 0 || percent > 100)) {
            throw new FieldProblem("percentComplete", "percent complete runs from 0 to 100, not " + io.planwright.core.format.Amounts.number(percent));
        }
        if (actual == null && remaining == null && percent == null) {
            throw new FieldProblem("percentComplete", "report the actual work, the remaining work or the percent complete (or all three)");
        }
        if (percent != null && percent >= 100 && remaining != null && !remaining.isZero()) {
            throw new FieldProblem("remainingWork", "a task 100 % complete has no work remaining: report 0h remaining, or a lower percent complete");
        }
        String comment = comment("comment", s.comment());
        long id = plans.submitUpdate(planId, task.id(), resource.id(), access.account().id(), actual == null ? null : actual.toString(),
                remaining == null ? null : remaining.toString(), percent, comment);
        return plans.update(planId, id).orElseThrow();
    }

    private static Duration work(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Duration d = Duration.parse(text).orElseThrow(() -> new FieldProblem(field, "'" + shorten(text) + "' is not an amount of work: write it as 16h or 2d"));
        if (d.isElapsed() || d.isPercent()) {
            throw new FieldProblem(field, "work is counted in working time, such as 16h or 2d, not " + d);
        }
        if (d.isNegative()) {
            throw new FieldProblem(field, "work cannot be below nothing (" + d + ")");
        }
        return d;
    }

    private static String comment(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            throw new FieldProblem(field, "a comment has at most " + MAX_COMMENT + " characters, not " + text.length());
        }
        return text.strip();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * The plan's updates of a status (null: all): every member's for owners and editors, a contributor's
     * own for them; viewers may not see them.
     */
    public List<TeamUpdate> updates(long planId, String status) {
        Role role = access.require(planId, Role.CONTRIBUTOR);
        if (status != null && !List.of(TeamUpdate.SUBMITTED, TeamUpdate.ACCEPTED, TeamUpdate.REJECTED).contains(status)) {
            throw new IllegalArgumentException("status must be submitted, accepted or rejected");
        }
        return plans.updates(planId, status, role.compareTo(Role.EDITOR) >= 0 ? null : access.account().id());
    }

    /** What accepting or rejecting made: the updates as decided, and the plan's revision after an acceptance. */
    public record Decision(List<TeamUpdate> updates, Long revision) {
    }

    /**
     * Accepts submitted updates as one revision of the plan as it is now (an update on a task that
     * changed since still applies to its assignment), named after the members and tasks. 409 when one
     * was decided already or its task is no longer the member's; 404 when there is no such update.
     */
    public Decision accept(long planId, List<Long> ids, String comment) {
        access.require(planId, Role.EDITOR);
        List<TeamUpdate> updates = submitted(planId, ids);
        String why = comment("comment", comment);
        PlanState state = plans.current(planId);
        List<TeamProgress.Report> reports = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (TeamUpdate u : updates) {
            Task task = state.plan().task(u.taskId()).orElseThrow(() -> new EntryExists("update " + u.id() + " is about task '" + u.taskId()
                    + "', which the plan no longer has: reject it"));
            if (TeamProgress.assignment(task, u.resourceId()) == null) {
                throw new EntryExists("update " + u.id() + " is about task '" + task.name() + "', which is no longer assigned to resource '"
                        + u.resourceId() + "': reject it");
            }
            reports.add(new TeamProgress.Report(u.taskId(), u.resourceId(), Duration.parse(u.actualWork()).orElse(null),
                    Duration.parse(u.remainingWork()).orElse(null), u.percentComplete()));
            named.add(u.submittedBy() + " on " + task.name() + " (" + task.id() + ")");
        }
        String action = (updates.size() == 1 ? "accept update from " : "accept " + updates.size() + " updates: ") + String.join("; ", named);
        PlanState after;
        try {
            after = plans.acceptUpdates(planId, ids(updates), access.account().id(), why, action,
                    plan -> TeamProgress.apply(plan, reports, TeamProgress.asOfDay(plan, LocalDate.now())));
        } catch (StaleRevision e) {
            // others kept changing the plan through every attempt: 409, and the owner tries again
            throw new Revisions.Conflict(e.current(), null);
        }
        return new Decision(reread(planId, updates), after.revision());
    }

    /** Rejects submitted updates; they stay on record with the reason. */
    public Decision reject(long planId, List<Long> ids, String comment) {
        access.require(planId, Role.EDITOR);
        List<TeamUpdate> updates = submitted(planId, ids);
        plans.rejectUpdates(planId, ids(updates), access.account().id(), comment("comment", comment));
        return new Decision(reread(planId, updates), null);
    }

    private List<TeamUpdate> submitted(long planId, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new FieldProblem("ids", "name the updates to decide (their ids)");
        }
        List<TeamUpdate> out = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                throw new FieldProblem("ids", "an update's id is a number");
            }
            TeamUpdate u = plans.update(planId, id).orElseThrow(() -> new NotFound("update " + id));
            if (!u.isSubmitted()) {
                throw new EntryExists("update " + id + " was " + u.status() + " already" + (u.decidedBy() == null ? "" : " by " + u.decidedBy()));
            }
            out.add(u);
        }
        return out;
    }

    private static List<Long> ids(List<TeamUpdate> updates) {
        return updates.stream().map(TeamUpdate::id).toList();
    }

    private List<TeamUpdate> reread(long planId, List<TeamUpdate> updates) {
        return updates.stream().map(u -> plans.update(planId, u.id())).flatMap(Optional::stream).toList();
    }
}
