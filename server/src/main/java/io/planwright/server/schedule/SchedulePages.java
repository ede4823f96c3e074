package io.planwright.server.schedule;

import io.planwright.core.cost.Costs;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import io.planwright.server.web.Names;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plan's schedule page (task grid and Gantt chart) and its resources page (resources, calendars, usage and costs). */
@Controller
@ErrorPages
public class SchedulePages {

    private final PageFrame frame;
    private final tools.jackson.databind.ObjectMapper json;

    public SchedulePages(PageFrame frame, tools.jackson.databind.ObjectMapper json) {
        this.frame = frame;
        this.json = json;
    }

    @GetMapping("/plans/{planId}/schedule")
    public String schedule(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "schedule");
        model.addAttribute("objectiveNames", json.writeValueAsString(Names.of(state.plan()).map("objective")));
        return "schedule/schedule";
    }

    @GetMapping("/plans/{planId}/resources")
    public String resources(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "resources");
        model.addAttribute("taskNames", json.writeValueAsString(Names.of(state.plan()).map("task")));
        model.addAttribute("problemsByPath", frame.problemsByPath(state, "resources/"));
        PlanSchedule schedule = frame.scheduleOrNull(state);
        if (schedule != null) {
            Map<String, Double> costs = Costs.taskCosts(state.plan(), schedule);
            model.addAttribute("phases", Costs.phaseCosts(state.plan(), costs));
            model.addAttribute("forecast", Costs.total(costs));
            model.addAttribute("budget", Costs.budget(state.plan()));
            Map<String, String> names = new HashMap<>();
            state.plan().tasks().forEach(t -> names.put(t.id(), t.name()));
            List<Map.Entry<String, Double>> byCost = new ArrayList<>(costs.entrySet());
            byCost.removeIf(e -> e.getValue() <= 0);
            byCost.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            model.addAttribute("taskCosts", byCost);
            model.addAttribute("costTaskNames", names);
        }
        return "schedule/resources";
    }
}
