package io.planwright.server.reports;

import io.planwright.core.report.Audience;
import io.planwright.core.report.Section;
import io.planwright.core.report.StatusReport;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The Reports page: choose the audience, the date and the sections, preview the report as its readers will see
 * it (the page rendering, in a sandboxed frame: no script runs in it), download it as HTML, PDF or Markdown,
 * and the history of the reports the communication plan sent.
 */
@Controller
@ErrorPages
public class ReportPages {

    /** How many sent reports the page lists. */
    static final int HISTORY = 50;

    private final PageFrame frame;
    private final ReportService reports;

    public ReportPages(PageFrame frame, ReportService reports) {
        this.frame = frame;
        this.reports = reports;
    }

    @GetMapping("/plans/{planId}/reports")
    public String reports(@PathVariable long planId, @RequestParam(required = false) String audience, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String baseline, @RequestParam(required = false) String sections, Model model,
                          HttpServletRequest request) {
        PlanState state = frame.commonForStakeholders(model, request, planId);
        model.addAttribute("page", "reports");
        model.addAttribute("audiences", List.of(Audience.values()));
        model.addAttribute("allSections", List.of(Section.values()));
        model.addAttribute("audience", audience == null || audience.isBlank() ? Audience.TEAM.id() : audience);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("baseline", baseline == null ? "" : baseline);
        model.addAttribute("sections", sections == null ? "" : sections);
        model.addAttribute("sent", reports.sent(planId, HISTORY));
        model.addAttribute("nothingSent", ReportsConfig.NOTHING_SENT);
        model.addAttribute("previewHtml", null);
        try {
            ReportService.Request r = ReportService.Request.of(asOf, baseline, audience, sections);
            model.addAttribute("query", query(audience, asOf, baseline, sections));
            if (frame.scheduleOrNull(state) != null) {
                StatusReport report = reports.report(planId, state, r);
                model.addAttribute("report", report);
                model.addAttribute("previewHtml", reports.renderer().page(report, r.sections() == null ? r.audience() : null));
            }
        } catch (FieldProblem e) {
            model.addAttribute("problemField", e.field());
            model.addAttribute("problem", e.getMessage());
        }
        return "reports/reports";
    }

    /** The download link's query: the form's values that are set. */
    private static String query(String... values) {
        String[] names = {"audience", "asOf", "baseline", "sections"};
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                q.append('&').append(names[i]).append('=').append(java.net.URLEncoder.encode(values[i].strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
