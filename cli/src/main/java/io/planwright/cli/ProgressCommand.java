package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.ProgressUpdate;
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
import java.util.concurrent.Callable;

@Command(name = "progress", mixinStandardHelpOptions = true,
        description = {"Update progress as of a date, as MS Project's Update Project.",
                "Work the schedule put before the date is recorded as done: a task scheduled to finish by then is 100 % complete",
                "with its scheduled dates as its actual ones; a task under way gets the share of its working time elapsed (or,",
                "with --rule zero-or-hundred, stays at 0 % until it finishes). Progress already reported is never lowered. The",
                "plan's status date becomes DATE; the plan is written back to FILE (or -o OUT) whole or not at all."})
final class ProgressCommand implements Callable<Integer> {

    enum Rule { share, zero_or_hundred }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The plan, or MS Project XML (.xml).")
    Path file;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "The status date: 2026-03-11 (the end of that day) or 2026-03-11T12:00.")
    String asOf;

    @Option(names = "--rule", defaultValue = "share", paramLabel = "RULE",
            description = "share (percent complete from 0 to 100 by the time elapsed, default) or zero-or-hundred.",
            converter = RuleConverter.class)
    Rule rule;

    @Option(names = "--reschedule-remaining", negatable = true, paramLabel = "BOOLEAN",
            description = "The work left of started tasks that are behind resumes at the status date (the plan's reschedule-remaining, as MS Project's "
                    + "option); --no-reschedule-remaining turns it off. Unchanged when not given.")
    Boolean rescheduleRemaining;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the plan to this file instead of FILE.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings and the summary.")
    boolean quiet;

    static final class RuleConverter implements picocli.CommandLine.ITypeConverter<Rule> {
        @Override
        public Rule convert(String value) {
            return switch (value) {
                case "share" -> Rule.share;
                case "zero-or-hundred" -> Rule.zero_or_hundred;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a rule: use share or zero-or-hundred");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        LocalDateTime date = AsOf.parse(asOf, "--as-of");
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = PlanInput.read(file, err, !quiet);
        ProgressUpdate.Result r = ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), date,
                rule == Rule.share ? ProgressUpdate.Rule.SHARE_ELAPSED : ProgressUpdate.Rule.ZERO_OR_HUNDRED);
        Path target = output == null ? file : output;
        Plan updated = rescheduleRemaining == null ? r.plan() : r.plan().toBuilder().rescheduleRemaining(rescheduleRemaining).build();
        try {
            PlanIO.write(updated, target, java.time.Instant.now());
        } catch (PlanIO.ExportException e) {
            throw CliException.problems(e.getMessage() + "; nothing was written");
        }
        if (!quiet) {
            err.println("as of " + AsOf.text(date) + ": " + count(r.completed().size(), "task") + " done, " + count(r.advanced().size(), "task")
                    + " under way updated; written to " + target);
            err.flush();
        }
        return 0;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
