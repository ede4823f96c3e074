package io.planwright.bench;

import io.planwright.core.schedule.CriticalPathScheduler;
import io.planwright.core.schedule.Schedule;
import io.planwright.core.schedule.ScheduleNetwork;
import org.mpxj.ProjectFile;

/**
 * The harness behind {@code planwright bench schedule}: generates one network, schedules it with
 * Planwright and (up to {@link #MPXJ_LIMIT} tasks) with MPXJ's MicrosoftScheduler, and reports the
 * best of several timed runs after warm-up. Planwright's time covers a complete schedule from the
 * compiled network: topological sort, forward and backward pass on the calendar, total and free
 * float, the critical flags and the critical path.
 */
public final class ScheduleBench {

    public static final int MPXJ_LIMIT = 50_000;

    public record Result(int tasks, int links, double planwrightMs, double mpxjMs) {

        /** {@code tasks=N links=M planwright_ms=X mpxj_ms=Y}; mpxj_ms is {@code -} when not measured. */
        public String line() {
            return String.format(java.util.Locale.ROOT, "tasks=%d links=%d planwright_ms=%.2f mpxj_ms=%s", tasks, links, planwrightMs,
                    Double.isNaN(mpxjMs) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", mpxjMs));
        }
    }

    private ScheduleBench() {
    }

    public static Result run(int tasks, long seed, int runs, boolean withMpxj) {
        return run(tasks, seed, runs, withMpxj, false);
    }

    public static Result run(int tasks, long seed, int runs, boolean withMpxj, boolean shuffle) {
        GeneratedNetwork g = NetworkGenerator.generate(tasks, seed, shuffle);
        ScheduleNetwork net = PlanwrightNetworks.build(g);
        // warm up until the JIT has settled: at least 3 seconds and 10 runs
        long sink = 0;
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 10 || System.nanoTime() < warmUntil; i++) {
            sink += scheduleOnce(net);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < Math.max(runs, 10); i++) {
            long t0 = System.nanoTime();
            sink += scheduleOnce(net);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        double mpxj = Double.NaN;
        if (withMpxj && tasks <= MPXJ_LIMIT) {
            ProjectFile file = MpxjNetworks.build(g);
            MpxjNetworks.schedule(file, g); // warm-up
            if (tasks <= 10_000) {
                MpxjNetworks.schedule(file, g);
            }
            mpxj = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                MpxjNetworks.schedule(file, g);
                mpxj = Math.min(mpxj, (System.nanoTime() - t0) / 1e6);
            }
        }
        if (sink == 42) {
            System.err.print("");
        }
        return new Result(g.tasks(), g.links(), best, mpxj);
    }

    /** One complete schedule; returns something derived from it so that nothing is optimised away. */
    static long scheduleOnce(ScheduleNetwork net) {
        Schedule s = CriticalPathScheduler.schedule(net);
        return s.projectFinish() + s.criticalPath().size() + s.totalFloat(net.taskCount() - 1);
    }
}
