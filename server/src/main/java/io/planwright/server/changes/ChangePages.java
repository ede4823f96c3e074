package io.planwright.server.changes;

import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/** Change control of a plan: the scope guard, the change requests with their impact and decisions, and the change log. */
@Controller
@ErrorPages
public class ChangePages {

    private final PageFrame frame;
    private final PlanService plans;
    private final ChangeService changes;

    public ChangePages(PageFrame frame, PlanService plans, ChangeService changes) {
        this.frame = frame;
        this.plans = plans;
        this.changes = changes;
    }

    @GetMapping("/plans/{planId}/changes")
    public String changes(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "changes");
        model.addAttribute("requests", changes.list(planId));
        model.addAttribute("scope", frame.scheduleOrNull(state) == null ? null : changes.scopeGuard(planId, state));
        model.addAttribute("scenarios", plans.scenarios(planId));
        List<String> board = plans.members(planId).stream().filter(m -> m.role().equals("owner") || m.role().equals("stakeholder"))
                .map(PlanStore.Member::username).toList();
        model.addAttribute("boardCandidates", String.join(", ", board));
        return "changes/changes";
    }
}
