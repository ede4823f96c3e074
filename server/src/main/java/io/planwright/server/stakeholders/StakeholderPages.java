package io.planwright.server.stakeholders;

import io.planwright.core.model.Engagement;
import io.planwright.core.model.Level;
import io.planwright.core.stakeholders.Raci;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/** A plan's stakeholder register (with the power-interest grid) and its RACI matrix; the communication plan's page is the communication feature's. */
@Controller
@ErrorPages
public class StakeholderPages {

    private final PageFrame frame;

    public StakeholderPages(PageFrame frame) {
        this.frame = frame;
    }

    @GetMapping("/plans/{planId}/stakeholders")
    public String stakeholders(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "stakeholders");
        model.addAttribute("quadrants", StakeholderViews.powerInterest(state.plan()));
        model.addAttribute("levels", Level.values());
        model.addAttribute("engagements", Engagement.values());
        model.addAttribute("problemsByPath", frame.problemsByPath(state, "stakeholders/"));
        return "stakeholders/stakeholders";
    }

    @GetMapping("/plans/{planId}/raci")
    public String raci(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "raci");
        List<String> parties = Raci.parties(state.plan());
        model.addAttribute("parties", parties);
        model.addAttribute("partyNames", Raci.partyNames(state.plan()));
        List<StakeholderViews.RaciRow> rows = StakeholderViews.raciRows(state.plan(), parties, frame.problems(state));
        model.addAttribute("rows", rows);
        model.addAttribute("withProblems", rows.stream().filter(r -> !r.problems().isEmpty()).count());
        model.addAttribute("withoutOwn", rows.stream().filter(r -> !r.own() && !r.summary()).count());
        model.addAttribute("inherited", rows.stream().filter(r -> !r.own() && !r.summary() && r.inheritedFrom() != null).count());
        return "stakeholders/raci";
    }
}
