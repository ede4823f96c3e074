package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `level`'s table is the schedule's table, with how far leveling moved each task. */
class LevelTableCliTest {

    @TempDir
    Path dir;

    private String levelTable(String yaml) throws Exception {
        Path plan = Files.writeString(dir.resolve("p.plan.yaml"), yaml);
        CliTest.Run r = run("level", plan.toString(), "--schedules", "200", "--seed", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    private static String row(String table, String taskName) {
        return table.lines().filter(l -> l.contains(taskName)).findFirst().orElseThrow(() -> new AssertionError(taskName + " not in\n" + table));
    }

    @Test
    void aDelayedTaskShowsWorkingDaysLaterInTheScheduleTable() throws Exception {
        String out = levelTable("""
                plan: {name: Two on one, start: 2026-03-02}
                resources:
                  ann: {}
                tasks:
                  phase:
                    tasks:
                      a: {name: Write the spec, duration: 2d, resources: [ann]}
                      b: {name: Review the budget, duration: 3d, resources: [ann]}
                """);
        // the schedule table's columns and words for dates, plus the move
        assertThat(out.lines().filter(l -> l.contains("WBS")).findFirst().orElseThrow())
                .contains("Task", "Duration", "Start", "Finish", "Total float", "Free float", "Moved").doesNotContain("delay");
        assertThat(out).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
        String a = row(out, "Write the spec");
        String b = row(out, "Review the budget");
        // one of the two waits for the other: by its length, 3 or 2 working days
        assertThat(a.strip().endsWith("+3d") || b.strip().endsWith("+2d")).as(a + "\n" + b).isTrue();
        assertThat(a.strip().endsWith("+3d") && b.strip().endsWith("+2d")).isFalse();
        assertThat(a).contains("1.1");
        assertThat(b).contains("1.2");
        assertThat(out).contains("Plan:          Two on one");
    }

    @Test
    void aTaskMovedEarlierInABackwardPlanShowsANegativeMove() throws Exception {
        String out = levelTable("""
                plan: {name: Back from the finish, finish: 2026-03-20, schedule-from: finish}
                resources:
                  ann: {}
                tasks:
                  a: {name: Write the spec, duration: 2d, resources: [ann]}
                  b: {name: Review the budget, duration: 3d, resources: [ann]}
                """);
        String a = row(out, "Write the spec");
        String b = row(out, "Review the budget");
        assertThat(a.strip().endsWith("-3d") || b.strip().endsWith("-2d")).as(a + "\n" + b).isTrue();
        assertThat(out).doesNotContain("delay (h)");
    }
}
