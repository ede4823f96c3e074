package io.planwright.server.objectives;

import io.planwright.core.overview.PlanOverview;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.HashMap;
import java.util.Map;

/** A plan's objectives with their KPIs, the tasks that serve each, and the work that traces to none. */
@Controller
@ErrorPages
public class ObjectivePages {

    private final PageFrame frame;
    private final tools.jackson.databind.ObjectMapper json;

    public ObjectivePages(PageFrame frame, tools.jackson.databind.ObjectMapper json) {
        this.frame = frame;
        this.json = json;
    }

    @GetMapping("/plans/{planId}/objectives")
    public String objectives(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "objectives");
        model.addAttribute("served", PlanOverview.tasksByObjective(state.plan()));
        model.addAttribute("untraced", PlanOverview.untracedTasks(state.plan()));
        Map<String, Integer> kpiProgress = new HashMap<>();
        PlanOverview.kpis(state.plan()).forEach(k -> {
            if (k.progress() != null) {
                kpiProgress.put(k.objectiveId() + "/" + k.kpiId(), k.progress());
            }
        });
        model.addAttribute("kpiProgress", kpiProgress);
        Map<String, String> objectiveJson = new HashMap<>();
        state.plan().objectives().forEach(o -> objectiveJson.put(o.id(), json.writeValueAsString(o)));
        model.addAttribute("objectiveJson", objectiveJson);
        return "objectives/objectives";
    }
}
