package io.planwright.bench;

import org.mpxj.ConstraintType;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.Task;
import org.mpxj.TaskMode;
import org.mpxj.TimeUnit;
import org.mpxj.cpm.CpmException;
import org.mpxj.cpm.MicrosoftScheduler;

import java.time.LocalDate;

/** Feeds a generated network to MPXJ 14.3.4's MicrosoftScheduler, the competitor measured beside Planwright. */
public final class MpxjNetworks {

    private static final RelationType[] TYPES = {RelationType.FINISH_START, RelationType.START_START, RelationType.FINISH_FINISH,
            RelationType.START_FINISH};

    private MpxjNetworks() {
    }

    public static ProjectFile build(GeneratedNetwork g) {
        ProjectFile file = new ProjectFile();
        ProjectCalendar cal = file.addDefaultBaseCalendar();
        for (LocalDate d : g.holidays()) {
            cal.addCalendarException(d);
        }
        file.setDefaultCalendar(cal);
        file.getProjectProperties().setStartDate(g.start());
        Task[] tasks = new Task[g.tasks()];
        for (int i = 0; i < g.tasks(); i++) {
            Task t = file.addTask();
            t.setName("T" + i);
            Duration d = Duration.getInstance(g.duration()[i] / 60.0, TimeUnit.HOURS);
            t.setDuration(d);
            t.setRemainingDuration(d);
            t.setActualDuration(Duration.getInstance(0, TimeUnit.HOURS));
            t.setTaskMode(TaskMode.AUTO_SCHEDULED);
            t.setConstraintType(ConstraintType.AS_SOON_AS_POSSIBLE);
            t.setMilestone(g.duration()[i] == 0);
            tasks[i] = t;
        }
        for (int k = 0; k < g.links(); k++) {
            tasks[g.linkSucc()[k]].addPredecessor(new Relation.Builder().predecessorTask(tasks[g.linkPred()[k]])
                    .type(TYPES[g.linkType()[k]]).lag(Duration.getInstance(g.linkLag()[k] / 60.0, TimeUnit.HOURS)));
        }
        return file;
    }

    public static void schedule(ProjectFile file, GeneratedNetwork g) {
        try {
            new MicrosoftScheduler().schedule(file, g.start());
        } catch (CpmException e) {
            throw new IllegalStateException("MPXJ could not schedule the network: " + e.getMessage(), e);
        }
    }
}
