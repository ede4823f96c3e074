package io.planwright.server.team;

import io.planwright.core.model.Duration;
import io.planwright.server.plans.ForContributors;
import io.planwright.server.plans.TeamUpdate;
import io.planwright.server.shared.Revisions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Team updates over HTTP: a member's work due now ({@code my-work}), the progress they submit on it
 * ({@code POST updates}: contributors and up, on their own resource's tasks), and the owners' and
 * editors' decisions ({@code accept}, several at once being one revision; {@code reject}).
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class TeamController {

    private final TeamService team;

    public TeamController(TeamService team) {
        this.team = team;
    }

    /** The caller's work due now: the resource they are linked to, the days it covers, and each task. */
    public record MyWorkView(String resourceId, String resourceName, LocalDate asOf, LocalDate from, LocalDate until, List<WorkRow> tasks) {
    }

    /**
     * One task of a member's work: scheduled dates, whether it is overdue, the member's planned work (hours), actual and remaining work
     * as reported (durations), the task's percent complete, and the ids of the member's updates on it still waiting for a decision.
     */
    public record WorkRow(String taskId, String name, LocalDateTime start, LocalDateTime finish, boolean overdue, double plannedWorkHours,
                          String actualWork, String remainingWork, double percentComplete, List<Long> waiting) {
    }

    /** A decision on updates: the reason, for the member to read (optional). */
    public record DecisionBody(String comment) {
    }

    /** A decision on several updates at once: their ids and the reason. */
    public record DecideMany(List<Long> ids, String comment) {
    }

    @GetMapping("/my-work")
    public MyWorkView myWork(@PathVariable long planId) {
        TeamService.MyWork w = team.myWork(planId);
        List<WorkRow> rows = w.tasks().stream().map(t -> new WorkRow(t.taskId(), t.name(), t.start(), t.finish(), t.overdue(), t.plannedWorkHours(),
                text(t.actualWork()), text(t.remainingWork()), t.percentComplete(),
                w.waiting().getOrDefault(t.taskId(), List.of()).stream().map(TeamUpdate::id).toList())).toList();
        return new MyWorkView(w.resource().id(), w.resource().name(), w.asOf(), w.from(), w.until(), rows);
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    /** Progress on a task of the caller's resource, for an owner or editor to accept: recorded, the plan unchanged until then. */
    @ForContributors
    @PostMapping("/updates")
    public ResponseEntity<TeamUpdate> submitUpdate(@PathVariable long planId, @RequestBody TeamService.Submission body) {
        return ResponseEntity.ok(team.submit(planId, body));
    }

    /** The plan's updates, oldest first, of one status or all: everyone's for owners and editors, their own for a contributor. */
    @GetMapping("/updates")
    public List<TeamUpdate> listUpdates(@PathVariable long planId, @RequestParam(required = false) String status) {
        return team.updates(planId, status);
    }

    @PostMapping("/updates/{updateId}/accept")
    public ResponseEntity<TeamService.Decision> acceptUpdate(@PathVariable long planId, @PathVariable long updateId,
                                                             @RequestBody(required = false) DecisionBody body) {
        return accepted(team.accept(planId, List.of(updateId), body == null ? null : body.comment()));
    }

    /** Accepts several updates as one revision of the plan. */
    @PostMapping("/updates/accept")
    public ResponseEntity<TeamService.Decision> acceptUpdates(@PathVariable long planId, @RequestBody DecideMany body) {
        return accepted(team.accept(planId, body == null ? null : body.ids(), body == null ? null : body.comment()));
    }

    private static ResponseEntity<TeamService.Decision> accepted(TeamService.Decision d) {
        return ResponseEntity.ok().header(Revisions.REVISION_HEADER, Long.toString(d.revision())).body(d);
    }

    @PostMapping("/updates/{updateId}/reject")
    public TeamService.Decision rejectUpdate(@PathVariable long planId, @PathVariable long updateId, @RequestBody(required = false) DecisionBody body) {
        return team.reject(planId, List.of(updateId), body == null ? null : body.comment());
    }

    @PostMapping("/updates/reject")
    public TeamService.Decision rejectUpdates(@PathVariable long planId, @RequestBody DecideMany body) {
        return team.reject(planId, body == null ? null : body.ids(), body == null ? null : body.comment());
    }
}
