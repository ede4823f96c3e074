package io.planwright.server.communication;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Frequency;
import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.Sections;
import io.planwright.core.report.StatusReport;
import io.planwright.formats.report.ReportRenderer;
import io.planwright.server.plans.PlanState;
import io.planwright.server.reports.ReportService;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status report as a communication item sends it: the reports feature's report of the plan as of the
 * period (its sections the item's {@code sections} when they name report sections, else its audience's:
 * the team for daily and weekly items, the steering committee otherwise), the e-mail rendering of the one
 * template with the recipient's feedback link, and the PDF of the same report attached. Mail clients show no
 * SVG and the outbox keeps one attachment, so the e-mail names each chart and points to the PDF, where they are.
 */
@Component
public class FullReportComposer implements ReportComposer {

    private static final Pattern CHART = Pattern.compile("<img[^>]*?src=\"cid:[^\"]*\"[^>]*?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("alt=\"([^\"]*)\"");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

    private final ReportService reports;
    private final FeedbackLinks feedback;

    public FullReportComposer(ReportService reports, FeedbackLinks feedback) {
        this.reports = reports;
        this.feedback = feedback;
    }

    @Override
    public Composed compose(long planId, PlanState state, CommunicationItem item, LocalDateTime asOf, Recipient r) {
        Audience audience = item.frequency() == Frequency.DAILY || item.frequency() == Frequency.WEEKLY ? Audience.TEAM : Audience.STEERING;
        Set<Section> sections = null;
        if (!item.sections().isEmpty()) {
            try {
                sections = Sections.parse(String.join(",", item.sections()));
            } catch (Sections.UnknownSection e) {
                sections = null; // sections written for people ("Budget", "Decisions needed"): the audience's
            }
        }
        StatusReport report = reports.report(planId, state, new ReportService.Request(asOf, null, audience, sections));
        ReportRenderer renderer = reports.renderer();
        String link = r.address() == null ? null : feedback.linkFor(planId, item.id(), r.address()).orElse(null);
        ReportRenderer.Email mail = renderer.email(report, audience, new ReportRenderer.Links(null, link));
        String subject = state.plan().name() + ": " + item.name() + " – " + report.headline().words() + " ("
                + DAY.format(report.asOf().minusNanos(1)) + ")";
        String pdfName = fileName(item.id() + "-" + asOf.toLocalDate()) + ".pdf";
        byte[] pdf = renderer.pdf(report, audience);
        String html = withoutInlineCharts(mail.html());
        // the item's own words first: what it is and why the reader gets it
        String about = "<h1 style=\"font-size:18px;margin:0 0 6px 0\">" + esc(item.name()) + "</h1>"
                + aboutItem(item);
        html = html.replaceFirst("(<body[^>]*>)", "$1" + java.util.regex.Matcher.quoteReplacement(about));
        return new Composed(subject, html, Optional.of(new Attachment(pdfName, "application/pdf", pdf)));
    }

    /** A file name made of letters, digits, dots, dashes and underscores. */
    static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]+", "-");
    }

    /** What the item says about itself (its purpose, content and sections), e-mail HTML with inline styles; empty when nothing. */
    static String aboutItem(CommunicationItem item) {
        StringBuilder b = new StringBuilder();
        if (item.purpose() != null || item.content() != null || !item.sections().isEmpty()) {
            b.append("<h2 style=\"font-size:16px;margin:12px 0 6px 0\">About this report</h2>");
            if (item.purpose() != null) {
                b.append("<p style=\"margin:0 0 6px 0\">").append(esc(item.purpose())).append("</p>");
            }
            if (item.content() != null) {
                b.append("<p style=\"margin:0 0 6px 0;color:#555\">").append(esc(item.content())).append("</p>");
            }
            if (!item.sections().isEmpty()) {
                b.append("<p style=\"margin:0 0 6px 0;color:#555\">Sections: ").append(esc(String.join(", ", item.sections()))).append("</p>");
            }
        }
        return b.toString();
    }

    private static String esc(String s) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(s);
    }

    /** Each chart image (a cid: part the outbox does not keep) replaced by its name and a pointer to the PDF. */
    static String withoutInlineCharts(String html) {
        Matcher m = CHART.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher alt = ALT.matcher(m.group());
            String name = alt.find() ? alt.group(1) : "chart";
            m.appendReplacement(out, Matcher.quoteReplacement("<p style=\"margin:4px 0;color:#555;font-style:italic\">" + name
                    + " (in the attached PDF)</p>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
