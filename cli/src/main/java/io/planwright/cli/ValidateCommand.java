package io.planwright.cli;

import io.planwright.formats.plan.ReadResult;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.PlanIO;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check plan files and report every problem at once.",
                "Each problem is one line: FILE:LINE:COLUMN: error|warning: message.",
                "Reads every format Planwright reads: plan files, MS Project, Primavera, Planner, GanttProject, task lists",
                "(.csv, .xlsx) and PSPLIB; for other tools' files, what cannot be carried over is listed as a warning.",
                "Exit code 1 if any file has errors; warnings alone leave it 0."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check (.plan.yaml, .json, .mpp, .mpx, .xml, .xer, .pmxml, .planner, .gan, .csv, .xlsx, .sm).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Report errors only, not warnings.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean anyErrors = false;
        List<Node> reports = new ArrayList<>();
        for (Path file : files) {
            ReadResult r = PlanIO.readAndCheck(file);
            long errors = r.problems().stream().filter(LocatedProblem::isError).count();
            long warnings = r.problems().size() - errors;
            anyErrors |= errors > 0 || r.plan() == null;
            if (format == Format.json) {
                reports.add(report(file, r, errors, warnings));
                continue;
            }
            PlanInput.print(r.problems(), out, !quiet);
            String tasks = r.plan() == null ? "" : r.plan().tasks().size() + " tasks, ";
            out.println(file + ": " + tasks + count(errors, "error") + ", " + count(warnings, "warning") + (errors == 0 && r.plan() != null ? ": ok" : ""));
        }
        if (format == Format.json) {
            out.print(JsonEmitter.write(Node.ListNode.of(reports)));
        }
        out.flush();
        return anyErrors ? Main.PLAN_PROBLEMS : 0;
    }

    private Node report(Path file, ReadResult r, long errors, long warnings) {
        List<Node> problems = new ArrayList<>();
        for (LocatedProblem p : r.problems()) {
            if (quiet && !p.isError()) {
                continue;
            }
            problems.add(p.json());
        }
        return Node.MapNode.builder()
                .put("file", file.toString())
                .put("ok", Node.ScalarNode.bool(errors == 0 && r.plan() != null))
                .put("tasks", r.plan() == null ? null : Node.ScalarNode.number(Integer.toString(r.plan().tasks().size())))
                .put("errors", Node.ScalarNode.number(Long.toString(errors)))
                .put("warnings", Node.ScalarNode.number(Long.toString(warnings)))
                .put("problems", Node.ListNode.of(problems)).build();
    }

    static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

}
