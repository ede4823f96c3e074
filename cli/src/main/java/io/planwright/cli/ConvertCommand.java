package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.formats.FileFormat;
import io.planwright.formats.PlanIO;
import io.planwright.formats.exchange.Loss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a plan from one format to another, chosen by the file extensions.",
                "Reads: .plan.yaml .yaml .yml .json (Planwright), .mpp .mpt .mpx .xml (MS Project; .xml also Primavera P6 XML),",
                "  .xer .pmxml (Primavera), .planner (Planner), .gan (GanttProject), .csv .xlsx (task lists), .sm (PSPLIB).",
                "Writes: .plan.yaml .yaml .yml .json, .xml (MS Project XML, with Planwright's dates), .xer .pmxml (Primavera),",
                "  .csv .xlsx (the task table with the schedule), .ics (milestones and deadlines as a calendar).",
                "The input is validated first; with errors nothing is written (exit code 1). What the input held that the",
                "model cannot carry, and what the output format cannot hold, are listed as warnings."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (replaced if it exists, atomically).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        FileFormat target = FileFormat.of(out).orElseThrow(() -> CliException.usage("cannot tell the format of '" + out
                + "' from its extension; Planwright writes " + FileFormat.extensions(false)));
        if (!target.writable()) {
            throw CliException.usage(PlanIO.whyNotWritable(target, out));
        }
        if (FileFormat.of(in).isEmpty()) {
            throw CliException.usage("cannot tell the format of '" + in + "' from its extension; Planwright reads " + FileFormat.extensions(true));
        }
        Plan plan = PlanInput.read(in, err, !quiet);
        PlanIO.Written written;
        try {
            written = PlanIO.write(plan, out, Instant.now());
        } catch (PlanIO.ExportException e) {
            throw CliException.problems(out + ": " + e.getMessage() + "; nothing was written");
        } catch (IOException e) {
            throw CliException.problems(out + ": cannot write the file (" + e.getMessage() + "); nothing was written");
        }
        if (!quiet) {
            for (Loss loss : written.losses()) {
                err.println(out + ": warning: not written: " + loss.describe());
            }
            err.println("wrote " + out + " (" + target.description() + ", " + plan.tasks().size() + " tasks)");
            err.flush();
        }
        return 0;
    }
}
