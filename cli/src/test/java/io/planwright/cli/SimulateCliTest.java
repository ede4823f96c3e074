package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.core.risk.SimulationModel;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.PlanIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code planwright simulate}: the simulation's network gives the scheduler's dates back, the JSON has the keys the issue names, bad input is named. */
class SimulateCliTest {

    @TempDir
    Path tmp;

    @Test
    void atPlannedDurationsTheSimulationPassGivesTheSchedulersDatesForEveryTask() {
        List<Plan> plans = new ArrayList<>();
        for (Path file : List.of(CliTest.ERP, CliTest.RELOCATION, CliTest.RELEASE)) {
            plans.add(PlanIO.readAndCheck(file).plan());
        }
        // generated networks on one calendar, with links of all four types, lags and leads: these run on the simulation's own passes
        for (long seed = 1; seed <= 3; seed++) {
            plans.add(io.planwright.bench.PlanGenerator.plan(io.planwright.bench.NetworkGenerator.generate(3000, seed)));
        }
        int own = 0;
        for (Plan plan : plans) {
            String file = plan.name();
            SimulationModel model = SimulationModel.of(plan);
            own += model.runsScheduler() ? 0 : 1;
            Map<String, double[]> pass = model.deterministic();
            List<String> wrong = new ArrayList<>();
            int compared = 0;
            for (ScheduledTask t : model.schedule().tasks()) {
                double[] times = pass.get(t.id());
                if (times == null) {
                    continue;
                }
                compared++;
                // the same instants of working time (a start on Saturday 06:00 on a task's own calendar is, in the plan's working time, Monday 08:00)
                if (Math.abs(model.minutesOf(t.start()) - times[0]) > 0.5 || Math.abs(model.minutesOf(t.finish()) - times[1]) > 0.5) {
                    wrong.add(t.id() + ": " + times[0] + " - " + times[1] + " (scheduler " + t.start() + " - " + t.finish() + " = "
                            + model.minutesOf(t.start()) + " - " + model.minutesOf(t.finish()) + ")");
                }
            }
            assertThat(wrong).as(file).isEmpty();
            assertThat(compared).isGreaterThan(plan.tasks().size() / 2);
        }
        assertThat(own).as("plans on the simulation's own passes").isEqualTo(3);
    }
}
