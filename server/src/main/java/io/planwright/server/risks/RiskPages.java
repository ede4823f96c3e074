package io.planwright.server.risks;

import io.planwright.core.model.Level;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskResponse;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.risk.RiskImpacts;
import io.planwright.core.risk.RiskScore;
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
import java.util.List;
import java.util.Map;

/** A plan's risk register with its heat map, and the risk analysis page (the simulation, see {@link SimulationController}). */
@Controller
@ErrorPages
public class RiskPages {

    /** One cell of the 5x5 heat map: probability level (5 at the top), impact level, the open risks in it. */
    public record HeatCell(int probability, int impact, int score, String css, List<Risk> risks) {
    }

    private final PageFrame frame;
    private final io.planwright.server.track.ForecastTrends trends;
    private final tools.jackson.databind.ObjectMapper json;

    public RiskPages(PageFrame frame, io.planwright.server.track.ForecastTrends trends, tools.jackson.databind.ObjectMapper json) {
        this.trends = trends;
        this.json = json;
        this.frame = frame;
    }

    @GetMapping("/plans/{planId}/risks")
    public String risks(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "risks");
        Map<String, Integer> scores = new HashMap<>();
        state.plan().risks().forEach(r -> scores.put(r.id(), RiskScore.of(r)));
        model.addAttribute("scores", scores);
        model.addAttribute("heat", heatMap(state.plan()));
        model.addAttribute("levels", Level.values());
        model.addAttribute("riskStatuses", RiskStatus.values());
        model.addAttribute("responses", RiskResponse.values());
        model.addAttribute("problemsByPath", frame.problemsByPath(state, "risks/"));
        model.addAttribute("modelled", RiskImpacts.of(state.plan()));
        return "risks/risks";
    }

    @GetMapping("/plans/{planId}/risk-analysis")
    public String riskAnalysis(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "risk-analysis");
        long uncertain = state.plan().tasks().stream().filter(t -> t.estimate() != null).count();
        model.addAttribute("uncertainTasks", uncertain);
        model.addAttribute("openRisks", state.plan().risks().stream().filter(r -> r.status() != RiskStatus.CLOSED).count());
        io.planwright.server.track.TrackPages.trend(planId, state, model, json, trends);
        return "risks/risk-analysis";
    }

    static List<List<HeatCell>> heatMap(Plan plan) {
        List<List<HeatCell>> rows = new ArrayList<>();
        for (int p = 5; p >= 1; p--) {
            List<HeatCell> row = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                row.add(new HeatCell(p, i, p * i, scoreClass(p * i), RiskScore.at(plan, p, i)));
            }
            rows.add(row);
        }
        return rows;
    }

    static String scoreClass(int score) {
        return switch (RiskScore.band(score)) {
            case HIGH -> "bad";
            case MEDIUM -> "warn";
            case LOW -> "good";
        };
    }
}
