package io.planwright.server.changes;

import io.planwright.server.plans.ForStakeholders;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Change requests over HTTP: submit one from a scenario (editors), list and read them with their impact
 * (recomputed when the plan moved), decide one (members of its change board: owners and stakeholder members),
 * and the change log as CSV.
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class ChangeController {

    private final ChangeService changes;
    private final PlanAccess access;

    public ChangeController(ChangeService changes, PlanAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @PostMapping("/change-requests")
    public ChangeService.ChangeRequestView submit(@PathVariable long planId, @RequestBody ChangeService.Submit body) {
        access.require(planId, Role.EDITOR);
        return changes.submit(planId, body, access.account().getUsername());
    }

    @GetMapping("/change-requests")
    public List<ChangeService.ChangeRequestView> list(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        return changes.list(planId);
    }

    @GetMapping("/change-requests/{id}")
    public ChangeService.ChangeRequestView one(@PathVariable long planId, @PathVariable long id) {
        access.require(planId, Role.VIEWER);
        return changes.view(planId, id);
    }

    /** A board member's decision: approve or reject, with a comment. */
    public record Decide(String decision, String comment) {
    }

    @PostMapping("/change-requests/{id}/decide")
    @ForStakeholders
    public ChangeService.ChangeRequestView decide(@PathVariable long planId, @PathVariable long id, @RequestBody Decide body) {
        access.require(planId, Role.STAKEHOLDER); // the board decides; the service checks the caller is on it
        var me = access.account();
        return changes.decide(planId, id, me.getUsername(), me.id(), body == null ? null : body.decision(), body == null ? null : body.comment());
    }

    /** Applies an approved request that could not be applied when it was approved (its conflicts resolved since). */
    @PostMapping("/change-requests/{id}/apply")
    public ChangeService.ChangeRequestView apply(@PathVariable long planId, @PathVariable long id) {
        access.require(planId, Role.EDITOR);
        return changes.apply(planId, id, access.account().id());
    }

    @GetMapping(value = "/change-log.csv", produces = "text/csv")
    public ResponseEntity<String> changeLog(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"change-log.csv\"").body(changes.csv(planId));
    }
}
