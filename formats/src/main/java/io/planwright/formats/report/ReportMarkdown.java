package io.planwright.formats.report;

import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.StatusReport;
import io.planwright.core.track.Figures;
import io.planwright.core.track.KpiTrend;
import io.planwright.core.track.Variance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A status report as Markdown: the same sections as the page, for a wiki, a chat message or the plain-text
 * part of an e-mail. Charts are described in words. User text is written with Markdown's special characters
 * escaped, so a task named {@code *urgent*} stays as written.
 */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String write(StatusReport r, Audience audience) {
        ReportText f = new ReportText(r.currency());
        StringBuilder out = new StringBuilder();
        out.append("# ").append(md(r.planName())).append("\n\n");
        out.append("Status report as of ").append(f.date(r.asOf()))
                .append(r.baselineName() == null ? ", without a baseline" : ", against the baseline " + md(r.baselineName()))
                .append(audience == null ? "" : ", for the " + audience.id()).append(".\n");
        if (r.shows(Section.SUMMARY)) {
            out.append("\n## Summary\n\n**The project is ").append(r.headline().words()).append(".**\n\n");
            r.reasons().forEach(x -> out.append("- ").append(md(x)).append('\n'));
            out.append("\nFinish ").append(f.date(r.progress().finish())).append(", baseline finish ").append(f.date(r.progress().baselineFinish()))
                    .append(" (").append(f.variance(r.progress().finishVarianceDays())).append("); ").append(r.progress().tasksDone()).append(" of ")
                    .append(r.progress().tasks()).append(" tasks done.\n");
        }
        if (r.shows(Section.PROGRESS)) {
            out.append("\n## Progress and earned value\n\n");
            Figures v = r.progress().figures();
            if (v == null) {
                out.append("There is no baseline to measure progress against.\n");
            } else {
                table(out, List.of("PV", "EV", "AC", "BAC", "SV", "CV", "SPI", "CPI", "EAC", "SPI(t)"),
                        List.of(List.of(f.money(v.pv()), f.money(v.ev()), f.money(v.ac()), f.money(v.bac()), f.money(v.sv()), f.money(v.cv()),
                                f.index(v.spi()), f.index(v.cpi()), f.money(v.eac()), f.index(r.progress().spiT()))));
            }
            if (!r.slipped().isEmpty()) {
                out.append("\n### Slipped tasks\n\n");
                table(out, List.of("Task", "Finish", "Baseline finish", "Against the baseline"), r.slipped().stream().limit(10)
                        .map((Variance.Line l) -> List.of(md(l.name()), f.date(l.finish()), f.date(l.baselineFinish()), f.variance(l.finishDays())))
                        .toList());
            }
        }
        if (r.shows(Section.MILESTONES)) {
            out.append("\n## Milestones\n\n### Done since ").append(f.date(r.milestones().since())).append("\n\n");
            if (r.milestones().done().isEmpty()) {
                out.append("No milestone was reached in this period.\n");
            }
            r.milestones().done().forEach(m -> out.append("- ").append(md(m.name())).append(", ").append(f.date(m.finish())).append('\n'));
            out.append("\n### Next\n\n");
            if (r.milestones().next().isEmpty()) {
                out.append("No milestone is ahead.\n");
            } else {
                table(out, List.of("Milestone", "Forecast", "Baseline", "Against the baseline"), r.milestones().next().stream()
                        .map(m -> List.of(md(m.name()), f.date(m.finish()), f.date(m.baselineFinish()), f.variance(m.varianceDays()))).toList());
            }
        }
        if (r.shows(Section.CHANGES)) {
            changes(r, f, out);
            changeControl(r, f, out);
        }
        if (r.shows(Section.RISKS)) {
            out.append("\n## Top risks\n\n");
            if (r.risks().top().isEmpty()) {
                out.append("No open risks.\n");
            } else {
                table(out, List.of("Risk", "Owner", "Probability", "Score", "Since the last report"), r.risks().top().stream()
                        .map(k -> List.of(md(k.title()), k.owner() == null ? "–" : md(k.owner()), f.probability(k.probability()),
                                f.score(k), k.change() == null ? "–" : k.change().words()
                                        + (k.previousScore() != null && k.previousScore() != k.score() ? " (was " + k.previousScore() + ")" : "")))
                        .toList());
            }
            if (!r.risks().closed().isEmpty()) {
                out.append("\nClosed since the last report: ").append(r.risks().closed().stream().map(k -> md(k.title())).collect(Collectors.joining(", ")))
                        .append(".\n");
            }
        }
        if (r.shows(Section.KPIS)) {
            out.append("\n## KPIs\n\n");
            if (r.kpis().isEmpty()) {
                out.append("The plan has no KPIs.\n");
            }
            for (KpiTrend.Trend k : r.kpis()) {
                out.append("- **").append(md(k.kpi().name())).append("**: ").append(md(k.explanation())).append('\n');
            }
        }
        if (r.shows(Section.DECISIONS)) {
            out.append("\n## Decisions and approvals waiting\n\n");
            if (r.waiting().isEmpty()) {
                out.append("Nothing is waiting for a decision.\n");
            }
            r.waiting().forEach(w -> out.append("- ").append(md(w.what())).append(" (").append(md(w.kind()))
                    .append(w.who() == null ? "" : ", " + md(w.who())).append(w.since() == null ? "" : ", since " + f.date(w.since())).append(")\n"));
        }
        if (r.shows(Section.TASKS)) {
            out.append("\n## Tasks for the team\n\n");
            if (r.tasks().isEmpty()) {
                out.append("No unfinished work is overdue or due this week or next.\n");
            } else {
                table(out, List.of("When", "Task", "Who", "Start", "Finish", "Done"), r.tasks().stream()
                        .map(t -> List.of(t.when().words(), md(t.name()) + (t.critical() ? " (critical)" : ""),
                                t.who().isEmpty() ? "–" : md(String.join(", ", t.who())), f.date(t.start()), f.date(t.finish()),
                                f.percent(t.percentComplete() / 100))).toList());
            }
        }
        if (r.shows(Section.CHARTS)) {
            out.append("\n## Charts\n\n");
            List<ReportCharts.Chart> charts = ReportCharts.of(r, f);
            if (charts.isEmpty()) {
                out.append("Nothing to draw yet.\n");
            }
            charts.forEach(c -> out.append("- **").append(c.title()).append("**: ").append(md(c.alt())).append('\n'));
        }
        return out.toString();
    }

    private static void changes(StatusReport r, ReportText f, StringBuilder out) {
        StatusReport.Changes c = r.changes();
        out.append("\n## Changes since the last report\n\n");
        if (c.first()) {
            out.append("This is the first report: there is no earlier one to compare with.\n");
            return;
        }
        if (c.previousStatusDate() != null) {
            out.append("Compared with the plan as of ").append(f.date(c.previousStatusDate())).append(".\n\n");
        }
        out.append(c.impact().finishMoved() ? "- The finish moved from " + f.date(c.impact().finishBefore()) + " to " + f.date(c.impact().finishAfter())
                + " (" + f.variance(c.finishMovedDays()) + ").\n" : "- The finish did not move: " + f.date(c.impact().finishAfter()) + ".\n");
        out.append("- Cost: ").append(f.money(c.impact().costBefore())).append(" then, ").append(f.money(c.impact().costAfter())).append(" now.\n");
        names(out, "Now on the critical path", c.criticalAdded());
        names(out, "No longer on the critical path", c.criticalRemoved());
        names(out, "Work added (" + f.hours(c.impact().workAddedHours()) + ")", c.tasksAdded());
        names(out, "Work removed (" + f.hours(c.impact().workRemovedHours()) + ")", c.tasksRemoved());
        if (c.tasksChanged() > 0) {
            out.append("- ").append(c.tasksChanged()).append(" tasks changed.\n");
        }
        if (!c.impact().slipped().isEmpty()) {
            out.append("\n### Slipped since the last report\n\n");
            table(out, List.of("Task", "Finish then", "Finish now", "Hours later"), c.impact().slipped().stream().limit(10)
                    .map(s -> List.of(md(s.name()), f.date(s.finishBefore()), f.date(s.finishAfter()), f.hours(s.hours()))).toList());
        }
    }

    private static void names(StringBuilder out, String what, List<StatusReport.Named> names) {
        if (!names.isEmpty()) {
            out.append("- ").append(what).append(": ").append(names.stream().map(n -> md(n.name())).collect(Collectors.joining(", "))).append(".\n");
        }
    }

    private static void table(StringBuilder out, List<String> head, List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
    }

    /** User text with Markdown's and HTML's special characters escaped, on one line. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : s.replaceAll("\\s+", " ").toCharArray()) {
            if ("\\`*_{}[]|<>".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** The scope guard and the change log, where the caller gave them. */
    private static void changeControl(StatusReport r, ReportText f, StringBuilder out) {
        StatusReport.ChangeControl cc = r.changeControl();
        if (cc == null) {
            return;
        }
        out.append("\n### Change control\n\n");
        if (cc.scope() != null && cc.scope().guarded()) {
            out.append(cc.scope().added().isEmpty() ? "No work was added since the baseline outside an approved change request.\n"
                    : cc.scope().added().size() + " tasks added since the baseline outside an approved change request (" + f.hours(cc.scope().workHours())
                    + "): " + cc.scope().added().stream().map(a -> md(a.name())).collect(Collectors.joining(", ")) + ".\n");
        }
        if (cc.log().isEmpty()) {
            out.append("No change requests.\n");
            return;
        }
        out.append('\n');
        table(out, List.of("Change request", "Decision", "Serves", "Finish", "Applied"), cc.log().stream()
                .map(e -> List.of("#" + e.id() + " " + md(e.title()), e.status(), e.objective() == null ? "none: scope creep" : md(e.objective()),
                        e.finishBefore() == null ? "" : f.date(e.finishBefore()) + " → " + f.date(e.finishAfter()),
                        e.appliedRevision() == null ? "" : "revision " + e.appliedRevision())).toList());
    }
}
