package io.planwright.cli;

import io.planwright.core.calendar.Moments;
import io.planwright.core.model.Plan;
import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.Sections;
import io.planwright.core.report.StatusReport;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.ForecastTrend;
import io.planwright.core.track.ProjectStatus;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"A status report of a plan at its status date, as a web page, a PDF or Markdown.",
                "The headline (on track, at risk or late, and why), progress and earned value against the baseline, milestones done",
                "and next, what changed since the previous report (--since: the plan file of that report), the top risks and how",
                "they moved, the KPIs' trends, the team's tasks and the charts (forecast finish, S-curves, risk heat map).",
                "What it shows depends on --audience (sponsor, steering, team) or --sections. More: docs/reports.md."})
final class ReportCommand implements Callable<Integer> {

    enum Format { html, pdf, md }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The plan, or another tool's project file.")
    Path file;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The status date (default: the plan's status date, else today).")
    String asOf;

    @Option(names = "--baseline", paramLabel = "N", description = "The baseline to measure against, by id or name (default: the main one).")
    String baseline;

    @Option(names = "--audience", paramLabel = "NAME", description = "sponsor (a summary), steering (all but the tasks) or team (everything, default).")
    String audience;

    @Option(names = "--sections", paramLabel = "LIST", description = "The sections to show instead of the audience's, such as summary,risks,charts: "
            + "summary, progress, milestones, changes, risks, kpis, decisions, tasks, charts.")
    String sections;

    @Option(names = "--since", paramLabel = "OLDFILE", description = "The plan as of the previous report: what changed since, and the forecast trend.")
    Path since;

    @Option(names = "--format", defaultValue = "html", description = "html (a web page, default), pdf or md (Markdown).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file (whole or not at all) instead of standard output; "
            + "required for pdf.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Override
    public Integer call() {
        LocalDateTime asked = AsOf.parse(asOf, "--as-of");
        Audience who;
        Set<Section> shown;
        try {
            who = Audience.parse(audience);
        } catch (Audience.UnknownAudience e) {
            throw CliException.usage("--audience: " + e.getMessage());
        }
        try {
            shown = sections == null ? who.sections() : Sections.parse(sections);
        } catch (Sections.UnknownSection e) {
            throw CliException.usage("--sections: " + e.getMessage());
        }
        if (shown.isEmpty()) {
            throw CliException.usage("--sections: name at least one section: " + Sections.valid());
        }
        if (format == Format.pdf && output == null) {
            throw CliException.usage("--format pdf needs -o OUT: a PDF is not written to the terminal");
        }
        Plan plan = PlanInput.read(file, spec.commandLine().getErr(), !quiet);
        Plan previous = since == null ? null : PlanInput.read(since, spec.commandLine().getErr(), !quiet);
        PlanSchedule schedule = PlanScheduler.schedule(plan);
        LocalDateTime date = asked != null ? asked : plan.statusDate() != null ? plan.statusDate()
                : Moments.of(LocalDate.now(), Moments.Edge.FINISH);
        StatusReport report;
        try {
            report = StatusReport.of(schedule, baseline, date, previous == null ? null : PlanScheduler.schedule(previous), shown,
                    sections == null ? who.topRisks() : StatusReport.TOP_RISKS, List.of(), shown.contains(Section.CHARTS) ? trend(previous, plan) : List.of());
        } catch (ProjectStatus.UnknownBaseline e) {
            throw CliException.usage("--baseline: " + e.getMessage());
        }
        ReportRenderer renderer = new ReportRenderer();
        Audience named = sections == null ? who : null;
        byte[] bytes = switch (format) {
            case html -> renderer.page(report, named).getBytes(StandardCharsets.UTF_8);
            case md -> renderer.markdown(report, named).getBytes(StandardCharsets.UTF_8);
            case pdf -> renderer.pdf(report, named);
        };
        if (output == null) {
            Output.write(spec, null, new String(bytes, StandardCharsets.UTF_8));
            return 0;
        }
        try {
            PlanFiles.writeAtomically(output, bytes);
        } catch (IOException e) {
            throw CliException.problems(output + ": cannot write the file (" + e.getMessage() + "); nothing was written");
        }
        return 0;
    }

    /** The forecast finish as of the previous report's status date and this one's (a plan without a status date has no point). */
    private static List<ForecastTrend.Point> trend(Plan previous, Plan plan) {
        List<ForecastTrend.Point> points = new ArrayList<>();
        if (previous != null) {
            points.add(ForecastTrend.at(previous, 1));
        }
        points.add(ForecastTrend.at(plan, 2));
        return ForecastTrend.series(points);
    }
}
