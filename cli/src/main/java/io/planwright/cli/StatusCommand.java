package io.planwright.cli;

import io.planwright.core.format.Amounts;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.Figures;
import io.planwright.core.track.KpiTrend;
import io.planwright.core.track.ProjectStatus;
import io.planwright.core.track.Variance;
import io.planwright.formats.track.StatusCsv;
import io.planwright.formats.track.StatusJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"A plan's health at its status date against a baseline.",
                "The headline (on track, at risk or late, and why), earned value (PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI)",
                "and earned schedule (ES, SV(t), SPI(t), IEAC(t)) of the plan and its phases, the finish against the baseline's,",
                "slipped tasks, the milestones ahead and the KPIs' trends. The rules and a worked example: docs/tracking.md."})
final class StatusCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    PlanReport report;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The status date (default: the plan's status date, else today).")
    String asOf;

    @Option(names = "--baseline", paramLabel = "N", description = "The baseline to measure against, by id or name (default: the main one).")
    String baseline;

    @Option(names = "--format", defaultValue = "table", description = "table (for people, default), json or csv.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Override
    public Integer call() {
        LocalDateTime asked = AsOf.parse(asOf, "--as-of");
        Plan plan = PlanInput.read(report.file, spec.commandLine().getErr(), !quiet);
        ProjectStatus s;
        try {
            s = ProjectStatus.of(PlanScheduler.schedule(plan), baseline, asked, java.time.LocalDate.now());
        } catch (ProjectStatus.UnknownBaseline e) {
            throw CliException.problems(report.file + ": " + e.getMessage());
        }
        String text = switch (format) {
            case json -> StatusJson.write(plan.name(), plan.currency(), s);
            case csv -> StatusCsv.write(s);
            case table -> table(plan, s);
        };
        report.write(spec, text);
        return 0;
    }

    static String table(Plan plan, ProjectStatus s) {
        String cur = plan.currency();
        StringBuilder out = new StringBuilder();
        out.append(plan.name()).append(": ").append(s.headline().words().toUpperCase(Locale.ROOT)).append(", as of ").append(AsOf.text(s.statusDate()));
        out.append(s.baseline() == null ? " (no baseline)" : " against baseline '" + s.baseline().name() + "'").append('\n');
        s.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        out.append('\n').append("Finish      ").append(AsOf.text(s.finish()));
        if (s.baselineFinish() != null) {
            out.append("  (baseline ").append(AsOf.text(s.baselineFinish())).append(", ").append(variance(s.finishVarianceDays())).append(')');
        }
        out.append('\n');
        if (s.earnedValue() != null) {
            EarnedValue.Entry p = s.earnedValue().plan();
            Figures f = p.figures();
            EarnedValue.Time t = p.time();
            out.append(String.format(Locale.ROOT, "Budget      BAC %s, %s earned%n", Amounts.money(f.bac(), cur), f.percentComplete() == null ? Amounts.NONE
                    : Amounts.percent(f.percentComplete())));
            out.append(String.format(Locale.ROOT, "To date     PV %s   EV %s   AC %s%n", Amounts.money(f.pv(), cur), Amounts.money(f.ev(), cur), Amounts.money(f.ac(), cur)));
            out.append(String.format(Locale.ROOT, "Variance    SV %s   CV %s   SPI %s   CPI %s%n", Amounts.money(f.sv(), cur), Amounts.money(f.cv(), cur),
                    index(f.spi()), index(f.cpi())));
            out.append(String.format(Locale.ROOT, "Forecast    EAC %s   ETC %s   VAC %s   TCPI %s%n", Amounts.money(f.eac(), cur), Amounts.money(f.etc(), cur),
                    Amounts.money(f.vac(), cur), index(f.tcpi())));
            out.append(String.format(Locale.ROOT, "Schedule    ES %s   SV(t) %s   SPI(t) %s   IEAC(t) %s%s%n", t.es() == null ? Amounts.NONE : AsOf.text(t.es()),
                    t.svDays() == null ? Amounts.NONE : Amounts.days(t.svDays()), index(t.spi()),
                    t.ieacDays() == null ? Amounts.NONE : Amounts.days(t.ieacDays()),
                    t.forecastFinish() == null ? "" : ", finishing " + AsOf.text(t.forecastFinish())));
            phases(s, cur, out);
        }
        if (!s.slipped().isEmpty()) {
            out.append("\nSlipped (finish more than ").append(Amounts.days(ProjectStatus.SLIP_THRESHOLD_DAYS)).append(" after the baseline)\n");
            for (Variance.Line l : s.slipped()) {
                out.append(String.format(Locale.ROOT, "  %-16s %-40s %s  (baseline %s, %s)%n", l.id(), clip(l.name(), 40), AsOf.text(l.finish()),
                        AsOf.text(l.baselineFinish()), variance(l.finishDays())));
            }
        }
        if (!s.nextMilestones().isEmpty()) {
            out.append("\nNext milestones\n");
            for (ScheduledTask m : s.nextMilestones()) {
                out.append(String.format(Locale.ROOT, "  %s  %s%n", AsOf.text(m.finish()), m.name()));
            }
        }
        if (!s.kpis().isEmpty()) {
            out.append("\nKPIs\n");
            for (KpiTrend.Trend k : s.kpis()) {
                out.append(String.format(Locale.ROOT, "  %-30s %s%n", clip(k.kpi().name(), 30), k.explanation()));
            }
        }
        return out.toString();
    }

    private static void phases(ProjectStatus s, String cur, StringBuilder out) {
        boolean any = s.earnedValue().entries().stream().anyMatch(e -> e.kind() == EarnedValue.Kind.PHASE && e.depth() == 1);
        if (!any) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%nPhases%n  %-34s %8s %14s %14s %14s %6s %6s %7s%n", "", "earned", "PV", "EV", "AC", "SPI", "CPI", "SPI(t)"));
        for (EarnedValue.Entry e : s.earnedValue().entries()) {
            if (e.kind() != EarnedValue.Kind.PHASE || e.depth() != 1) {
                continue;
            }
            Figures f = e.figures();
            out.append(String.format(Locale.ROOT, "  %-34s %8s %14s %14s %14s %6s %6s %7s%n", clip(e.name(), 34),
                    f.percentComplete() == null ? Amounts.NONE : Amounts.percent(f.percentComplete()), Amounts.money(f.pv(), cur),
                    Amounts.money(f.ev(), cur), Amounts.money(f.ac(), cur), index(f.spi()), index(f.cpi()), index(e.time().spi())));
        }
    }

    private static String index(Double v) {
        return v == null ? Amounts.NONE : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String variance(Double days) {
        if (days == null) {
            return Amounts.NONE;
        }
        if (Math.abs(days) < 0.05) {
            return "on time";
        }
        return Amounts.days(Math.abs(days)) + (days > 0 ? " later" : " earlier");
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
