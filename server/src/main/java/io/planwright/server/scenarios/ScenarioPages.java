package io.planwright.server.scenarios;

import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The scenarios of a plan (branch, open, compare, discard) and one scenario compared with the plan, to merge from. */
@Controller
@ErrorPages
public class ScenarioPages {

    private final PageFrame frame;
    private final PlanService plans;
    private final PlanAccess access;
    private final ScenarioService scenarios;

    public ScenarioPages(PageFrame frame, PlanService plans, PlanAccess access, ScenarioService scenarios) {
        this.frame = frame;
        this.plans = plans;
        this.access = access;
        this.scenarios = scenarios;
    }

    @GetMapping("/plans/{planId}/scenarios")
    public String list(@PathVariable long planId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        model.addAttribute("page", "scenarios");
        model.addAttribute("scenarios", plans.scenarios(planId));
        return "scenarios/scenarios";
    }

    @GetMapping("/plans/{planId}/scenarios/{scenarioId}")
    public String compare(@PathVariable long planId, @PathVariable long scenarioId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        access.require(scenarioId, Role.VIEWER);
        model.addAttribute("page", "scenarios");
        model.addAttribute("c", scenarios.compare(planId, scenarioId));
        return "scenarios/compare";
    }
}
