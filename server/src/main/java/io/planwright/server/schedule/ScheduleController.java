package io.planwright.server.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.schedule.CompactSchedule;
import io.planwright.formats.schedule.ScheduleCsv;
import io.planwright.formats.schedule.ScheduleDigest;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.Revisions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A plan's computed schedule (all of it, or what changed since a revision) and its critical path. */
@RestController
@RequestMapping("/api/v1/plans")
public class ScheduleController {

    private final PlanService plans;
    private final PlanAccess access;

    public ScheduleController(PlanService plans, PlanAccess access) {
        this.plans = plans;
        this.access = access;
    }

    /**
     * The schedule: the same fields per task as the CLI's CSV (JSON by default, or CSV). With
     * {@code since=REVISION} (JSON), only what changed since that revision: the plan's dates and
     * critical path, the rows that are new or differ, and the ids of the rows that are gone
     * ({@code "complete": false}); when the server no longer knows that revision's schedule, the whole
     * schedule ({@code "complete": true}).
     */
    @GetMapping("/{planId}/schedule")
    public ResponseEntity<byte[]> schedule(@PathVariable long planId, @RequestParam(defaultValue = "json") String format,
                                           @RequestParam(required = false) Long since,
                                           @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        String etag = Revisions.etag(state.revision());
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("csv")) {
            if (since != null) {
                throw new IllegalArgumentException("since works with the JSON schedule only");
            }
            return ResponseEntity.ok().eTag(etag).contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .body(ScheduleCsv.write(plans.schedule(state)).getBytes(StandardCharsets.UTF_8));
        }
        if (!f.equals("json")) {
            throw new IllegalArgumentException("format must be json or csv");
        }
        if (since == null) {
            return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(plans.compactSchedule(state).json());
        }
        if (since < 1 || since > state.revision()) {
            throw new IllegalArgumentException("since must be a revision of the plan, from 1 to " + state.revision());
        }
        Optional<ScheduleDigest> before = since == state.revision() ? Optional.of(plans.digest(state)) : plans.digestAt(planId, since);
        String leading = "\"revision\":" + state.revision() + ",\"since\":" + since + ",\"complete\":" + before.isEmpty() + ",";
        CompactSchedule schedule = plans.compactSchedule(state);
        byte[] body = before.isPresent() ? schedule.changesSince(before.get(), leading) : schedule.json(leading);
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** One step of the critical path. */
    public record PathStep(String id, String name, LocalDateTime start, LocalDateTime finish) {
    }

    @GetMapping("/{planId}/critical-path")
    public ResponseEntity<List<PathStep>> criticalPath(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        PlanSchedule schedule = plans.schedule(state);
        List<PathStep> out = new ArrayList<>();
        for (String id : schedule.criticalPath()) {
            ScheduledTask t = schedule.task(id).orElseThrow();
            out.add(new PathStep(t.id(), t.name(), t.start(), t.finish()));
        }
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(out);
    }
}
