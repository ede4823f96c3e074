package io.planwright.server.track;

import io.planwright.core.calendar.Moments;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.track.Baselines;
import io.planwright.core.track.ProgressUpdate;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.Revisions;
import io.planwright.server.shared.StaleRevision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Tracking over HTTP: saving a baseline of the plan as scheduled, progress updated as of a date (MS
 * Project's Update Project) and the plan's status at a date against a baseline, with earned value and
 * earned schedule of the plan, its phases and tasks, and the S-curves. Every change is one revision.
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class TrackController {

    private final PlanService plans;
    private final PlanAccess access;
    private final TrackService track;

    public TrackController(PlanService plans, PlanAccess access, TrackService track) {
        this.plans = plans;
        this.access = access;
        this.track = track;
    }

    /** One baseline: its id, name, when it was saved, how many tasks it holds, its finish and its cost. */
    public record BaselineView(String id, String name, LocalDateTime savedAt, int tasks, LocalDateTime finish, double cost) {
        static BaselineView of(Plan plan, Baseline b) {
            Double cost = io.planwright.core.cost.Costs.budget(plan, b);
            return new BaselineView(b.id(), b.name(), b.savedAt(), b.tasks().size(), Baselines.finish(b), cost == null ? 0 : cost);
        }
    }

    /** What saving a baseline is asked: its name (default: Baseline, Baseline 1, ...). */
    public record SaveBaseline(String name) {
    }

    /**
     * Saves the plan as scheduled now as baseline {@code baselineId} ({@code baseline} or {@code baseline1} to
     * {@code baseline10}), replacing one of that id, as MS Project's Set Baseline: one new revision. Listing,
     * reading and clearing baselines are the baselines section's (GET and DELETE on {@code /baselines}).
     */
    @PostMapping("/baselines/{baselineId}/save")
    public ResponseEntity<BaselineView> save(@PathVariable long planId, @PathVariable String baselineId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @RequestBody(required = false) SaveBaseline body) {
        access.require(planId, Role.EDITOR);
        if (!Baselines.isValidId(baselineId)) {
            throw new IllegalArgumentException("'" + baselineId + "' is not a baseline: use baseline or baseline1 to baseline10");
        }
        String name = body == null ? null : body.name();
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("name: at most 200 characters");
        }
        PlanState state = current(planId, ifMatch);
        PlanSchedule schedule = plans.schedule(state);
        Baseline b = Baselines.capture(state.plan(), schedule, baselineId, name, LocalDateTime.now().withSecond(0).withNano(0));
        PlanState after = edit(planId, state.revision(), "save " + b.name(), plan -> Baselines.save(plan, b));
        return ResponseEntity.ok().eTag(Revisions.etag(after.revision()))
                .body(BaselineView.of(after.plan(), b));
    }

    /** What restoring a baseline is asked: the baseline to copy (its id or name). */
    public record RestoreBaseline(String from) {
    }

    /**
     * Copies baseline {@code from} under {@code baselineId} (MS Project's "copy Baseline 1 to Baseline"): an
     * earlier baseline restored as the one progress is measured against, keeping its name and date. One revision.
     */
    @PostMapping("/baselines/{baselineId}/restore")
    public ResponseEntity<BaselineView> restore(@PathVariable long planId, @PathVariable String baselineId,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody RestoreBaseline body) {
        access.require(planId, Role.EDITOR);
        if (!Baselines.isValidId(baselineId)) {
            throw new IllegalArgumentException("'" + baselineId + "' is not a baseline: use baseline or baseline1 to baseline10");
        }
        if (body == null || body.from() == null || body.from().isBlank()) {
            throw new IllegalArgumentException("from: the baseline to copy is required, such as baseline1");
        }
        PlanState state = current(planId, ifMatch);
        Plan restored = Baselines.copy(state.plan(), body.from(), baselineId)
                .orElseThrow(() -> new NotFound("baseline '" + body.from() + "' of plan " + planId));
        Baseline b = Baselines.find(restored, baselineId).orElseThrow();
        PlanState after = edit(planId, state.revision(), "restore " + b.name() + " as " + Baselines.defaultName(baselineId), plan -> restored);
        return ResponseEntity.ok().eTag(Revisions.etag(after.revision())).body(BaselineView.of(after.plan(), b));
    }

    /**
     * What updating progress is asked: the status date (a date alone is the end of that day), the rule for work
     * under way, and whether the work left of started tasks behind it resumes at it (unchanged when absent).
     */
    public record UpdateProgress(String asOf, String rule, Boolean rescheduleRemaining) {
    }

    /** What the update did: the new revision and status date, the tasks it completed and those under way it advanced. */
    public record ProgressUpdated(long revision, LocalDateTime statusDate, List<String> completed, List<String> advanced) {
    }

    @PostMapping("/progress")
    public ResponseEntity<ProgressUpdated> progress(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @RequestBody UpdateProgress body) {
        access.require(planId, Role.EDITOR);
        LocalDateTime date = date(body == null ? null : body.asOf(), "asOf");
        if (date == null) {
            throw new IllegalArgumentException("asOf: the status date is required, such as 2026-03-13");
        }
        ProgressUpdate.Rule rule = switch (body.rule() == null ? "share" : body.rule()) {
            case "share" -> ProgressUpdate.Rule.SHARE_ELAPSED;
            case "zero-or-hundred" -> ProgressUpdate.Rule.ZERO_OR_HUNDRED;
            default -> throw new IllegalArgumentException("rule: '" + body.rule() + "' is not a rule: use share or zero-or-hundred");
        };
        PlanState state = current(planId, ifMatch);
        ProgressUpdate.Result r = ProgressUpdate.asOf(state.plan(), plans.schedule(state), date, rule);
        Plan updated = body.rescheduleRemaining() == null ? r.plan() : r.plan().toBuilder().rescheduleRemaining(body.rescheduleRemaining()).build();
        PlanState after = edit(planId, state.revision(), "update progress as of " + Moments.date(date, Moments.Edge.FINISH), plan -> updated);
        return ResponseEntity.ok().eTag(Revisions.etag(after.revision()))
                .body(new ProgressUpdated(after.revision(), date, r.completed(), r.advanced()));
    }

    /**
     * The plan's status at {@code asOf} (default: its status date, else today) against baseline
     * {@code baseline} (id or name; default: the main one).
     */
    @GetMapping("/status")
    public ResponseEntity<StatusView> status(@PathVariable long planId, @RequestParam(required = false) String asOf,
                                             @RequestParam(required = false) String baseline) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        LocalDateTime date = date(asOf, "asOf");
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(StatusView.of(track.status(state, date, baseline)));
    }

    private PlanState current(long planId, String ifMatch) {
        long base = Revisions.ifMatch(ifMatch);
        PlanState state = plans.current(planId);
        if (state.revision() != base) {
            throw new Revisions.Conflict(state.revision(), null);
        }
        return state;
    }

    private PlanState edit(long planId, long base, String action, UnaryOperator<Plan> change) {
        try {
            return plans.edit(planId, base, access.account().id(), action, change);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(plans.current(planId).revision(), null);
        }
    }

    /** A date from a request: a date alone is the end of that day, as in plan files. */
    static LocalDateTime date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDateTime moment = Moments.parse(text, Moments.Edge.FINISH);
        if (moment == null) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a date; write 2026-03-13 (the end of that day) or 2026-03-13T12:00");
        }
        return moment;
    }
}
