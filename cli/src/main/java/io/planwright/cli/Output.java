package io.planwright.cli;

import io.planwright.formats.plan.PlanFiles;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Where a command's result goes: a file, written whole or not at all (-o), or standard output. */
final class Output {

    private Output() {
    }

    static void write(CommandSpec spec, Path output, String text) {
        if (output != null) {
            try {
                PlanFiles.writeAtomically(output, text);
            } catch (IOException e) {
                throw CliException.problems(output + ": cannot write the file (" + e.getMessage() + "); nothing was written");
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }
}
