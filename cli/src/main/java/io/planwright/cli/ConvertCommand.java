package io.planwright.cli;

import io.planwright.core.model.Plan;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a plan from one format to another, chosen by the file extensions.",
                "Formats: .plan.yaml/.yaml/.yml (Planwright YAML), .json (Planwright JSON).",
                "The input is validated first; with errors nothing is written (exit code 1)."})
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
        PlanFormat target = PlanFormat.of(out).orElseThrow(() -> CliException.usage("cannot tell the format of '" + out
                + "' from its extension; use .plan.yaml, .yaml, .yml or .json"));
        if (PlanFormat.of(in).isEmpty()) {
            throw CliException.usage("cannot tell the format of '" + in + "' from its extension; use .plan.yaml, .yaml, .yml or .json");
        }
        Plan plan = PlanInput.read(in, err, !quiet);
        PlanFiles.writeAtomically(out, PlanFiles.write(plan, target));
        if (!quiet) {
            err.println("wrote " + out + " (" + plan.tasks().size() + " tasks)");
            err.flush();
        }
        return 0;
    }
}
