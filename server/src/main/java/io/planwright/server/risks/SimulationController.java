package io.planwright.server.risks;

import io.planwright.server.shared.Revisions;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.core.model.Plan;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;
import io.planwright.formats.risk.SimulationJson;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.server.plans.PlanAccess.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Risk analysis over HTTP: a Monte Carlo simulation of the plan at its current revision (it changes
 * nothing, so any member may run it). The answer is the JSON of {@code planwright simulate} with
 * histograms of the finish and the cost, and the names of the tasks and risks it mentions.
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class SimulationController {

    /** The most iterations one request may ask for. */
    static final int MAX_ITERATIONS = 100_000;

    private final PlanService plans;
    private final PlanAccess access;

    public SimulationController(PlanService plans, PlanAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @GetMapping(value = "/simulation", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> simulate(@PathVariable long planId, @RequestParam(defaultValue = "10000") int iterations,
                                           @RequestParam(defaultValue = "1") long seed, @RequestParam(defaultValue = "0") double correlation) {
        access.require(planId, Role.VIEWER);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS);
        }
        if (!(correlation >= 0 && correlation < 1)) {
            throw new IllegalArgumentException("correlation must be from 0 up to (not including) 1");
        }
        PlanState state = plans.current(planId);
        Plan plan = state.plan();
        MonteCarlo.Result r = MonteCarlo.run(SimulationModel.of(plan), new MonteCarlo.Options(iterations, seed, 2, correlation), null);
        String json = SimulationJson.write(r, true).strip();
        // the names of the tasks and risks the answer mentions, for people
        Map<String, String> names = new LinkedHashMap<>();
        plan.tasks().forEach(t -> names.put(t.id(), t.name() == null ? t.id() : t.name()));
        plan.risks().forEach(k -> names.putIfAbsent(k.id(), k.title()));
        StringBuilder b = new StringBuilder(json.substring(0, json.length() - 1)).append(",\"revision\":").append(state.revision()).append(",\"names\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (r.criticality().containsKey(e.getKey()) || r.sensitivity().containsKey(e.getKey()) || r.deadlines().containsKey(e.getKey())
                    || r.milestones().containsKey(e.getKey())) {
                b.append(first ? "" : ",").append(JsonEmitter.string(e.getKey())).append(':').append(JsonEmitter.string(e.getValue()));
                first = false;
            }
        }
        b.append("}}\n");
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(b.toString());
    }
}
