package io.planwright.server.schedule;

import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.StaleRevision;
import io.planwright.server.shared.Revisions;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import io.planwright.core.level.Overallocations;
import io.planwright.core.level.PlanLeveler;
import io.planwright.core.level.RcpspSolver;
import io.planwright.core.level.ResourceUsage;
import io.planwright.core.model.Plan;
import io.planwright.server.plans.PlanAccess.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource usage and leveling over HTTP: each work resource's peak units per day with its
 * over-allocations, leveling applied as one revision of the plan (the delays as start-no-earlier-than
 * constraints), and undoing it while nobody has changed the plan since.
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class LevelController {

    /** The action a leveling revision is recorded with, which undo looks for. */
    static final String ACTION = "level resources";

    private final PlanService plans;
    private final PlanAccess access;

    public LevelController(PlanService plans, PlanAccess access) {
        this.plans = plans;
        this.access = access;
    }

    /** One resource's usage: peak units per day from {@code firstDay}, its maximum, and where it is over. */
    public record UsageView(String resourceId, String name, double maxUnits, LocalDate firstDay, double[] peak,
                            List<Overallocations.Overallocation> overallocations) {
    }

    @GetMapping("/resource-usage")
    public ResponseEntity<List<UsageView>> usage(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        var schedule = plans.schedule(state);
        List<Overallocations.Overallocation> over = Overallocations.of(state.plan(), schedule);
        List<UsageView> out = new ArrayList<>();
        for (ResourceUsage.Usage u : ResourceUsage.byDay(state.plan(), schedule)) {
            out.add(new UsageView(u.resourceId(), u.name(), u.maxUnits(), u.firstDay(), u.peak(),
                    over.stream().filter(o -> o.resourceId().equals(u.resourceId())).toList()));
        }
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(out);
    }

    /** What leveling did. */
    public record Levelled(long revision, LocalDateTime finishBefore, LocalDateTime finishAfter, int overallocationsBefore,
                           List<Overallocations.Overallocation> remaining, List<Delay> delays, long schedules, LocalDateTime startBefore,
                           LocalDateTime startAfter, boolean backward, List<Missed> missedDeadlines) {
    }

    /** A deadline leveling made the plan miss (or miss by more): the task (null: the plan's target finish), how late, in words too. */
    public record Missed(String taskId, String name, LocalDateTime deadline, LocalDateTime finish, double lateHours, String late) {
    }

    /** A task leveling delayed, by how many working hours. */
    public record Delay(String taskId, String name, double hours) {
    }

    /**
     * Levels the plan as it is at the If-Match revision and saves the result as one new revision.
     * {@code seconds}: CPU time for the search (default 2, at most 60).
     */
    @PostMapping("/level")
    public ResponseEntity<Levelled> level(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestParam(defaultValue = "2") double seconds, @RequestParam(defaultValue = "1") long seed,
                                          @RequestParam(defaultValue = "false") boolean withinFloat) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        if (!(seconds > 0 && seconds <= 60)) {
            throw new IllegalArgumentException("seconds must be more than 0 and at most 60");
        }
        PlanState state = plans.current(planId);
        if (state.revision() != base) {
            throw new Revisions.Conflict(state.revision(), null);
        }
        PlanLeveler.Result r;
        try {
            r = PlanLeveler.level(state.plan(), new RcpspSolver.Options((long) (seconds * 1e9), 0, seed, 2), withinFloat);
        } catch (PlanLeveler.Unschedulable e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Plan levelled = r.levelled();
        PlanState after;
        try {
            after = plans.edit(planId, base, access.account().id(), ACTION, plan -> levelled);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(plans.current(planId).revision(), null);
        }
        List<Delay> delays = new ArrayList<>();
        r.delayMinutes().forEach((id, minutes) -> {
            if (minutes > 0) {
                delays.add(new Delay(id, r.after().task(id).map(t -> t.name()).orElse(id), minutes / 60.0));
            }
        });
        return ResponseEntity.ok().eTag(Revisions.etag(after.revision()))
                .body(new Levelled(after.revision(), r.before().finish(), r.after().finish(), r.overallocatedBefore().size(), r.remaining(), delays,
                        r.schedules(), r.before().start(), r.after().start(),
                        state.plan().scheduleFrom() == io.planwright.core.model.ScheduleFrom.FINISH,
                        io.planwright.core.schedule.MissedDeadline.newlyMissed(r.before(), r.after()).stream()
                                .map(m -> new Missed(m.taskId(), m.name(), m.deadline(), m.finish(), m.lateMinutes() / 60.0, m.lateText())).toList()));
    }

    /** Undoes the leveling that made the If-Match revision (the latest): the plan as it was just before it, as a new revision. */
    @PostMapping("/level/undo")
    public ResponseEntity<Void> undo(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        PlanState state = plans.current(planId);
        if (state.revision() != base) {
            throw new Revisions.Conflict(state.revision(), null);
        }
        List<PlanStore.Revision> last = plans.history(planId, 1, false);
        if (last.isEmpty() || !ACTION.equals(last.get(0).action()) || last.get(0).revision() != base) {
            throw new IllegalArgumentException("the latest change of the plan is not a leveling: there is nothing to undo");
        }
        Plan before = plans.at(planId, base - 1).orElseThrow(() -> new NotFound("revision " + (base - 1))).plan();
        PlanState after;
        try {
            after = plans.edit(planId, base, access.account().id(), "undo leveling", plan -> before);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(plans.current(planId).revision(), null);
        }
        return ResponseEntity.noContent().eTag(Revisions.etag(after.revision())).build();
    }
}
