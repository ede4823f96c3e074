package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.planwright.cli.CliTest.ERP;
import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code planwright report} on the demo plan: the three formats, the audiences, and bad options that write nothing. */
class ReportCliTest {

    @TempDir
    Path dir;

    @Test
    void aPdfAPageAndMarkdownOfTheDemoPlan() throws IOException {
        Path pdf = dir.resolve("out/report.pdf");
        CliTest.Run r = run("report", ERP.toString(), "--audience", "sponsor", "--format", "pdf", "-o", pdf.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        try (var files = Files.list(pdf.getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(pdf);
        }

        Path html = dir.resolve("report.html");
        assertThat(run("report", ERP.toString(), "--format", "html", "-o", html.toString(), "-q").exit()).isZero();
        assertThat(Files.readString(html)).contains("<svg", "NovaERP roll-out", "Tasks for the team", "against the baseline Approved plan");

        CliTest.Run md = run("report", ERP.toString(), "--format", "md", "--sections", "summary,risks", "--as-of", "2026-03-13", "-q");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("# NovaERP roll-out", "Status report as of 2026-03-13", "## Summary", "## Top risks")
                .doesNotContain("## Milestones");
    }

    @Test
    void sinceThePreviousReportsPlan() throws IOException {
        Path before = dir.resolve("before.plan.yaml");
        Files.writeString(before, Files.readString(ERP).replace("status-date: 2026-03-13", "status-date: 2026-03-06"));
        CliTest.Run md = run("report", ERP.toString(), "--since", before.toString(), "--sections", "changes", "--format", "md", "-q");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("## Changes since the last report", "Compared with the plan as of 2026-03-06");
    }

    @Test
    void badOptionsNameTheOptionAndWriteNothing() {
        Path out = dir.resolve("r.html");
        CliTest.Run audience = run("report", ERP.toString(), "--audience", "board", "-o", out.toString());
        assertThat(audience.exit()).isEqualTo(2);
        assertThat(audience.err()).contains("--audience: no audience 'board'; the audiences are sponsor, steering, team");
        CliTest.Run section = run("report", ERP.toString(), "--sections", "summary,budget", "-o", out.toString());
        assertThat(section.exit()).isEqualTo(2);
        assertThat(section.err()).contains("--sections: no section 'budget'; the sections are summary, progress, milestones");
        CliTest.Run baseline = run("report", ERP.toString(), "--baseline", "baseline7", "-o", out.toString(), "-q");
        assertThat(baseline.exit()).isEqualTo(2);
        assertThat(baseline.err()).contains("--baseline: no baseline 'baseline7'");
        CliTest.Run format = run("report", ERP.toString(), "--format", "docx", "-o", out.toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format");
        CliTest.Run pdf = run("report", ERP.toString(), "--format", "pdf");
        assertThat(pdf.exit()).isEqualTo(2);
        assertThat(pdf.err()).contains("--format pdf needs -o OUT");
        CliTest.Run date = run("report", ERP.toString(), "--as-of", "13.03.2026", "-o", out.toString());
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--as-of '13.03.2026' is not a date");
        assertThat(out).doesNotExist();
    }
}
