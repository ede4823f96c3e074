package io.planwright.formats.report;

import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.StatusReport;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A status report as people read it, from one Thymeleaf template ({@code report/status-report.html}, run
 * without Spring) in three modes: a web page with its stylesheet and SVG charts, an HTML e-mail (every style
 * inline, no script, tables for layout, the charts as attached PNG images) and a PDF (the same page in print
 * mode, laid out by flying-saucer on OpenPDF, the charts as PNG images). The CLI's {@code report} and the
 * server's Reports page and e-mails all render through here. Every text from the plan is escaped.
 */
public final class ReportRenderer {

    private static final String TEMPLATE = "status-report";
    private static final String CSS = resource("report/status-report.css");
    private static final String PRINT_CSS = resource("report/status-report-print.css");

    private final TemplateEngine engine;

    public ReportRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix("report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /**
     * Where an e-mail's reader can go: the plan on the web and a feedback form for this recipient. Only
     * http and https addresses are kept (null: no link).
     */
    public record Links(String web, String feedback) {
        public Links {
            web = safe(web);
            feedback = safe(feedback);
        }

        public static final Links NONE = new Links(null, null);

        private static String safe(String url) {
            if (url == null) {
                return null;
            }
            String u = url.strip().toLowerCase(Locale.ROOT);
            return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : null;
        }
    }

    /** A picture an e-mail shows from an inline part: {@code <img src="cid:contentId">}. */
    public record InlineImage(String contentId, String mediaType, byte[] bytes) {
    }

    /** An HTML e-mail: its subject, the HTML body, the plain-text alternative (Markdown) and the charts to attach inline. */
    public record Email(String subject, String html, String text, List<InlineImage> images) {
    }

    /** A chart as the template places it: SVG markup (page) or an image address (e-mail, print). */
    public record ChartView(String id, String title, String alt, String markup) {
    }

    /** The report as a web page: the stylesheet in a style element, charts as inline SVG. */
    public String page(StatusReport report, Audience audience) {
        List<ChartView> charts = new ArrayList<>();
        for (ReportCharts.Chart c : charts(report)) {
            charts.add(new ChartView(c.id(), c.title(), c.alt(), c.svg()));
        }
        return render(report, audience, "page", CSS, charts, null);
    }

    /** The report as an HTML e-mail: every style inline (no style element, no script), charts as inline images. */
    public Email email(StatusReport report, Audience audience, Links links) {
        List<ChartView> charts = new ArrayList<>();
        List<InlineImage> images = new ArrayList<>();
        for (ReportCharts.Chart c : charts(report)) {
            String cid = c.id() + "@planwright";
            images.add(new InlineImage(cid, "image/png", c.png()));
            charts.add(new ChartView(c.id(), c.title(), c.alt(), "cid:" + cid));
        }
        String html = CssInliner.inline(render(report, audience, "email", null, charts, links == null ? Links.NONE : links), CSS);
        return new Email(subject(report), html, ReportMarkdown.write(report, audience), List.copyOf(images));
    }

    /** The report as a PDF (A4): the template in print mode, charts as PNG images, laid out by flying-saucer. */
    public byte[] pdf(StatusReport report, Audience audience) {
        List<ChartView> charts = new ArrayList<>();
        for (ReportCharts.Chart c : charts(report)) {
            charts.add(new ChartView(c.id(), c.title(), c.alt(), "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png())));
        }
        String xhtml = render(report, audience, "print", CSS + "\n" + PRINT_CSS, charts, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ITextRenderer renderer = new ITextRenderer();
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        renderer.createPDF(out);
        return out.toByteArray();
    }

    /** The report as Markdown text. */
    public String markdown(StatusReport report, Audience audience) {
        return ReportMarkdown.write(report, audience);
    }

    /** "ERP roll-out: late, as of 2026-03-13". */
    public static String subject(StatusReport r) {
        return r.planName() + ": " + r.headline().words() + ", as of " + new ReportText(r.currency()).date(r.asOf());
    }

    private static List<ReportCharts.Chart> charts(StatusReport r) {
        return r.shows(Section.CHARTS) ? ReportCharts.of(r, new ReportText(r.currency())) : List.of();
    }

    private String render(StatusReport report, Audience audience, String mode, String css, List<ChartView> charts, Links links) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("r", report);
        ctx.setVariable("f", new ReportText(report.currency()));
        ctx.setVariable("mode", mode);
        ctx.setVariable("css", css);
        ctx.setVariable("charts", charts);
        ctx.setVariable("links", links);
        ctx.setVariable("audience", audience == null ? null : audience.id());
        Map<String, Boolean> show = new HashMap<>();
        for (Section s : Section.values()) {
            show.put(s.id(), report.shows(s));
        }
        ctx.setVariable("show", show);
        return engine.process(TEMPLATE, ctx);
    }

    private static String resource(String name) {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
