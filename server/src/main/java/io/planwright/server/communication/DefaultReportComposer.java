package io.planwright.server.communication;

import io.planwright.core.format.Amounts;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.track.Figures;
import io.planwright.core.track.ProjectStatus;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The status report as a short e-mail: the plan's headline and why, the earned value figures against the
 * main baseline, the next milestones, and what the item is for and holds; the same HTML as a PDF (Flying
 * Saucer over OpenPDF). Inline styles only, as mail clients drop style sheets.
 */
@Component
public class DefaultReportComposer implements ReportComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final PlanService plans;
    private final FeedbackLinks feedback;

    public DefaultReportComposer(PlanService plans, FeedbackLinks feedback) {
        this.plans = plans;
        this.feedback = feedback;
    }

    @Override
    public Composed compose(long planId, PlanState state, CommunicationItem item, LocalDateTime asOf, Recipient r) {
        Plan plan = state.plan();
        PlanSchedule schedule = plans.schedule(state);
        ProjectStatus status = ProjectStatus.of(schedule, null, null, asOf.toLocalDate());
        String subject = plan.name() + ": " + item.name() + " – " + status.headline().words() + " (" + DAY.format(asOf) + ")";
        String body = body(plan, item, status, asOf);
        String pdfName = fileName(item.id() + "-" + asOf.toLocalDate()) + ".pdf";
        byte[] pdf = pdf(document(subject, body, null));
        String link = r.address() == null ? null : feedback.linkFor(planId, item.id(), r.address()).orElse(null);
        return new Composed(subject, document(subject, body, link), Optional.of(new Attachment(pdfName, "application/pdf", pdf)));
    }

    static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]+", "-");
    }

    private static String body(Plan plan, CommunicationItem item, ProjectStatus s, LocalDateTime asOf) {
        StringBuilder b = new StringBuilder();
        String colour = switch (s.headline()) {
            case ON_TRACK -> "#1b7f3b";
            case AT_RISK -> "#b26a00";
            case LATE -> "#b3261e";
        };
        b.append("<p style=\"margin:0 0 4px 0;color:#555;font-size:13px\">").append(esc(plan.name())).append(" · status as of ")
                .append(esc(DAY.format(s.statusDate()))).append("</p>");
        b.append("<h1 style=\"margin:0 0 12px 0;font-size:20px\">").append(esc(item.name())).append(": <span style=\"color:").append(colour)
                .append("\">").append(esc(s.headline().words())).append("</span></h1>");
        if (!s.reasons().isEmpty()) {
            b.append("<ul style=\"margin:0 0 12px 18px;padding:0\">");
            s.reasons().forEach(x -> b.append("<li>").append(esc(x)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<table style=\"border-collapse:collapse;margin:0 0 12px 0;font-size:14px\">");
        row(b, "Finish", s.finish() == null ? "–" : DAY.format(s.finish()));
        if (s.baselineFinish() != null) {
            row(b, "Baseline finish", DAY.format(s.baselineFinish()));
        }
        if (s.finishVarianceDays() != null) {
            row(b, "Finish variance", Amounts.days(s.finishVarianceDays()));
        }
        if (s.earnedValue() != null) {
            Figures f = s.earnedValue().plan().figures();
            String cur = plan.currency();
            row(b, "Planned value (PV)", Amounts.money(f.pv(), cur));
            row(b, "Earned value (EV)", Amounts.money(f.ev(), cur));
            row(b, "Actual cost (AC)", Amounts.money(f.ac(), cur));
            row(b, "SPI", f.spi() == null ? "–" : Amounts.number(f.spi()));
            row(b, "CPI", f.cpi() == null ? "–" : Amounts.number(f.cpi()));
        }
        b.append("</table>");
        if (!s.nextMilestones().isEmpty()) {
            b.append("<h2 style=\"font-size:16px;margin:12px 0 6px 0\">Next milestones</h2><ul style=\"margin:0 0 12px 18px;padding:0\">");
            for (ScheduledTask m : s.nextMilestones()) {
                b.append("<li>").append(esc(m.name())).append(": ").append(esc(DAY.format(m.finish()))).append(m.critical() ? " (critical)" : "").append("</li>");
            }
            b.append("</ul>");
        }
        b.append(aboutItem(item));
        return b.toString();
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

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#555\">").append(esc(label))
                .append("</th><td style=\"padding:2px 0\">").append(esc(value)).append("</td></tr>");
    }

    /** A whole XHTML document (Flying Saucer reads XML). */
    private static String document(String title, String body, String feedbackLink) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/><title>" + esc(title) + "</title></head>"
                + "<body style=\"font-family:Helvetica,Arial,sans-serif;color:#1d1d1f;max-width:640px\">" + body
                + (feedbackLink == null ? "" : "<p style=\"margin:16px 0 0 0\"><a href=\"" + esc(feedbackLink) + "\">Tell us what you think of this report</a></p>")
                + "<p style=\"margin:16px 0 0 0;font-size:12px;color:#888\">Sent by Planwright from the plan's communication plan.</p></body></html>";
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ITextRenderer renderer = new ITextRenderer();
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        renderer.createPDF(out);
        return out.toByteArray();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
