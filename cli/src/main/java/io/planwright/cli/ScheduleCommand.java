package io.planwright.cli;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.schedule.ScheduleCsv;
import io.planwright.formats.schedule.ScheduleJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Schedule a plan with the critical path method and print the result.",
                "Reads a plan file or any file Planwright imports: MS Project (.mpp, .mpx, .xml), Primavera (.xer, .pmxml,",
                "P6 .xml), Planner, GanttProject (.gan), a task list (.csv, .xlsx) or a PSPLIB instance (.sm).",
                "The plan is validated first: errors stop here (exit code 1), warnings go to standard error; what another",
                "tool's file held that cannot be carried over is listed there, and under 'losses' in the JSON output."})
final class ScheduleCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    PlanReport report;

    @Option(names = "--format", defaultValue = "table", description = "table (for people, default), csv or json.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print how long reading, scheduling and writing took.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long[] readAndCheck = new long[2];
        io.planwright.formats.plan.ReadResult read = PlanInput.readResult(report.file, err, !quiet, readAndCheck);
        Plan plan = read.plan();
        long t1 = System.nanoTime();
        PlanSchedule schedule;
        try {
            schedule = PlanScheduler.schedule(plan);
        } catch (CalendarRangeException e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        }
        long t2 = System.nanoTime();
        String text = switch (format) {
            case csv -> ScheduleCsv.write(schedule);
            case json -> ScheduleJson.write(schedule, read.problems());
            case table -> ScheduleTable.write(schedule);
        };
        report.write(spec, text);
        long t3 = System.nanoTime();
        if (verbose) {
            // validation schedules the plan to report what cannot be met; the schedule is then reused
            err.printf("read %.0f ms, check and schedule %.0f ms, write %.0f ms (%d tasks; %.0f ms since the JVM started)%n",
                    readAndCheck[0] / 1e6, (readAndCheck[1] + (t2 - t1)) / 1e6, (t3 - t2) / 1e6, plan.tasks().size(),
                    (double) (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
            err.flush();
        }
        return 0;
    }
}
