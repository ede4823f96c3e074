package io.planwright.cli;

import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.level.PlanLeveler;
import io.planwright.core.level.RcpspSolver;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.schedule.ScheduleCsv;
import io.planwright.formats.schedule.ScheduleJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "level", mixinStandardHelpOptions = true,
        description = {"Level a plan's resources: delay tasks until no work resource is over-allocated.",
                "Tasks are delayed, never shortened, until no work resource is asked for more than its maximum units, keeping the",
                "project as short as the search finds it within the time limit; links, lags, leads and date constraints are kept.",
                "Prints the levelled schedule as 'schedule' does, with how far each task moved (in working days; the CSV adds",
                "leveling_delay_hours)."})
final class LevelCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    PlanReport report;

    @Option(names = "--time-limit", defaultValue = "2", description = "Seconds of CPU for the search, all threads together (default ${DEFAULT-VALUE}).")
    double timeLimit;

    @picocli.CommandLine.Mixin
    SearchOptions search;

    @Option(names = "--within-float", description = "Delay tasks only within their total float: the finish does not move; what does not fit stays over-allocated.")
    boolean withinFloat;

    @Option(names = "--format", defaultValue = "table", description = "table (for people, default), csv or json.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (timeLimit < 0 || timeLimit > 86_400) {
            throw CliException.usage("--time-limit is at most 86400 seconds, and not negative");
        }
        RcpspSolver.Options options = search.options((long) (timeLimit * 1e9), "--time-limit");
        PrintWriter err = spec.commandLine().getErr();
        io.planwright.formats.plan.ReadResult read = PlanInput.readResult(report.file, err, !quiet, new long[2]);
        Plan plan = read.plan();
        PlanLeveler.Result r;
        try {
            r = PlanLeveler.level(plan, options, withinFloat);
        } catch (PlanLeveler.Unschedulable | io.planwright.core.level.Rcpsp.Infeasible e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        } catch (CalendarRangeException e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        }
        String text = switch (format) {
            case csv -> csv(r);
            case json -> json(r, read);
            case table -> table(plan, r);
        };
        report.write(spec, text);
        if (!quiet) {
            long delayed = r.delayMinutes().values().stream().filter(m -> m > 0).count();
            boolean backward = plan.scheduleFrom() == io.planwright.core.model.ScheduleFrom.FINISH;
            err.printf(Locale.ROOT, "levelled: %d over-allocations before; %s %s -> %s (%d -> %d working hours), %d tasks %s;"
                            + " %d schedules in %.1f s of CPU%n",
                    r.overallocatedBefore().size(), backward ? "start (the plan is scheduled from its finish)" : "finish",
                    backward ? ScheduleTable.start(r.before().start()) : ScheduleTable.finish(r.before().finish()),
                    backward ? ScheduleTable.start(r.after().start()) : ScheduleTable.finish(r.after().finish()),
                    r.periodsBefore(), r.periodsAfter(), delayed, backward ? "moved earlier" : "delayed", r.schedules(), r.cpuNanos() / 1e9);
            for (io.planwright.core.schedule.MissedDeadline m : io.planwright.core.schedule.MissedDeadline.newlyMissed(r.before(), r.after())) {
                err.println("misses its deadline after leveling: " + (m.taskId() == null ? "the plan's target finish" : m.taskId() + " (" + m.name() + ")")
                        + ", deadline " + io.planwright.core.calendar.Moments.date(m.deadline(), io.planwright.core.calendar.Moments.Edge.FINISH)
                        + ", finish " + ScheduleTable.finish(m.finish()) + ", " + m.lateText() + " late");
            }
            for (io.planwright.core.level.Overallocations.Overallocation o : r.remaining()) {
                err.printf(Locale.ROOT, (withinFloat ? "left over-allocated (no float to delay into, or tasks leveling does not move): "
                                : r.unavoidable(o) ? "left over-allocated (tasks leveling may not move: started, manually scheduled, on a fixed date or a date"
                                + " they must not pass): "
                                : "left over-allocated (working time of a task's or a person's own calendar, which the search counts approximately): ")
                                + "%s at %.0f %% of %.0f %% from %s to %s by %s%n", o.resourceId(), o.units() * 100, o.maxUnits() * 100,
                        ScheduleTable.start(o.from()), ScheduleTable.finish(o.to()), String.join(", ", o.taskIds()));
            }
            err.flush();
        }
        return 0;
    }

    /** The schedule's CSV with one more column: the working hours each task was delayed by leveling. */
    static String csv(PlanLeveler.Result r) {
        List<String> lines = ScheduleCsv.write(r.after()).lines().toList();
        StringBuilder out = new StringBuilder(lines.get(0)).append(",leveling_delay_hours\n");
        List<ScheduledTask> tasks = r.after().tasks();
        for (int i = 1; i < lines.size() && i - 1 < tasks.size(); i++) {
            Long delay = r.delayMinutes().get(tasks.get(i - 1).id());
            out.append(lines.get(i)).append(',').append(delay == null ? "" : ScheduleCsv.hours(delay)).append('\n');
        }
        return out.toString();
    }

    static String json(PlanLeveler.Result r, io.planwright.formats.plan.ReadResult read) {
        String schedule = ScheduleJson.write(r.after(), read.problems()).strip();
        StringBuilder delays = new StringBuilder("{");
        r.delayMinutes().forEach((id, m) -> {
            if (m > 0) {
                delays.append(delays.length() == 1 ? "" : ",").append(io.planwright.formats.tree.JsonEmitter.string(id)).append(':')
                        .append(ScheduleCsv.hours(m));
            }
        });
        delays.append('}');
        return "{\"leveling\":{\"finish_before\":" + io.planwright.formats.tree.JsonEmitter.string(ScheduleCsv.time(r.before().finish()))
                + ",\"finish_after\":" + io.planwright.formats.tree.JsonEmitter.string(ScheduleCsv.time(r.after().finish()))
                + ",\"schedules\":" + r.schedules() + ",\"delay_hours\":" + delays + "},\"schedule\":" + schedule + "}\n";
    }

    /**
     * The levelled schedule as the schedule table shows it, with a column of how far leveling moved each task:
     * its start, in working days of the plan's calendar, positive later and negative earlier.
     */
    static String table(Plan plan, PlanLeveler.Result r) {
        io.planwright.core.calendar.WorkingTime time = io.planwright.core.schedule.PlanCalendars.planCalendar(plan);
        java.util.Map<String, ScheduledTask> before = new java.util.HashMap<>();
        r.before().tasks().forEach(t -> before.put(t.id(), t));
        String head = "Finish before leveling " + ScheduleTable.finish(r.before().finish()) + ", after " + ScheduleTable.finish(r.after().finish())
                + ".\nMoved: how far each task's start moved, in working days (+ later, - earlier)\n\n";
        return head + ScheduleTable.write(r.after(), "Moved", t -> {
            ScheduledTask b = before.get(t.id());
            if (b == null || t.type() == ScheduledTask.Kind.SUMMARY) {
                return "";
            }
            long moved = time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(t.start()))
                    - time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(b.start()));
            return moved == 0 ? "" : (moved > 0 ? "+" : "-") + ScheduleTable.days(Math.abs(moved), false);
        });
    }
}
