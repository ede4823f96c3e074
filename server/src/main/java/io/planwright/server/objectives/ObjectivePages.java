package io.planwright.server.objectives;

import io.planwright.core.alignment.Alignment;
import io.planwright.core.model.Plan;
import io.planwright.core.overview.PlanOverview;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.track.KpiTrend;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's objectives with their KPIs and trends, the work that serves each (itself, through its phase
 * or a deliverable) with its hours and cost, and the work that traces to none.
 */
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
        Plan plan = state.plan();
        Map<String, String> names = new HashMap<>();
        plan.tasks().forEach(t -> names.put(t.id(), t.name()));
        Map<String, List<String>> served = new LinkedHashMap<>();
        List<String> untraced = new ArrayList<>();
        Alignment.objectivesOf(plan).forEach((id, serves) -> {
            serves.forEach(o -> served.computeIfAbsent(o, k -> new ArrayList<>()).add(names.get(id)));
            if (serves.isEmpty()) {
                untraced.add(names.get(id));
            }
        });
        model.addAttribute("served", served);
        model.addAttribute("untraced", untraced);
        PlanSchedule schedule = frame.scheduleOrNull(state);
        Map<String, Alignment.Served> work = new HashMap<>();
        Alignment.Report alignment = schedule == null ? null : Alignment.of(plan, schedule);
        if (alignment != null) {
            alignment.objectives().forEach(o -> work.put(o.objective().id(), o));
        }
        model.addAttribute("alignment", alignment);
        model.addAttribute("work", work);
        java.time.LocalDate today = PlanOverview.asOf(plan, schedule).toLocalDate();
        Map<String, KpiTrend.Trend> trends = new HashMap<>();
        plan.objectives().forEach(o -> o.kpis().forEach(k -> trends.put(o.id() + "/" + k.id(), KpiTrend.of(k, today))));
        model.addAttribute("trends", trends);
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
