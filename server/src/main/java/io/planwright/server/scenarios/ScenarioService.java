package io.planwright.server.scenarios;

import io.planwright.core.alignment.Alignment;
import io.planwright.core.change.PlanDiff;
import io.planwright.core.change.PlanMerge;
import io.planwright.core.cost.Costs;
import io.planwright.core.level.ResourceUsage;
import io.planwright.core.model.Plan;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import io.planwright.server.shared.NotFound;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Scenarios of a plan: branched, compared with the plan side by side (finish, cost, critical path, resource
 * peaks, P80 finish, objectives served, and the entries that differ) and merged back change by change (core's
 * {@link PlanMerge}: what the plan changed meanwhile in the same entries is a conflict, kept as the plan has it).
 */
@Service
public class ScenarioService {

    /** Iterations of the risk analysis behind each side's P80 finish. */
    static final int ITERATIONS = 2_000;

    private final PlanService plans;

    public ScenarioService(PlanService plans) {
        this.plans = plans;
    }

    /** One side of the comparison. */
    public record ScenarioSide(String name, long revision, LocalDateTime finish, double cost, List<String> critical, List<ResourcePeak> peaks,
                       LocalDateTime p80, int objectivesServed, int objectives) {
    }

    /** A resource's highest use, in units (1 = one full-time person), against what it has. */
    public record ResourcePeak(String resourceId, String name, double peak, double max) {
    }

    /** One change the scenario made since it was branched: its key for merging, and whether the plan changed the same entry meanwhile. */
    public record ScenarioChange(String key, String section, String id, String name, String kind, List<PlanDiff.FieldChange> fields, boolean conflict) {
    }

    /** The plan and the scenario side by side, their differences now, and the scenario's changes to merge. */
    public record ScenarioComparison(PlanStore.Scenario scenario, ScenarioSide plan, ScenarioSide other, PlanDiff.Result diff, List<ScenarioChange> changes,
                             List<PlanMerge.Conflict> conflicts, List<ScenarioBar> bars) {
    }

    /**
     * A task of both for the Gantt of both: its dates in the plan and in the scenario (null where it is not), and
     * where its bars sit on a common time scale, in percent of the span of all bars (left, width).
     */
    public record ScenarioBar(String id, String name, LocalDateTime planStart, LocalDateTime planFinish, LocalDateTime scenarioStart,
                      LocalDateTime scenarioFinish, double[] plan, double[] scenario) {
    }

    /** The scenario of this plan, or 404. */
    public PlanStore.Scenario scenarioOf(long planId, long scenarioId) {
        return plans.scenario(scenarioId).filter(s -> s.basePlanId() == planId)
                .orElseThrow(() -> new NotFound("scenario " + scenarioId + " of plan " + planId));
    }

    public ScenarioComparison compare(long planId, long scenarioId) {
        PlanStore.Scenario sc = scenarioOf(planId, scenarioId);
        PlanState plan = plans.current(planId);
        PlanState scenario = plans.current(scenarioId);
        PlanState base = plans.at(planId, sc.baseRevision()).orElseThrow(() -> new NotFound("revision " + sc.baseRevision() + " of plan " + planId));
        PlanSchedule ps = plans.schedule(plan);
        PlanSchedule ss = plans.schedule(scenario);
        PlanDiff.Result diff = PlanDiff.of(plan.plan(), scenario.plan(), ps, ss);
        PlanMerge.Result dry = PlanMerge.merge(base.plan(), plan.plan(), scenario.plan(), null);
        Set<String> conflicting = new java.util.HashSet<>();
        dry.conflicts().forEach(c -> conflicting.add(c.key()));
        List<ScenarioChange> changes = new ArrayList<>();
        PlanDiff.Result since = PlanDiff.of(base.plan(), scenario.plan());
        if (!since.plan().isEmpty()) {
            changes.add(new ScenarioChange(PlanMerge.SETTINGS, "plan", "", plan.plan().name(), "changed", since.plan(), conflicting.contains(PlanMerge.SETTINGS)));
        }
        for (PlanDiff.EntryChange e : since.entries()) {
            String key = e.section() + "/" + e.id();
            changes.add(new ScenarioChange(key, e.section(), e.id(), e.name(), e.kind().text(), e.fields(), conflicting.contains(key)));
        }
        return new ScenarioComparison(sc, side(plan.plan().name(), plan, ps), side(sc.name(), scenario, ss), diff, changes, dry.conflicts(),
                bars(ps, ss, diff));
    }

    /** Merges the chosen changes (null: all) into the plan as one revision based on {@code baseRevision}. */
    public Merged merge(long planId, long scenarioId, long baseRevision, Long userId, Set<String> chosen) {
        PlanStore.Scenario sc = scenarioOf(planId, scenarioId);
        PlanState scenario = plans.current(scenarioId);
        PlanState base = plans.at(planId, sc.baseRevision()).orElseThrow(() -> new NotFound("revision " + sc.baseRevision() + " of plan " + planId));
        PlanMerge.Result[] result = new PlanMerge.Result[1];
        PlanState after = plans.edit(planId, baseRevision, userId, "merge scenario '" + sc.name() + "'", p -> {
            result[0] = PlanMerge.merge(base.plan(), p, scenario.plan(), chosen);
            return result[0].plan();
        });
        return new Merged(after.revision(), result[0].applied(), result[0].conflicts());
    }

    /** What a merge did: the plan's new revision, the changes taken, the conflicts left as the plan has them. */
    public record Merged(long revision, List<String> applied, List<PlanMerge.Conflict> conflicts) {
    }

    private static ScenarioSide side(String name, PlanState state, PlanSchedule s) {
        Plan p = state.plan();
        List<String> critical = s.tasks().stream().filter(t -> t.critical() && t.type() != ScheduledTask.Kind.SUMMARY).map(ScheduledTask::id).toList();
        List<ResourcePeak> peaks = new ArrayList<>();
        for (ResourceUsage.Usage u : ResourceUsage.byDay(p, s)) {
            double peak = 0;
            for (double d : u.peak()) {
                peak = Math.max(peak, d);
            }
            peaks.add(new ResourcePeak(u.resourceId(), u.name(), peak, u.maxUnits()));
        }
        peaks.sort(Comparator.comparingDouble((ResourcePeak x) -> x.peak() / Math.max(1e-9, x.max())).reversed());
        MonteCarlo.Result r = MonteCarlo.run(SimulationModel.of(p), new MonteCarlo.Options(ITERATIONS, 1, 1, 0), null);
        Alignment.Report a = Alignment.of(p, s);
        int served = (int) a.objectives().stream().filter(o -> !o.taskIds().isEmpty()).count();
        return new ScenarioSide(name, state.revision(), s.finish(), Costs.total(Costs.taskCosts(p, s)), critical, List.copyOf(peaks), r.finish().p80(),
                served, p.objectives().size());
    }

    /** The tasks that differ, with their dates on both sides (at most 200: the Gantt of both). */
    private static List<ScenarioBar> bars(PlanSchedule ps, PlanSchedule ss, PlanDiff.Result diff) {
        List<ScenarioBar> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<String> ids = new ArrayList<>();
        diff.entries().stream().filter(e -> e.section().equals("tasks")).forEach(e -> ids.add(e.id()));
        if (diff.impact() != null) {
            diff.impact().slipped().forEach(x -> ids.add(x.id()));
        }
        for (String id : ids) {
            if (out.size() >= 200 || !seen.add(id)) {
                continue;
            }
            ScheduledTask a = ps.task(id).orElse(null);
            ScheduledTask b = ss.task(id).orElse(null);
            if ((a != null && a.type() == ScheduledTask.Kind.SUMMARY) || (b != null && b.type() == ScheduledTask.Kind.SUMMARY)) {
                continue;
            }
            out.add(new ScenarioBar(id, b != null ? b.name() : a != null ? a.name() : id, a == null ? null : a.start(), a == null ? null : a.finish(),
                    b == null ? null : b.start(), b == null ? null : b.finish(), null, null));
        }
        LocalDateTime lo = null;
        LocalDateTime hi = null;
        for (ScenarioBar x : out) {
            for (LocalDateTime t : new LocalDateTime[] {x.planStart(), x.planFinish(), x.scenarioStart(), x.scenarioFinish()}) {
                if (t != null) {
                    lo = lo == null || t.isBefore(lo) ? t : lo;
                    hi = hi == null || t.isAfter(hi) ? t : hi;
                }
            }
        }
        List<ScenarioBar> placed = new ArrayList<>();
        for (ScenarioBar x : out) {
            placed.add(new ScenarioBar(x.id(), x.name(), x.planStart(), x.planFinish(), x.scenarioStart(), x.scenarioFinish(),
                    place(lo, hi, x.planStart(), x.planFinish()), place(lo, hi, x.scenarioStart(), x.scenarioFinish())));
        }
        return placed;
    }

    /** Left and width in percent of the span from {@code lo} to {@code hi}; null without dates. */
    private static double[] place(LocalDateTime lo, LocalDateTime hi, LocalDateTime start, LocalDateTime finish) {
        if (start == null || finish == null) {
            return null;
        }
        double span = Math.max(1, java.time.Duration.between(lo, hi).toMinutes());
        double left = java.time.Duration.between(lo, start).toMinutes() * 100.0 / span;
        double width = Math.max(0.5, java.time.Duration.between(start, finish).toMinutes() * 100.0 / span);
        return new double[] {Math.round(left * 100) / 100.0, Math.round(width * 100) / 100.0};
    }
}
