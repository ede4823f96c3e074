package io.planwright.server.plans;

import io.planwright.core.check.Problem;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.server.accounts.Account;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.web.Names;
import io.planwright.server.web.PageFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page of the web application has around its body: who is signed in, the CSRF token for the
 * page's scripts, and for a plan's pages the plan, the caller's role in it (checked: at least viewer)
 * and its problem count. The pages of every feature render in it; they read plans only through
 * {@link PlanService}.
 */
@Component
public class PageFrame {

    private static final Logger LOG = LoggerFactory.getLogger(PageFrame.class);

    private final PlanService plans;
    private final PlanAccess access;
    private final FeedbackRecords feedback;

    public PageFrame(PlanService plans, PlanAccess access, FeedbackRecords feedback) {
        this.plans = plans;
        this.access = access;
        this.feedback = feedback;
    }

    /** The signed-in user. */
    public Account account() {
        return access.account();
    }

    /** The page's frame: who is signed in, the CSRF token for scripts, the plan and the caller's role in it. */
    public PlanState common(Model model, HttpServletRequest request, Long planId) {
        return common(model, request, planId, Role.VIEWER);
    }

    /**
     * The frame of the pages a plan's stakeholder members see too (the dashboard, the status and the
     * sign-off page); every other page refuses them (403) through {@link #common(Model, HttpServletRequest, Long)}.
     */
    public PlanState commonForStakeholders(Model model, HttpServletRequest request, long planId) {
        return common(model, request, planId, Role.STAKEHOLDER);
    }

    private PlanState common(Model model, HttpServletRequest request, Long planId, Role needed) {
        Account me = access.account();
        model.addAttribute("unreadNotifications", feedback.unread(me.id()));
        model.addAttribute("me", me.getUsername());
        model.addAttribute("isAdmin", me.admin());
        model.addAttribute("fmt", PageFormat.INSTANCE);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            model.addAttribute("csrfHeader", csrf.getHeaderName());
            model.addAttribute("csrfToken", csrf.getToken());
        }
        if (planId == null) {
            return null;
        }
        Role role = access.require(planId, needed);
        PlanState state = plans.current(planId);
        model.addAttribute("planId", planId);
        model.addAttribute("scenarioOf", plans.scenario(planId).orElse(null));
        model.addAttribute("plan", state.plan());
        model.addAttribute("names", Names.of(state.plan()));
        model.addAttribute("revision", state.revision());
        model.addAttribute("role", role.text());
        model.addAttribute("canEdit", role.compareTo(Role.EDITOR) >= 0);
        model.addAttribute("minutesPerDay", state.plan().workTime().minutesPerDay());
        model.addAttribute("isOwner", role == Role.OWNER);
        model.addAttribute("isStakeholder", role == Role.STAKEHOLDER);
        // the team's pages: "My work" for a member linked to a resource, the updates waiting for those who decide them
        model.addAttribute("hasMyWork", role.compareTo(Role.CONTRIBUTOR) >= 0 && access.linkedResource(planId).isPresent());
        model.addAttribute("waitingUpdates", role.compareTo(Role.EDITOR) >= 0 ? plans.updates(planId, TeamUpdate.SUBMITTED, null).size() : 0);
        model.addAttribute("problemCount", problems(state).stream().filter(Problem::isError).count());
        return state;
    }

    /**
     * The plan's problems, checked once per request: the page's frame (the problems badge) and its body
     * (the dashboard's list, the RACI matrix's flags) ask for the same revision's.
     */
    public List<Problem> problems(PlanState state) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        String key = PageFrame.class.getName() + ".problems." + state.planId() + "." + state.revision();
        Object cached = attributes == null ? null : attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Problem> problems = (List<Problem>) list;
            return problems;
        }
        List<Problem> problems = plans.problems(state);
        if (attributes != null) {
            attributes.setAttribute(key, problems, RequestAttributes.SCOPE_REQUEST);
        }
        return problems;
    }

    /** The plan's problems under a path such as "risks/", by the entry they concern (its id). */
    public Map<String, List<String>> problemsByPath(PlanState state, String prefix) {
        Map<String, List<String>> out = new HashMap<>();
        for (Problem p : problems(state)) {
            if (p.path() != null && p.path().startsWith(prefix)) {
                String rest = p.path().substring(prefix.length());
                int slash = rest.indexOf('/');
                out.computeIfAbsent(slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>()).add(p.message());
            }
        }
        return out;
    }

    /** The plan's schedule, or null when it cannot be scheduled (the page says so). */
    public PlanSchedule scheduleOrNull(PlanState state) {
        try {
            return plans.schedule(state);
        } catch (RuntimeException e) {
            LOG.debug("plan {} cannot be scheduled", state.planId(), e);
            return null;
        }
    }
}
