package io.planwright.formats.report;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.report.Audience;
import io.planwright.core.report.StatusReport;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.ForecastTrend;
import io.planwright.formats.plan.PlanFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plan's report as a page, an e-mail, a PDF and Markdown, with user text that looks like markup. */
class ReportRendererTest {

    static final String NAME = "ERP <b>roll-out</b> & co";
    static final String TASK = "Cut-over <script>alert(1)</script>";
    static StatusReport team;
    static StatusReport sponsor;
    static final ReportRenderer RENDERER = new ReportRenderer();

    @BeforeAll
    static void report() {
        Plan plan = PlanFiles.read(Path.of("../examples/erp-rollout.plan.yaml")).plan();
        Plan previous = plan.toBuilder().name(NAME).build();
        List<Task> tasks = new ArrayList<>(plan.tasks());
        tasks.add(Task.builder("extra").name(TASK).duration("3d").start(plan.statusDate()).build());
        Plan now = plan.toBuilder().name(NAME).tasks(tasks).build();
        PlanSchedule schedule = PlanScheduler.schedule(now);
        LocalDateTime sd = plan.statusDate();
        List<ForecastTrend.Point> trend = List.of(
                new ForecastTrend.Point(sd.minusWeeks(2), 1, sd.plusWeeks(30), sd.plusWeeks(31), sd.plusWeeks(33), sd.plusWeeks(29)),
                new ForecastTrend.Point(sd.minusWeeks(1), 2, sd.plusWeeks(31), sd.plusWeeks(32), sd.plusWeeks(34), sd.plusWeeks(29)),
                new ForecastTrend.Point(sd, 3, sd.plusWeeks(32), sd.plusWeeks(33), sd.plusWeeks(35), sd.plusWeeks(29)));
        List<StatusReport.Waiting> waiting = List.of(new StatusReport.Waiting("approval", "Budget <i>increase</i>", "Sponsor", sd.minusDays(3)));
        team = StatusReport.of(schedule, null, null, PlanScheduler.schedule(previous), Audience.TEAM.sections(), waiting, trend);
        sponsor = StatusReport.of(schedule, null, null, null, Audience.SPONSOR.sections(), Audience.SPONSOR.topRisks(), waiting, trend);
    }

    @Test
    void thePageHasItsStylesheetAndSvgChartsAndEscapesUserText() {
        String html = RENDERER.page(team, Audience.TEAM);
        assertThat(html).contains("<style>").contains("<svg").contains("Forecast finish by status date").doesNotContain("<script");
        assertThat(html).contains("ERP &lt;b&gt;roll-out&lt;/b&gt; &amp; co").contains("Cut-over &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Budget &lt;i&gt;increase&lt;/i&gt;");
        assertThat(html).contains("Changes since the last report").contains("Tasks for the team").contains("Risk heat map");
        // the charts say in words what they show
        assertThat(html).contains("aria-label=\"Forecast finish by status date. As of 2026-02-27");
    }

    @Test
    void theEmailHasEveryStyleInlineNoScriptAndChartsAsInlineImages() {
        ReportRenderer.Email mail = RENDERER.email(team, Audience.TEAM,
                new ReportRenderer.Links("https://plans.example.com/plans/1", "javascript:alert(1)"));
        String html = mail.html();
        assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain("class=").doesNotContain("javascript:");
        String body = html.substring(html.indexOf("<body"));
        Matcher tags = Pattern.compile("<(h1|h2|h3|p|table|td|th|li|ul|a|img|body)[\\s>]").matcher(body);
        int n = 0;
        while (tags.find()) {
            String tag = body.substring(tags.start(), body.indexOf('>', tags.start()));
            assertThat(tag).as("an element without inline style").contains("style=\"");
            n++;
        }
        assertThat(n).isGreaterThan(50);
        assertThat(html).contains("ERP &lt;b&gt;roll-out&lt;/b&gt; &amp; co").contains("https://plans.example.com/plans/1");
        assertThat(mail.subject()).isEqualTo(NAME + ": " + team.headline().words() + ", as of 2026-03-13");
        assertThat(mail.images()).extracting(ReportRenderer.InlineImage::contentId)
                .containsExactly("finish-trend@planwright", "s-curve@planwright", "risk-heat-map@planwright");
        mail.images().forEach(i -> {
            assertThat(html).contains("src=\"cid:" + i.contentId() + "\"");
            assertThat(i.bytes()).startsWith(0x89, 'P', 'N', 'G');
        });
        assertThat(mail.text()).contains("## Summary");
    }

    @Test
    void thePdfHasTheHeadlineFiguresAndUserTextAsWritten(@TempDir Path dir) throws Exception {
        byte[] pdf = RENDERER.pdf(team, Audience.TEAM);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text;
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            pages = doc.getNumberOfPages();
        }
        assertThat(text).contains(NAME).contains(TASK).contains("Budget <i>increase</i>");
        assertThat(text).contains("The project is " + team.headline().words()).contains("Planned value (PV)")
                .contains(new ReportText(team.currency()).money(team.progress().figures().ev()));
        assertThat(text).contains("Top risks").contains("Risk heat map (open risks)").contains("Tasks for the team");

        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        Assumptions.assumeTrue(new File("/usr/bin/pdftoppm").canExecute() || onPath("pdftoppm"),
                "pdftoppm (poppler-utils) is missing: the PDF's pictures are not checked; install poppler-utils");
        Process p = new ProcessBuilder("pdftoppm", "-r", "50", "-png", file.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<Path> images;
        try (var s = Files.list(dir)) {
            images = s.filter(x -> x.getFileName().toString().startsWith("page")).sorted().toList();
        }
        assertThat(images).hasSize(pages);
        // the charts come last: the last pages hold coloured lines and cells, not only black text on white
        long coloured = 0;
        for (Path img : images.subList(Math.max(0, images.size() - 2), images.size())) {
            coloured += colouredPixels(ImageIO.read(img.toFile()));
        }
        assertThat(coloured).as("coloured pixels of the charts").isGreaterThan(500);
    }

    @Test
    void markdownHasTheAudiencesSections() {
        String md = RENDERER.markdown(team, Audience.TEAM);
        assertThat(md).contains("# ERP \\<b\\>roll-out\\</b\\> & co", "## Summary", "## Progress and earned value", "## Milestones",
                "## Changes since the last report", "## Top risks", "## KPIs", "## Decisions and approvals waiting", "## Tasks for the team",
                "## Charts", "Cut-over \\<script\\>");
        String forSponsor = RENDERER.markdown(sponsor, Audience.SPONSOR);
        assertThat(forSponsor).contains("## Summary", "## Milestones", "## Top risks", "## Decisions and approvals waiting", "## Charts")
                .doesNotContain("## Tasks for the team").doesNotContain("## Progress and earned value").doesNotContain("## Changes");
        assertThat(sponsor.risks().top()).hasSize(3);
    }

    @Test
    void chartsAreTheSameDrawingAsSvgAndAsImage() {
        List<ReportCharts.Chart> charts = ReportCharts.of(team, new ReportText(team.currency()));
        assertThat(charts).extracting(ReportCharts.Chart::id).containsExactly("finish-trend", "s-curve", "risk-heat-map");
        for (ReportCharts.Chart c : charts) {
            assertThat(c.svg()).startsWith("<svg").contains("<title>").contains("role=\"img\"");
            BufferedImage img;
            try {
                img = ImageIO.read(new java.io.ByteArrayInputStream(c.png()));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertThat(img.getWidth()).isEqualTo(ReportCharts.WIDTH * ImageCanvas.SCALE);
            assertThat(colouredPixels(img)).as(c.id()).isGreaterThan(200);
        }
    }

    private static long colouredPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
