package io.planwright.cli;

import io.planwright.core.calendar.Moments;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.Baselines;
import io.planwright.formats.PlanIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Save, clear, list or restore a plan's baselines, as MS Project's Set Baseline.",
                "A baseline is a copy of every task's start, finish, duration, work and cost, to measure progress and change",
                "against: the main one (baseline) and baseline1 to baseline10. 'save' schedules the plan and saves it under --id",
                "(replacing one of that id); 'clear' removes one; 'list' prints them; 'restore --from baseline1' copies one under --id",
                "(the main one by default), as MS Project's Copy Baseline 1 to Baseline. The plan is written back to FILE (or -o OUT)",
                "whole or not at all."})
final class BaselineCommand implements Callable<Integer> {

    enum Action { save, clear, list, restore }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plan, or MS Project XML (.xml), which keeps baselines too.")
    Path file;

    @Parameters(index = "1", paramLabel = "ACTION", description = "save, clear, list, or restore (copy the baseline --from under --id, the main one by default).")
    Action action;

    @Option(names = "--id", paramLabel = "ID", description = "Which baseline: baseline (the main one, default) or baseline1 to baseline10. 'clear' also takes its name.")
    String id;

    @Option(names = "--from", paramLabel = "ID", description = "For restore: the baseline to copy (its id or name), such as baseline1.")
    String from;

    @Option(names = "--name", paramLabel = "N", description = "The name to save the baseline under (default: Baseline, Baseline 1, ...).")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the plan to this file instead of FILE.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = PlanInput.read(file, err, !quiet);
        switch (action) {
            case list -> Output.write(spec, null, list(plan));
            case save -> {
                String target = id == null ? Baselines.MAIN : id.toLowerCase(Locale.ROOT);
                if (!Baselines.isValidId(target)) {
                    throw CliException.usage("--id '" + id + "' is not a baseline: use baseline or baseline1 to baseline10");
                }
                PlanSchedule s = PlanScheduler.schedule(plan);
                Baseline b = Baselines.capture(plan, s, target, name, LocalDateTime.now().withSecond(0).withNano(0));
                write(Baselines.save(plan, b));
                if (!quiet) {
                    err.println("saved " + describe(b) + " to " + (output == null ? file : output));
                }
            }
            case restore -> {
                String target = id == null ? Baselines.MAIN : id.toLowerCase(Locale.ROOT);
                if (from == null) {
                    throw CliException.usage("restore needs --from: the baseline to copy, such as baseline1");
                }
                if (!Baselines.isValidId(target)) {
                    throw CliException.usage("--id '" + id + "' is not a baseline: use baseline or baseline1 to baseline10");
                }
                Plan restored = Baselines.copy(plan, from, target).orElseThrow(() -> CliException.problems(file + ": no baseline '" + from + "'; "
                        + (plan.baselines().isEmpty() ? "the plan has none" : "it has " + plan.baselines().stream().map(Baseline::id).collect(Collectors.joining(", ")))));
                write(restored);
                if (!quiet) {
                    err.println("restored " + describe(Baselines.find(restored, target).orElseThrow()) + " from " + from + " in " + (output == null ? file : output));
                }
            }
            case clear -> {
                String which = id == null ? name : id;
                Baseline b = Baselines.find(plan, which == null ? Baselines.MAIN : which).orElseThrow(() -> CliException.problems(file + ": no baseline '"
                        + (which == null ? Baselines.MAIN : which) + "'; " + (plan.baselines().isEmpty() ? "the plan has none"
                        : "it has " + plan.baselines().stream().map(Baseline::id).collect(Collectors.joining(", ")))));
                write(Baselines.clear(plan, b.id()).orElseThrow());
                if (!quiet) {
                    err.println("cleared " + describe(b) + " from " + (output == null ? file : output));
                }
            }
        }
        err.flush();
        return 0;
    }

    private void write(Plan plan) throws IOException {
        Path target = output == null ? file : output;
        try {
            PlanIO.write(plan, target, java.time.Instant.now());
        } catch (PlanIO.ExportException e) {
            throw CliException.problems(e.getMessage() + "; nothing was written");
        }
    }

    static String list(Plan plan) {
        if (plan.baselines().isEmpty()) {
            return "No baselines. Save one with: planwright baseline FILE save\n";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-11s %-28s %-16s %6s  %-10s  %s%n", "id", "name", "saved", "tasks", "finish", "cost"));
        for (Baseline b : plan.baselines()) {
            LocalDateTime finish = Baselines.finish(b);
            Double cost = io.planwright.core.cost.Costs.budget(plan, b);
            out.append(String.format(Locale.ROOT, "%-11s %-28s %-16s %6d  %-10s  %s%n", b.id(), b.name(),
                    b.savedAt() == null ? "" : b.savedAt().toString().replace('T', ' '), b.tasks().size(),
                    finish == null ? "" : Moments.date(finish, Moments.Edge.FINISH),
                    io.planwright.core.format.Amounts.money(cost == null ? 0 : cost, plan.currency())));
        }
        return out.toString();
    }

    private static String describe(Baseline b) {
        return "baseline '" + b.name() + "' (" + b.id() + ", " + b.tasks().size() + " tasks)";
    }
}
