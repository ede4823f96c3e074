package io.planwright.cli;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.calendar.Moments;
import io.planwright.core.change.PlanDiff;
import io.planwright.core.format.Amounts;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Location;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two plans, in the plan's terms.",
                "Compares any two readable files (plan files, MS Project, Primavera, task lists): the plan's settings, tasks added,",
                "removed, moved to another phase and changed field by field, and the same for resources, calendars, objectives,",
                "deliverables, risks, stakeholders, communications and baselines; then the impact on the finish, the critical path and",
                "the cost. Exit code 0 when the plans are the same, 1 when they differ, 2 when a file cannot be read, as diff.",
                "As Git's diff driver for plan files: in .gitattributes '*.plan.yaml diff=planwright', and",
                "git config diff.planwright.command 'planwright diff' (Git passes seven arguments; the second and fifth are the files)."})
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..7", paramLabel = "FILE", description = "OLD and NEW; or the seven arguments Git gives an external diff command.")
    List<String> files;

    @Option(names = "--format", defaultValue = "text", description = "text (for people, default) or json.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        if (files.size() != 2 && files.size() != 7) {
            throw CliException.usage("give two files (OLD NEW), or the seven arguments Git passes to an external diff command");
        }
        String name = files.size() == 7 ? files.get(0) : null;
        Path oldFile = Path.of(files.size() == 7 ? files.get(1) : files.get(0));
        Path newFile = Path.of(files.size() == 7 ? files.get(4) : files.get(1));
        // the two files are read and scheduled side by side: on two cores that halves the wait
        java.util.concurrent.CompletableFuture<Plan> newer = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(newFile, name));
        java.util.concurrent.CompletableFuture<PlanSchedule> newerSchedule = newer.thenApply(DiffCommand::schedule);
        Plan before = read(oldFile, name);
        PlanSchedule sb = schedule(before);
        Plan after;
        PlanSchedule sa;
        try {
            after = newer.join();
            sa = newerSchedule.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof CliException c ? c : e;
        }
        PlanDiff.Result d = PlanDiff.of(before, after, sb, sa);
        String text = format == Format.json ? json(d) : text(name == null ? oldFile + " -> " + newFile : name, d, after.currency());
        Output.write(spec, output, text);
        return d.isEmpty() ? 0 : 1;
    }

    /** A plan, or exit code 2 with the file's errors (as diff does for trouble). */
    private Plan read(Path file, String shownAs) {
        if (file.toString().equals("/dev/null")) {
            return Plan.builder(shownAs == null ? "" : shownAs).build();
        }
        ReadResult r = PlanIO.read(file);   // what the file says; the plan's own problems are no reason not to compare
        if (r.plan() == null || r.hasErrors()) {
            PlanInput.print(r.problems().stream().filter(LocatedProblem::isError).toList(), spec.commandLine().getErr(), false);
            long errors = r.problems().stream().filter(LocatedProblem::isError).count();
            throw new CliException(2, file + ": " + errors + (errors == 1 ? " error" : " errors") + "; cannot compare it");
        }
        return r.plan();
    }

    private static PlanSchedule schedule(Plan plan) {
        try {
            return PlanScheduler.schedule(plan);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(String title, PlanDiff.Result d, String currency) {
        StringBuilder out = new StringBuilder();
        if (d.isEmpty()) {
            return "The plans are the same.\n";
        }
        out.append(title).append('\n');
        for (PlanDiff.FieldChange f : d.plan()) {
            out.append("plan ").append(change(f)).append('\n');
        }
        String section = null;
        for (PlanDiff.EntryChange e : d.entries()) {
            if (!e.section().equals(section)) {
                section = e.section();
                out.append(section).append(":\n");
            }
            String mark = switch (e.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
                case MOVED -> ">";
            };
            out.append("  ").append(mark).append(' ').append(e.id()).append(e.name() == null || e.name().equals(e.id()) ? "" : "  " + e.name())
                    .append(e.kind() == PlanDiff.Kind.MOVED || e.kind() == PlanDiff.Kind.CHANGED ? "" : "  (" + e.kind().text() + ")").append('\n');
            for (PlanDiff.FieldChange f : e.fields()) {
                out.append("      ").append(change(f)).append('\n');
            }
        }
        PlanDiff.Impact i = d.impact();
        if (i != null) {
            out.append(String.format(Locale.ROOT, "impact: finish %s%s; cost %s%s", Moments.date(i.finishBefore(), Moments.Edge.FINISH),
                    i.finishMoved() ? " -> " + Moments.date(i.finishAfter(), Moments.Edge.FINISH) : " (unchanged)",
                    Amounts.money(i.costBefore(), currency),
                    Math.abs(i.costAfter() - i.costBefore()) < 0.005 ? " (unchanged)" : " -> " + Amounts.money(i.costAfter(), currency)));
            if (!i.criticalAdded().isEmpty() || !i.criticalRemoved().isEmpty()) {
                out.append("; critical now: ").append(i.criticalAdded().isEmpty() ? "none new" : String.join(", ", i.criticalAdded()))
                        .append(", no longer: ").append(i.criticalRemoved().isEmpty() ? "none" : String.join(", ", i.criticalRemoved()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String change(PlanDiff.FieldChange f) {
        return f.field() + ": " + (f.before() == null ? "(none)" : f.before()) + " -> " + (f.after() == null ? "(none)" : f.after());
    }

    static String json(PlanDiff.Result d) {
        MapNode.Builder b = MapNode.builder();
        b.put("equal", ScalarNode.bool(d.isEmpty()));
        b.put("plan", ListNode.of(d.plan().stream().map(DiffCommand::field).toList()));
        List<Node> entries = new ArrayList<>();
        for (PlanDiff.EntryChange e : d.entries()) {
            MapNode.Builder eb = MapNode.builder();
            eb.put("section", e.section());
            eb.put("id", e.id());
            eb.put("name", e.name() == null ? nul() : ScalarNode.string(e.name()));
            eb.put("change", e.kind().text());
            eb.put("fields", ListNode.of(e.fields().stream().map(DiffCommand::field).toList()));
            entries.add(eb.build());
        }
        b.put("entries", ListNode.of(entries));
        PlanDiff.Impact i = d.impact();
        if (i != null) {
            MapNode.Builder ib = MapNode.builder();
            ib.put("finish_before", Moments.written(i.finishBefore(), Moments.Edge.FINISH));
            ib.put("finish_after", Moments.written(i.finishAfter(), Moments.Edge.FINISH));
            ib.put("cost_before", ScalarNode.number(java.math.BigDecimal.valueOf(i.costBefore()).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
            ib.put("cost_after", ScalarNode.number(java.math.BigDecimal.valueOf(i.costAfter()).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
            ib.put("critical_added", ListNode.of(i.criticalAdded().stream().<Node>map(ScalarNode::string).toList()));
            ib.put("critical_removed", ListNode.of(i.criticalRemoved().stream().<Node>map(ScalarNode::string).toList()));
            b.put("impact", ib.build());
        }
        return JsonEmitter.write(b.build());
    }

    private static Node field(PlanDiff.FieldChange f) {
        MapNode.Builder b = MapNode.builder().flow();
        b.put("field", f.field());
        b.put("before", f.before() == null ? nul() : ScalarNode.string(f.before()));
        b.put("after", f.after() == null ? nul() : ScalarNode.string(f.after()));
        return b.build();
    }

    private static Node nul() {
        return new ScalarNode("null", ScalarNode.Type.NULL, Location.START);
    }
}
