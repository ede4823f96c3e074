package io.planwright.cli;

import io.planwright.bench.Conformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Compare Planwright's and MPXJ's schedules of MS Project files with the dates MS Project stored.",
                "Schedules every MS Project file under DIR (.mpp, .mpx, MSPDI .xml) with Planwright and with MPXJ's",
                "MicrosoftScheduler and compares both with the stored early and late start and finish, total slack and the critical",
                "flag (where the file stores them), and the dates of manually scheduled tasks. Prints per file and in total how many",
                "values match, then each of Planwright's mismatches with MS Project's, Planwright's and MPXJ's values."})
final class ConformanceCommand implements Callable<Integer> {

    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder of MS Project files (searched recursively), or one file.")
    Path dir;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or csv.")
    Format format;

    @Option(names = "--mpxj-mismatches", description = "Also list the values where only MPXJ differs from MS Project.")
    boolean mpxjMismatches;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(dir)) {
            throw CliException.problems(dir + ": no such file or folder");
        }
        List<Conformance.FileResult> results;
        if (Files.isDirectory(dir)) {
            results = Conformance.runAll(dir);
            if (results.isEmpty()) {
                throw CliException.problems(dir + ": no MS Project files (.mpp, .mpx, MSPDI .xml) in this folder");
            }
        } else {
            results = List.of(Conformance.run(dir, null));
        }
        String text = format == Format.csv ? Conformance.csv(results, mpxjMismatches) : Conformance.table(results, true, mpxjMismatches);
        Output.write(spec, output, text);
        return 0;
    }
}
