package io.planwright.server.stakeholders;

import io.planwright.core.model.Engagement;
import io.planwright.core.model.Level;
import io.planwright.core.stakeholders.Engagements;
import io.planwright.core.stakeholders.Raci;
import io.planwright.server.feedback.FeedbackService;
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
    private final FeedbackService feedback;
    private final int silentCycles;

    public StakeholderPages(PageFrame frame, FeedbackService feedback,
                            @org.springframework.beans.factory.annotation.Value("${planwright.feedback.silent-cycles:2}") int silentCycles) {
        this.frame = frame;
        this.feedback = feedback;
        this.silentCycles = silentCycles;
    }

    /** A group's row of the confidence table: its name and its average per week of the table (blank: no answer that week). */
    public record GroupRow(String name, List<String> cells) {
    }

    @GetMapping("/plans/{planId}/stakeholders")
    public String stakeholders(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "stakeholders");
        model.addAttribute("quadrants", StakeholderViews.powerInterest(state.plan()));
        model.addAttribute("levels", Level.values());
        model.addAttribute("engagements", Engagement.values());
        model.addAttribute("problemsByPath", frame.problemsByPath(state, "stakeholders/"));
        FeedbackService.Overview overview = feedback.overview(planId, silentCycles);
        model.addAttribute("feedback", overview);
        model.addAttribute("silentCycles", silentCycles);
        List<GroupRow> rows = new java.util.ArrayList<>();
        groups(rows, "", overview.byOrganisation(), overview.all());
        groups(rows, "role: ", overview.byRole(), overview.all());
        model.addAttribute("groupRows", rows);
        return "stakeholders/stakeholders";
    }

    private static void groups(List<GroupRow> out, String prefix, java.util.Map<String, List<Engagements.Point>> groups, List<Engagements.Point> weeks) {
        groups.forEach((name, points) -> out.add(new GroupRow(prefix + name, weeks.stream().map(w -> points.stream().filter(p -> p.week().equals(w.week()))
                .findFirst().map(p -> String.format(java.util.Locale.ROOT, "%.1f", p.confidence())).orElse("")).toList())));
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
