package io.planwright.bench;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.schedule.CriticalPathScheduler;
import io.planwright.core.schedule.Schedule;
import io.planwright.core.schedule.ScheduleNetwork;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectFile;
import org.mpxj.Task;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark compares like with like: on the generated networks, Planwright's dates equal those
 * of MPXJ's MicrosoftScheduler, which follows Microsoft Project's rules. One documented difference:
 * when a finish-to-finish or start-to-finish link sets a task's finish at the start of a working period,
 * MS Project keeps that moment (Monday 08:00) where MPXJ moves it to the end of the previous working
 * period (Friday 17:00): the same instant of working time. The sample files MS Project saved
 * (mpp14relations.mpp, legacy/sample.mpp and others) show MS Project's way, which Planwright follows.
 */
class AgreesWithMpxjTest {

    @Test
    void earlyAndLateDatesMatchMpxjOnGeneratedNetworks() {
        for (long seed = 1; seed <= 3; seed++) {
            GeneratedNetwork g = NetworkGenerator.generate(3000, seed, seed == 3);
            ScheduleNetwork net = PlanwrightNetworks.build(g);
            Schedule s = CriticalPathScheduler.schedule(net);
            ProjectFile file = MpxjNetworks.build(g);
            MpxjNetworks.schedule(file, g);
            List<String> mismatches = new ArrayList<>();
            int i = 0;
            for (Task t : file.getTasks()) {
                compare(mismatches, i, "early start", t.getEarlyStart(), s.earlyStart(i));
                if (!finishSetByLinkAtDayStart(g, s, i, t.getEarlyFinish(), s.earlyFinish(i))) {
                    compare(mismatches, i, "early finish", t.getEarlyFinish(), s.earlyFinish(i));
                }
                compare(mismatches, i, "late start", t.getLateStart(), s.lateStart(i));
                compare(mismatches, i, "late finish", t.getLateFinish(), s.lateFinish(i));
                i++;
            }
            assertThat(i).isEqualTo(g.tasks());
            assertThat(mismatches).as("seed " + seed).isEmpty();
        }
    }

    /**
     * MS Project's moment for a finish an FF or SF link sets at the start of a working period; MPXJ
     * gives the end of the period before: no working time lies between the two.
     */
    private static boolean finishSetByLinkAtDayStart(GeneratedNetwork g, Schedule s, int task, LocalDateTime mpxj, long planwright) {
        boolean finishLink = false;
        for (int k = 0; k < g.links(); k++) {
            finishLink |= g.linkSucc()[k] == task && g.linkType()[k] >= 2;
        }
        long theirs = WorkingTime.minutes(mpxj);
        return finishLink && theirs < planwright && s.workBetween(task, theirs, planwright) == 0;
    }

    private static void compare(List<String> out, int task, String what, LocalDateTime mpxj, long planwright) {
        LocalDateTime ours = WorkingTime.dateTime(planwright);
        if (!ours.equals(mpxj) && out.size() < 20) {
            out.add("task " + task + " " + what + ": MPXJ " + mpxj + ", Planwright " + ours);
        }
    }
}
