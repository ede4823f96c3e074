package io.planwright.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * The options every command that reads a plan and prints a report shares (a picocli mixin): the file to
 * read, in any format Planwright reads, and where the report goes.
 */
final class PlanReport {

    @Parameters(paramLabel = "FILE", description = "The plan, or another tool's project file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    /** Writes the report to OUT (whole or not at all) or to standard output. */
    void write(CommandSpec spec, String text) {
        Output.write(spec, output, text);
    }
}
