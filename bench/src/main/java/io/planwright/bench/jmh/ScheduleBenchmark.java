package io.planwright.bench.jmh;

import io.planwright.bench.GeneratedNetwork;
import io.planwright.bench.MpxjNetworks;
import io.planwright.bench.NetworkGenerator;
import io.planwright.bench.PlanwrightNetworks;
import io.planwright.core.schedule.CriticalPathScheduler;
import io.planwright.core.schedule.Schedule;
import io.planwright.core.schedule.ScheduleNetwork;
import org.mpxj.ProjectFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Planwright's scheduler and MPXJ's MicrosoftScheduler on the same generated networks, in one JMH run:
 * {@code java -jar bench/target/benchmarks.jar ScheduleBenchmark}. MPXJ is measured up to 50,000 tasks
 * (it takes seconds there); Planwright also at 1,000,000 tasks, in a 1 GB heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScheduleBenchmark {

    @State(Scope.Benchmark)
    public static class PlanwrightState {
        @Param({"10000", "50000", "1000000"})
        public int tasks;
        ScheduleNetwork network;
        int links;

        @Setup(Level.Trial)
        public void setUp() {
            GeneratedNetwork g = NetworkGenerator.generate(tasks, 42);
            network = PlanwrightNetworks.build(g);
            links = g.links();
        }
    }

    @State(Scope.Benchmark)
    public static class MpxjState {
        @Param({"10000", "50000"})
        public int tasks;
        GeneratedNetwork generated;
        ProjectFile file;

        @Setup(Level.Trial)
        public void setUp() {
            generated = NetworkGenerator.generate(tasks, 42);
            file = MpxjNetworks.build(generated);
        }
    }

    @Benchmark
    public void planwright(PlanwrightState state, Blackhole bh) {
        Schedule s = CriticalPathScheduler.schedule(state.network);
        bh.consume(s.criticalPath());
        bh.consume(s.projectFinish());
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public void mpxj(MpxjState state, Blackhole bh) {
        MpxjNetworks.schedule(state.file, state.generated);
        bh.consume(state.file);
    }
}
