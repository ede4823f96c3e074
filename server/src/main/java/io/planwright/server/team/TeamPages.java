package io.planwright.server.team;

import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.TeamUpdate;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Comparator;
import java.util.List;

/**
 * The team's pages: "My work" (a member's tasks due now, each with a form to report progress) and the
 * updates waiting for an owner's or editor's decision. The forms send their changes through the REST API
 * ({@link TeamController}), with the session's CSRF token.
 */
@Controller
@ErrorPages
public class TeamPages {

    private final PageFrame frame;
    private final TeamService team;

    public TeamPages(PageFrame frame, TeamService team) {
        this.frame = frame;
        this.team = team;
    }

    @GetMapping("/plans/{planId}/my-work")
    public String myWork(@PathVariable long planId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        model.addAttribute("page", "my-work");
        if (Role.of((String) model.getAttribute("role")).compareTo(Role.CONTRIBUTOR) < 0) {
            throw new AccessDeniedException("My work is for the plan's contributors, editors and owners; you are a viewer");
        }
        model.addAttribute("work", team.hasLinkedResource(planId) ? team.myWork(planId) : null);
        return "team/my-work";
    }

    @GetMapping("/plans/{planId}/updates")
    public String updates(@PathVariable long planId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        model.addAttribute("page", "updates");
        if (!Boolean.TRUE.equals(model.getAttribute("canEdit"))) {
            throw new AccessDeniedException("the team's updates are decided by the plan's owners and editors");
        }
        List<TeamUpdate> all = team.updates(planId, null);
        model.addAttribute("waiting", all.stream().filter(TeamUpdate::isSubmitted).toList());
        model.addAttribute("decided", all.stream().filter(u -> !u.isSubmitted())
                .sorted(Comparator.comparing(TeamUpdate::decidedAt, Comparator.nullsLast(Comparator.reverseOrder()))).limit(30).toList());
        return "team/updates";
    }
}
