package io.planwright.server.plans;

import io.planwright.core.check.Problem;
import io.planwright.core.cost.Costs;
import io.planwright.core.model.Plan;
import io.planwright.core.overview.PlanOverview;
import io.planwright.core.schedule.PlanSchedule;

import java.time.LocalDateTime;
import java.util.List;

/** One plan on the portfolio page: its figures and its health in words and as a style class. */
record PortfolioRow(long id, String name, String role, long revision, LocalDateTime updatedAt, String status, String statusClass,
                    LocalDateTime finish, Double finishFloatDays, long criticalTasks, int tasks, double cost, Double budget, String currency,
                    int errors) {

    static PortfolioRow of(long id, String role, long revision, LocalDateTime updatedAt, Plan plan, PlanSchedule schedule,
                           List<Problem> problems) {
        int errors = (int) problems.stream().filter(Problem::isError).count();
        if (schedule == null) {
            return new PortfolioRow(id, plan.name(), role, revision, updatedAt, "cannot be scheduled", "bad", null, null, 0,
                    plan.tasks().size(), 0, Costs.budget(plan), plan.currency(), errors);
        }
        Double floatDays = PlanOverview.finishFloatDays(plan, schedule);
        String status = switch (PlanOverview.health(errors, floatDays)) {
            case PROBLEMS -> errors + (errors == 1 ? " problem" : " problems");
            case LATE -> "late";
            case AT_RISK -> "at risk";
            case ON_TRACK -> floatDays == null ? "on track (no target finish)" : "on track";
        };
        String css = switch (PlanOverview.health(errors, floatDays)) {
            case PROBLEMS, LATE -> "bad";
            case AT_RISK -> "warn";
            case ON_TRACK -> "good";
        };
        return new PortfolioRow(id, plan.name(), role, revision, updatedAt, status, css, schedule.finish(), floatDays,
                schedule.criticalTaskCount(), plan.tasks().size(), Costs.total(Costs.taskCosts(plan, schedule)), Costs.budget(plan), plan.currency(), errors);
    }
}
