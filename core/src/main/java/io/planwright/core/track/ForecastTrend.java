package io.planwright.core.track;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.Plan;
import io.planwright.core.risk.MonteCarlo;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.schedule.PlanScheduler;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forecast finish as of each status date: the plan as it stood then, scheduled (its forecast) and
 * simulated from that status date (actuals fixed, the work left uncertain: its P50 and P80), against its
 * main baseline's finish. A series of these over the history shows whether the project is converging on
 * its date or drifting away from it.
 */
public final class ForecastTrend {

    /** Iterations per point: enough for P50 and P80 to a few hours on plans of hundreds of tasks, fast enough for a page. */
    public static final int ITERATIONS = 2_000;

    /** One status date: the plan's revision then, its scheduled finish, P50 and P80 finish, and the baseline finish (null without). */
    public record Point(LocalDateTime statusDate, long revision, LocalDateTime forecastFinish, LocalDateTime p50, LocalDateTime p80,
                        LocalDateTime baselineFinish) {
    }

    private ForecastTrend() {
    }

    /** The point of a plan at one revision; null when it has no status date. Seeded: the same plan gives the same point. */
    public static Point at(Plan plan, long revision) {
        if (plan.statusDate() == null) {
            return null;
        }
        LocalDateTime forecast = PlanScheduler.schedule(plan).finish();
        MonteCarlo.Result r = MonteCarlo.run(SimulationModel.of(plan), new MonteCarlo.Options(ITERATIONS, 1, 1, 0), null);
        Baseline main = Baselines.find(plan, null).orElse(null);
        return new Point(plan.statusDate(), revision, forecast, r.finish().p50(), r.finish().p80(), main == null ? null : Baselines.finish(main));
    }

    /**
     * One point per status date, oldest first, from points computed at revisions (in any order): of several
     * revisions with the same status date, the latest counts (progress reported later for the same date).
     */
    public static List<Point> series(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points.stream().filter(p -> p != null).toList());
        sorted.sort(Comparator.comparing(Point::statusDate).thenComparing(Point::revision));
        List<Point> out = new ArrayList<>();
        for (Point p : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).statusDate().equals(p.statusDate())) {
                out.set(out.size() - 1, p);
            } else {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
