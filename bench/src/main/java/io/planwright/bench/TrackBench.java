package io.planwright.bench;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.Baselines;
import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.ProgressUpdate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tracking benchmark: the generated network of {@code planwright bench schedule} with a fixed cost
 * on every task (100 per hour of duration), its main baseline saved, and progress updated as of the day
 * halfway through (about half the tasks started or done); then earned value and earned schedule of
 * every task, phase and the plan at {@code periods} weekly dates from the start (one date: the status
 * date alone). The best of a few runs after two warm-up runs; the plan's figures at the status date are
 * printed so that a run can be checked.
 */
public final class TrackBench {

    /** One measurement: the plan, the periods, the best time and the plan's figures at the status date. */
    public record Line(int tasks, int periods, long ms, int entries, double bac, double ev, double spi, Double spiT) {
        public String text() {
            return String.format(Locale.ROOT, "tasks=%d periods=%d ms=%d", tasks, periods, ms)
                    + String.format(Locale.ROOT, " entries=%d bac=%.0f ev=%.0f spi=%.3f spi_t=%s", entries, bac, ev, spi,
                    spiT == null ? "-" : String.format(Locale.ROOT, "%.3f", spiT));
        }
    }

    private TrackBench() {
    }

    /** The generated plan in progress: costs, the main baseline, progress as of the day halfway; with its schedule. */
    public static PlanSchedule inProgress(int tasks, long seed) {
        Plan plan = PlanGenerator.plan(NetworkGenerator.generate(tasks, seed));
        List<Task> costed = new ArrayList<>(plan.tasks().size());
        for (Task t : plan.tasks()) {
            costed.add(t.duration() == null ? t
                    : t.toBuilder().fixedCost(BigDecimal.valueOf(Math.round(t.duration().minutes(plan.workTime()) / 60.0 * 100))).build());
        }
        plan = plan.toBuilder().tasks(costed).build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        plan = Baselines.save(plan, Baselines.capture(plan, s, Baselines.MAIN, null, s.start()));
        LocalDateTime halfway = s.start().plusSeconds(java.time.Duration.between(s.start(), s.finish()).getSeconds() / 2)
                .toLocalDate().plusDays(1).atStartOfDay();
        plan = ProgressUpdate.asOf(plan, s, halfway, ProgressUpdate.Rule.SHARE_ELAPSED).plan();
        return PlanScheduler.schedule(plan);
    }

    public static Line run(int tasks, int periods, long seed, int runs) {
        PlanSchedule s = inProgress(tasks, seed);
        return measure(s, periods, runs);
    }

    static Line measure(PlanSchedule s, int periods, int runs) {
        Plan plan = s.plan();
        LocalDateTime status = plan.statusDate();
        List<LocalDateTime> dates = periods <= 1 ? List.of(status)
                : EarnedValue.weekly(s.start().toLocalDate().atStartOfDay(), s.start().plusWeeks(periods), periods);
        List<EarnedValue.Report> out = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs + 2; i++) {
            long t0 = System.nanoTime();
            out = EarnedValue.series(plan, s, plan.baselines().get(0), status, dates);
            if (i >= 2) {
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        EarnedValue.Report now = EarnedValue.at(plan, s, plan.baselines().get(0), status);
        EarnedValue.Entry p = now.plan();
        return new Line(plan.tasks().size(), dates.size(), best / 1_000_000, out.get(0).entries().size(), p.figures().bac(), p.figures().ev(),
                p.figures().spi() == null ? 0 : p.figures().spi(), p.time().spi());
    }

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int periods = args.length > 1 ? Integer.parseInt(args[1]) : 104;
        System.out.println(run(tasks, periods, 1, 5).text());
    }
}
