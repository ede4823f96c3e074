package io.planwright.server.web;

import io.planwright.core.overview.PlanOverview;
import io.planwright.core.risk.RiskScore;
import io.planwright.core.stakeholders.PowerInterest;
import io.planwright.core.cost.Costs;

import io.planwright.core.check.Problem;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Level;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pages show, worked out from a plan and its schedule: the portfolio's figures, the
 * dashboard's, the risk heat map, the power-interest grid and the RACI matrix with its problems.
 * Plain data for the templates, which escape every text they print.
 */
final class Views {

    private Views() {
    }

    // ------------------------------------------------------------------ the portfolio

    record PortfolioRow(long id, String name, String role, long revision, LocalDateTime updatedAt, String status, String statusClass,
                        LocalDateTime finish, Double finishFloatDays, long criticalTasks, int tasks, double cost, Double budget, String currency,
                        int errors) {
    }

    static PortfolioRow portfolioRow(long id, String role, long revision, LocalDateTime updatedAt, Plan plan, PlanSchedule schedule,
                                     List<Problem> problems) {
        int errors = (int) problems.stream().filter(Problem::isError).count();
        if (schedule == null) {
            return new PortfolioRow(id, plan.name(), role, revision, updatedAt, "cannot be scheduled", "bad", null, null, 0,
                    plan.tasks().size(), 0, Costs.budget(plan), plan.currency(), errors);
        }
        Double floatDays = finishFloatDays(plan, schedule);
        String status;
        String css;
        if (errors > 0) {
            status = errors + (errors == 1 ? " problem" : " problems");
            css = "bad";
        } else if (floatDays != null && floatDays < 0) {
            status = "late";
            css = "bad";
        } else if (floatDays != null && floatDays < 5) {
            status = "at risk";
            css = "warn";
        } else {
            status = floatDays == null ? "on track (no target finish)" : "on track";
            css = "good";
        }
        return new PortfolioRow(id, plan.name(), role, revision, updatedAt, status, css, schedule.finish(), floatDays,
                schedule.criticalTaskCount(), plan.tasks().size(), Costs.total(Costs.taskCosts(plan, schedule)), Costs.budget(plan), plan.currency(), errors);
    }

    /** The float of the finish in working days of the plan's calendar (see {@link PlanOverview#finishFloatDays}). */
    static Double finishFloatDays(Plan plan, PlanSchedule schedule) {
        return PlanOverview.finishFloatDays(plan, schedule);
    }

    // ------------------------------------------------------------------ the dashboard

    record KpiView(String objective, String name, String unit, Double baseline, Double target, Double current, Integer progress) {
    }

    static List<KpiView> kpis(Plan plan) {
        List<KpiView> out = new ArrayList<>();
        plan.objectives().forEach(o -> {
            for (Kpi k : o.kpis()) {
                out.add(new KpiView(o.name(), k.name(), k.unit(), k.baseline(), k.target(), k.current(), progress(k)));
            }
        });
        return out;
    }

    static Integer progress(Kpi k) {
        return PlanOverview.kpiProgress(k);
    }

    static List<ScheduledTask> nextMilestones(PlanSchedule schedule, LocalDateTime from, int count) {
        return PlanOverview.nextMilestones(schedule, from, count);
    }

    static List<ScheduledTask> criticalTasks(PlanSchedule schedule, LocalDateTime from, int count) {
        return PlanOverview.criticalAhead(schedule, from, count);
    }

    // ------------------------------------------------------------------ risks

    static int score(Risk r) {
        return RiskScore.of(r);
    }

    static String scoreClass(int score) {
        return switch (RiskScore.band(score)) {
            case HIGH -> "bad";
            case MEDIUM -> "warn";
            case LOW -> "good";
        };
    }

    static List<Risk> topRisks(Plan plan, int count) {
        return RiskScore.top(plan, count);
    }

    /** One cell of the 5x5 heat map: probability level (5 at the top), impact level, the open risks in it. */
    record HeatCell(int probability, int impact, int score, String css, List<Risk> risks) {
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

    // ------------------------------------------------------------------ stakeholders

    /** One quadrant of the power-interest grid. */
    record Quadrant(String name, String advice, List<Stakeholder> stakeholders) {
    }

    static List<Quadrant> powerInterest(Plan plan) {
        List<Quadrant> q = new ArrayList<>();
        for (PowerInterest where : PowerInterest.values()) {
            q.add(new Quadrant(where.text(), where.where(), plan.stakeholders().stream().filter(s -> PowerInterest.of(s) == where).toList()));
        }
        return q;
    }

    // ------------------------------------------------------------------ RACI

    /** The parties of the matrix: everyone named in an entry, then people, stakeholders and roles not named yet. */
    static List<String> parties(Plan plan) {
        Set<String> out = new LinkedHashSet<>();
        plan.tasks().forEach(t -> t.raci().forEach(e -> out.add(e.party())));
        plan.resources().stream().filter(r -> r.type() == ResourceType.WORK).forEach(r -> out.add(r.id()));
        plan.stakeholders().forEach(s -> out.add(s.id()));
        out.addAll(plan.roles());
        return List.copyOf(out);
    }

    /** What to call each party in the matrix: the person's or stakeholder's name, or the role as it is written. */
    static Map<String, String> partyNames(Plan plan) {
        Map<String, String> out = new HashMap<>();
        plan.roles().forEach(r -> out.put(r, r));
        plan.stakeholders().forEach(s -> out.put(s.id(), s.name() == null ? s.id() : s.name()));
        plan.resources().forEach(r -> out.put(r.id(), r.name() == null ? r.id() : r.name()));
        return out;
    }

    /**
     * One row of the RACI matrix: the task, its cells as markup made only of role letters (R, A, C, I) in
     * the parties' order, the plan's RACI problems of the task (the same check the problems list uses),
     * and whether its RACI comes from a phase above it.
     */
    record RaciRow(String taskId, String name, int depth, boolean summary, String cells, List<String> problems, boolean own,
                   String inheritedFrom) {
    }

    static RaciRow raciRow(Task t, int depth, boolean summary, List<String> parties, List<String> problems, String inheritedFrom) {
        Map<String, RaciRole> byParty = new HashMap<>();
        for (RaciEntry e : t.raci()) {
            byParty.putIfAbsent(e.party(), e.role());
        }
        // the cells hold no text from the plan (only R, A, C, I), so they are written here in one piece:
        // a thousand tasks by thirty parties is thirty thousand cells
        StringBuilder cells = new StringBuilder(parties.size() * 12);
        for (String p : parties) {
            RaciRole r = byParty.get(p);
            if (r == null) {
                cells.append("<td></td>");
            } else {
                cells.append("<td class=\"r-").append(r.name()).append("\">").append(r.name()).append("</td>");
            }
        }
        return new RaciRow(t.id(), t.name(), depth, summary, cells.toString(), problems, !t.raci().isEmpty(), inheritedFrom);
    }

    static Map<String, Integer> depths(Plan plan) {
        Map<String, Integer> depth = new HashMap<>();
        for (Task t : plan.tasks()) {
            depth.put(t.id(), t.parentId() == null ? 0 : depth.getOrDefault(t.parentId(), 0) + 1);
        }
        return depth;
    }

    static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
