package io.planwright.cli;

import io.planwright.core.cost.Costs;
import io.planwright.core.level.Overallocations;
import io.planwright.core.level.ResourceUsage;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.format.Amounts;
import io.planwright.formats.schedule.ScheduleCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "resources", mixinStandardHelpOptions = true,
        description = {"Show the plan's resources and costs as scheduled.",
                "Each work resource's work, cost, peak units and over-allocated days, every over-allocation with the tasks that",
                "cause it, and the cost of the plan and of each phase against its budget (the main baseline's). Exit code 0",
                "whether or not resources are over-allocated; see 'level' to remove them."})
final class ResourcesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    PlanReport report;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = PlanInput.readResult(report.file, err, !quiet, new long[2]).plan();
        PlanSchedule schedule = PlanScheduler.schedule(plan);
        String text = report(plan, schedule);
        report.write(spec, text);
        return 0;
    }

    static String report(Plan plan, PlanSchedule schedule) {
        String currency = plan.currency() == null ? "" : " " + plan.currency();
        Map<String, Double> costs = Costs.taskCosts(plan, schedule);
        List<Overallocations.Overallocation> over = Overallocations.of(plan, schedule);
        Map<String, Costs.ResourceCost> byResource = Costs.byResource(plan, schedule);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s %-28s %9s %9s %14s %12s %9s%n", "resource", "name", "max", "peak", "cost", "work (h)", "days over"));
        for (ResourceUsage.Usage u : ResourceUsage.byDay(plan, schedule)) {
            Resource r = plan.resources().stream().filter(x -> x.id().equals(u.resourceId())).findFirst().orElseThrow();
            Costs.ResourceCost rc = byResource.get(r.id());
            double peak = 0;
            int daysOver = 0;
            for (double p : u.peak()) {
                peak = Math.max(peak, p);
                if (p > u.maxUnits() + 1e-9) {
                    daysOver++;
                }
            }
            b.append(String.format(Locale.ROOT, "%-16s %-28s %9s %9s %14s %12s %9d%n", cut(r.id(), 16), cut(r.name() == null ? "" : r.name(), 28),
                    Amounts.percent(u.maxUnits()), Amounts.percent(peak), Amounts.money(rc.cost(), plan.currency()), Amounts.number(rc.workHours()), daysOver));
        }
        b.append(String.format(Locale.ROOT, "%nOver-allocations: %d%n", over.size()));
        // people and tasks by name, the id after it, as a project manager reads them
        Map<String, String> names = new java.util.HashMap<>();
        plan.resources().forEach(r -> names.put("r:" + r.id(), r.name()));
        plan.tasks().forEach(t -> names.put("t:" + t.id(), t.name()));
        for (Overallocations.Overallocation o : over) {
            b.append(String.format(Locale.ROOT, "  %s at %s of %s from %s to %s: %s%n", named(names.get("r:" + o.resourceId()), o.resourceId()),
                    Amounts.percent(o.units()), Amounts.percent(o.maxUnits()), ScheduleTable.start(o.from()), ScheduleTable.finish(o.to()),
                    String.join(", ", o.taskIds().stream().map(id -> named(names.get("t:" + id), id)).toList())));
        }
        Double budget = Costs.budget(plan);
        b.append(String.format(Locale.ROOT, "%nCost of the plan: %s%s; budget (main baseline): %s%n", money(Costs.total(costs)), currency,
                budget == null ? "none" : money(budget) + currency));
        b.append(String.format(Locale.ROOT, "%-44s %16s %16s%n", "phase", "forecast", "budget"));
        for (Costs.PhaseCost p : Costs.phaseCosts(plan, costs)) {
            b.append(String.format(Locale.ROOT, "%-44s %16s %16s%n", cut(p.name() == null ? p.id() : p.name(), 44), money(p.forecast()),
                    p.budget() == null ? "-" : money(p.budget())));
        }
        return b.toString();
    }

    private static String money(double v) {
        return Amounts.money(v, null);
    }

    private static String named(String name, String id) {
        return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
