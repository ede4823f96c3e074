package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpxj.Duration;
import org.mpxj.ProjectFile;
import org.mpxj.ScheduleFrom;
import org.mpxj.Task;
import org.mpxj.TimeUnit;
import org.mpxj.mspdi.MSPDIWriter;

import java.nio.file.Path;
import java.time.LocalDateTime;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Every file MS Project opens is scheduled; what MS Project tolerates is a warning, not a refusal. */
class ImportCliTest {

    @TempDir
    Path dir;

    private Path write(ProjectFile project, String name) throws Exception {
        Path file = dir.resolve(name);
        new MSPDIWriter().write(project, file.toString());
        return file;
    }

    private static ProjectFile project(LocalDateTime start) {
        ProjectFile p = new ProjectFile();
        p.addDefaultBaseCalendar();
        p.getProjectProperties().setStartDate(start);
        return p;
    }

    @Test
    void aDeadlineBeforeTheProjectStartIsAWarning() throws Exception {
        ProjectFile p = project(LocalDateTime.of(2026, 3, 2, 8, 0));
        Task a = p.addTask();
        a.setName("Approve budget");
        a.setDuration(Duration.getInstance(2, TimeUnit.DAYS));
        a.setDeadline(LocalDateTime.of(2026, 2, 20, 17, 0));
        Path file = write(p, "early-deadline.xml");
        CliTest.Run r = run("schedule", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Approve budget");
        assertThat(r.err()).contains("warning: task ").contains("has its deadline 2026-02-20 17:00 before the plan even starts").doesNotContain("error");
    }

    @Test
    void aBackwardProjectWhoseStoredStartIsAfterItsFinishIsScheduledFromItsFinish() throws Exception {
        ProjectFile p = project(LocalDateTime.of(2026, 5, 4, 8, 0));
        p.getProjectProperties().setScheduleFrom(ScheduleFrom.FINISH);
        p.getProjectProperties().setFinishDate(LocalDateTime.of(2026, 4, 30, 17, 0));
        Task a = p.addTask();
        a.setName("Hand over");
        a.setDuration(Duration.getInstance(3, TimeUnit.DAYS));
        Path file = write(p, "backward.xml");
        CliTest.Run r = run("schedule", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // three days back from Thu 2026-04-30 17:00
        assertThat(r.out()).contains("Hand over").contains("2026-04-28 08:00").contains("2026-04-30 17:00");
        assertThat(r.err()).contains("warning: the plan is scheduled back from its finish");
    }

    @Test
    void theSampleWhoseStoredFinishIsBeforeItsStartIsScheduled() {
        // legacy/bug2.mpp: a forward project whose stored finish (2003-02-11) is before its start (2003-03-28)
        CliTest.Run r = run("schedule", ExchangeCliTest.SAMPLES.resolve("legacy/bug2.mpp").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("error");
    }
}
