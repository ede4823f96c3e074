package io.planwright.server.web;

import io.planwright.core.cost.Costs;
import io.planwright.core.overview.PlanOverview;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of the dashboard's charts, as JSON for a data attribute (the page's script hands it to Chart.js). */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    public static String kpis(List<PlanOverview.KpiStatus> kpis) {
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (PlanOverview.KpiStatus k : kpis) {
            if (k.progress() != null) {
                labels.add(k.name());
                values.add(k.progress());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("progress", values);
        return JSON.writeValueAsString(out);
    }

    public static String phaseCosts(List<Costs.PhaseCost> phases) {
        List<String> labels = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        List<Double> budget = new ArrayList<>();
        for (Costs.PhaseCost p : phases) {
            labels.add(p.name());
            forecast.add(Math.round(p.forecast() * 100) / 100.0);
            budget.add(p.budget());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("forecast", forecast);
        out.put("budget", budget);
        return JSON.writeValueAsString(out);
    }
}
