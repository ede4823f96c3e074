package io.planwright.server.system;

import io.planwright.server.accounts.Account;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The page a signed-in user lands on: their plans with their schedules and files to download, and the
 * way into the API. Plain HTML with every user text escaped; the web application's pages build on the
 * same API.
 */
@Controller
public class HomePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanAccess access;
    private final PlanStore store;

    public HomePage(PlanAccess access, PlanStore store) {
        this.access = access;
        this.store = store;
    }

    @GetMapping("/")
    public ResponseEntity<String> home(HttpServletRequest request) {
        Account me = access.account();
        List<PlanStore.Summary> plans = store.plansOf(me.id(), me.admin());
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Planwright</title>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2733}")
                .append("table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d5dbe1}")
                .append("header{display:flex;justify-content:space-between;align-items:center}a{color:#0b5cad}</style></head><body>")
                .append("<header><h1>Planwright</h1><form method=\"post\" action=\"/logout\"><span>Signed in as ")
                .append(htmlEscape(me.getUsername())).append("</span> ");
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            h.append("<input type=\"hidden\" name=\"").append(htmlEscape(csrf.getParameterName())).append("\" value=\"")
                    .append(htmlEscape(csrf.getToken())).append("\">");
        }
        h.append("<button type=\"submit\">Sign out</button></form></header>");
        h.append("<h2>Your plans</h2>");
        if (plans.isEmpty()) {
            h.append("<p>No plans yet. Import one (MS Project, Primavera, a plan file, a task list) with ")
                    .append("<code>POST /api/v1/plans/import?filename=NAME</code>, or create one with <code>POST /api/v1/plans</code>.</p>");
        } else {
            h.append("<table><thead><tr><th scope=\"col\">Plan</th><th scope=\"col\">Your role</th><th scope=\"col\">Revision</th>")
                    .append("<th scope=\"col\">Last change</th><th scope=\"col\">Schedule and files</th></tr></thead><tbody>");
            for (PlanStore.Summary p : plans) {
                String base = "/api/v1/plans/" + p.id();
                h.append("<tr><td>").append(htmlEscape(p.name())).append("</td><td>").append(htmlEscape(p.role() == null ? "" : p.role()))
                        .append("</td><td>").append(p.revision()).append("</td><td>")
                        .append(p.updatedAt() == null ? "" : WHEN.format(p.updatedAt())).append("</td><td>")
                        .append(link(base + "/schedule?format=csv", "schedule (CSV)")).append(" · ")
                        .append(link(base + "/export?format=xlsx", "Excel")).append(" · ")
                        .append(link(base + "/export?format=xml", "MS Project XML")).append(" · ")
                        .append(link(base + "/export?format=xer", "Primavera XER")).append(" · ")
                        .append(link(base + "/document?format=yaml", "plan file")).append(" · ")
                        .append(link(base + "/problems", "problems")).append(" · ")
                        .append(link(base + "/history", "history")).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h2>API</h2><p>Every part of a plan is read and changed through the REST API: ")
                .append(link("/swagger-ui.html", "its description (Swagger UI)"))
                .append(". Scripts and the CLI sign in with an API token: <code>POST /api/v1/tokens {\"name\":\"my script\"}</code>.</p>")
                .append("</body></html>");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(h.toString());
    }

    private static String link(String href, String text) {
        return "<a href=\"" + htmlEscape(href) + "\">" + htmlEscape(text) + "</a>";
    }
}
