package io.planwright.server.track;

import io.planwright.core.track.ProjectStatus;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The status page: where the plan stands at its status date against a baseline, in words and figures
 * (earned value, earned schedule, the S-curves, phases, slipped tasks, milestones, KPIs), with the
 * baselines to save or clear and progress to update.
 */
@Controller
@ErrorPages
public class TrackPages {

    private final PageFrame frame;
    private final TrackService track;
    private final tools.jackson.databind.ObjectMapper json;
    private final ForecastTrends trends;

    public TrackPages(PageFrame frame, TrackService track, tools.jackson.databind.ObjectMapper json, ForecastTrends trends) {
        this.frame = frame;
        this.track = track;
        this.json = json;
        this.trends = trends;
    }

    @GetMapping("/plans/{planId}/status")
    public String status(@PathVariable long planId, @RequestParam(required = false) String baseline, Model model, HttpServletRequest request) {
        PlanState state = frame.commonForStakeholders(model, request, planId);
        model.addAttribute("page", "status");
        ProjectStatus s = frame.scheduleOrNull(state) == null ? null : track.status(state, null, baseline);
        model.addAttribute("status", s);
        model.addAttribute("view", s == null ? null : StatusView.of(s));
        model.addAttribute("curveJson", s == null ? "[]" : json.writeValueAsString(StatusView.of(s).curve()));
        model.addAttribute("baselineIds", io.planwright.core.track.Baselines.ids());
        trend(planId, state, model, json, trends);
        return "track/status";
    }

    /** The forecast finish by status date, for the fragment track/trend :: trend. */
    public static void trend(long planId, PlanState state, Model model, tools.jackson.databind.ObjectMapper json, ForecastTrends trends) {
        TrendView view = TrendView.of(trends.of(planId, state));
        model.addAttribute("trend", view);
        model.addAttribute("trendJson", json.writeValueAsString(view.rows()));
    }
}
