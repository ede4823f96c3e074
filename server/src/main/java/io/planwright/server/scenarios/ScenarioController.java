package io.planwright.server.scenarios;

import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanStore;
import io.planwright.server.shared.Revisions;
import io.planwright.server.shared.StaleRevision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Scenarios over HTTP: branch one from the plan, list them, compare one with the plan, merge its chosen
 * changes back as one revision of the plan, discard it. A scenario is a plan of its own
 * ({@code /api/v1/plans/{scenarioId}/...}): every editing, scheduling, leveling and simulation endpoint works on it.
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}/scenarios")
public class ScenarioController {

    private final PlanService plans;
    private final PlanAccess access;
    private final ScenarioService scenarios;

    public ScenarioController(PlanService plans, PlanAccess access, ScenarioService scenarios) {
        this.plans = plans;
        this.access = access;
        this.scenarios = scenarios;
    }

    /** What branching is asked: the scenario's name. */
    public record Branch(String name) {
    }

    @GetMapping
    public List<PlanStore.Scenario> list(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        return plans.scenarios(planId);
    }

    /** Branches a scenario from the plan as it is now (editors): a plan of its own, with the plan's members. */
    @PostMapping
    public ResponseEntity<PlanStore.Scenario> branch(@PathVariable long planId, @RequestBody Branch body) {
        access.require(planId, Role.EDITOR);
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("name: a scenario needs a name of 1 to 200 characters, such as 'Two more developers'");
        }
        if (plans.scenarios(planId).stream().anyMatch(s -> s.name().equalsIgnoreCase(name))) {
            throw new IllegalArgumentException("name: the plan has a scenario named '" + name + "' already");
        }
        long id = plans.branch(planId, name, access.account().id());
        return ResponseEntity.ok(plans.scenario(id).orElseThrow());
    }

    /** The plan and the scenario side by side, their differences, and the scenario's changes with their conflicts. */
    @GetMapping("/{scenarioId}/comparison")
    public ScenarioService.ScenarioComparison compare(@PathVariable long planId, @PathVariable long scenarioId) {
        access.require(planId, Role.VIEWER);
        access.require(scenarioId, Role.VIEWER);
        return scenarios.compare(planId, scenarioId);
    }

    /** What merging is asked: the keys of the changes to take ({@code tasks/design}, {@code plan}); absent: all of them. */
    public record Merge(List<String> changes) {
    }

    /**
     * Takes the chosen changes of the scenario into the plan as one revision ({@code If-Match}: the plan's revision).
     * Entries the plan changed differently since the scenario was branched are conflicts: listed, kept as the plan has them.
     */
    @PostMapping("/{scenarioId}/merge")
    public ResponseEntity<ScenarioService.Merged> merge(@PathVariable long planId, @PathVariable long scenarioId,
                                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @RequestBody(required = false) Merge body) {
        access.require(planId, Role.EDITOR);
        access.require(scenarioId, Role.VIEWER);
        long base = Revisions.ifMatch(ifMatch);
        java.util.Set<String> chosen = body == null || body.changes() == null ? null : new LinkedHashSet<>(body.changes());
        try {
            ScenarioService.Merged m = scenarios.merge(planId, scenarioId, base, access.account().id(), chosen);
            return ResponseEntity.ok().eTag(Revisions.etag(m.revision())).body(m);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(e.current(), null);
        }
    }

    /** Discards the scenario (editors of the plan); the plan is untouched. */
    @DeleteMapping("/{scenarioId}")
    public ResponseEntity<Void> discard(@PathVariable long planId, @PathVariable long scenarioId) {
        access.require(planId, Role.EDITOR);
        scenarios.scenarioOf(planId, scenarioId);
        plans.discardScenario(scenarioId);
        return ResponseEntity.noContent().build();
    }
}
