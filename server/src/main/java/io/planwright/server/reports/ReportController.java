package io.planwright.server.reports;

import io.planwright.core.report.StatusReport;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.Revisions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** A plan's status report to download: a web page (HTML), a PDF or Markdown, for an audience at a date. */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class ReportController {

    private final PlanService plans;
    private final PlanAccess access;
    private final ReportService reports;

    public ReportController(PlanService plans, PlanAccess access, ReportService reports) {
        this.plans = plans;
        this.access = access;
        this.reports = reports;
    }

    /**
     * The status report at {@code asOf} (default: the plan's status date, else today) against baseline
     * {@code baseline} (default: the main one), for {@code audience} (sponsor, steering or team, default) or
     * with the {@code sections} named (such as summary,risks), as {@code format} html, pdf or md; a download.
     */
    @GetMapping("/report")
    @io.planwright.server.plans.ForStakeholders
    public ResponseEntity<byte[]> report(@PathVariable long planId, @RequestParam(defaultValue = "html") String format,
                                         @RequestParam(required = false) String audience, @RequestParam(required = false) String asOf,
                                         @RequestParam(required = false) String baseline, @RequestParam(required = false) String sections) {
        access.require(planId, Role.STAKEHOLDER); // a stakeholder member reads the reports too
        ReportService.Request request = ReportService.Request.of(asOf, baseline, audience, sections);
        MediaType type = switch (format) {
            case "html" -> new MediaType("text", "html", StandardCharsets.UTF_8);
            case "pdf" -> MediaType.APPLICATION_PDF;
            case "md" -> new MediaType("text", "markdown", StandardCharsets.UTF_8);
            default -> throw new FieldProblem("format", "format: '" + format + "' is not a report format: use html, pdf or md");
        };
        PlanState state = plans.current(planId);
        StatusReport r = reports.report(planId, state, request);
        io.planwright.core.report.Audience named = request.sections() == null ? request.audience() : null;
        byte[] body = switch (format) {
            case "pdf" -> reports.renderer().pdf(r, named);
            case "md" -> reports.renderer().markdown(r, named).getBytes(StandardCharsets.UTF_8);
            default -> reports.renderer().page(r, named).getBytes(StandardCharsets.UTF_8);
        };
        String filename = (r.planName() + " status " + new io.planwright.formats.report.ReportText(r.currency()).date(r.asOf()).replace(':', '-')).replaceAll("[^\\p{L}\\p{N}._ -]+", "_") + "." + format;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).eTag(Revisions.etag(state.revision())).contentType(type).body(body);
    }
}
