package io.planwright.server.web;

import io.planwright.core.cost.Costs;

import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.server.accounts.Account;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web application's pages: the portfolio, and for each plan its dashboard, schedule (task grid and
 * Gantt chart), risks, stakeholders, RACI matrix, communication plan, objectives, resources and
 * calendars, history and members. Pages are rendered here from the plan and its schedule; changes go
 * through the REST API (from the pages' scripts, with the session and its CSRF token). Every page checks
 * the caller's role in the plan.
 */
@Controller
public class PlanPages {

    private static final Logger LOG = LoggerFactory.getLogger(PlanPages.class);

    private final PlanService plans;
    private final PlanStore store;
    private final PlanAccess access;
    private final tools.jackson.databind.ObjectMapper json;

    public PlanPages(PlanService plans, PlanStore store, PlanAccess access, tools.jackson.databind.ObjectMapper json) {
        this.plans = plans;
        this.store = store;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/login")
    public String login(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        Object last = session == null ? null : session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        model.addAttribute("loginError", last instanceof org.springframework.security.authentication.LockedException locked
                ? "Too many failed sign-ins: " + locked.getMessage() + "." : "Wrong user name or password.");
        return "login";
    }

    @GetMapping("/")
    public String portfolio(Model model, HttpServletRequest request) {
        Account me = access.account();
        common(model, request, null);
        List<Views.PortfolioRow> rows = new ArrayList<>();
        for (PlanStore.Summary s : store.plansOf(me.id(), me.admin())) {
            PlanState state = plans.current(s.id());
            rows.add(Views.portfolioRow(s.id(), s.role() == null ? "owner" : s.role(), s.revision(), s.updatedAt(), state.plan(),
                    scheduleOrNull(state), plans.problems(state)));
        }
        model.addAttribute("rows", rows);
        return "plans";
    }

    /** The page's frame: who is signed in, the CSRF token for scripts, the plan and the caller's role in it. */
    private PlanState common(Model model, HttpServletRequest request, Long planId) {
        Account me = access.account();
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
        Role role = access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        model.addAttribute("planId", planId);
        model.addAttribute("plan", state.plan());
        model.addAttribute("names", Names.of(state.plan()));
        model.addAttribute("revision", state.revision());
        model.addAttribute("role", role.text());
        model.addAttribute("canEdit", role.compareTo(Role.EDITOR) >= 0);
        model.addAttribute("minutesPerDay", state.plan().workTime().minutesPerDay());
        model.addAttribute("isOwner", role == Role.OWNER);
        model.addAttribute("problemCount", problems(state).stream().filter(Problem::isError).count());
        return state;
    }

    /**
     * The plan's problems, checked once per request: the page's frame (the problems badge) and its body
     * (the dashboard's list, the RACI matrix's flags) ask for the same revision's.
     */
    private List<Problem> problems(PlanState state) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        String key = PlanPages.class.getName() + ".problems." + state.planId() + "." + state.revision();
        Object cached = attributes == null ? null : attributes.getAttribute(key, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Problem> problems = (List<Problem>) list;
            return problems;
        }
        List<Problem> problems = plans.problems(state);
        if (attributes != null) {
            attributes.setAttribute(key, problems, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return problems;
    }

    private PlanSchedule scheduleOrNull(PlanState state) {
        try {
            return plans.schedule(state);
        } catch (RuntimeException e) {
            LOG.debug("plan {} cannot be scheduled", state.planId(), e);
            return null;
        }
    }

    @GetMapping("/plans/{planId}")
    public String dashboard(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "dashboard");
        Plan plan = state.plan();
        PlanSchedule schedule = scheduleOrNull(state);
        model.addAttribute("schedule", schedule);
        LocalDateTime from = plan.statusDate() != null ? plan.statusDate() : plan.start() != null ? plan.start()
                : schedule != null && schedule.start() != null ? schedule.start() : LocalDateTime.of(1900, 1, 1, 0, 0);
        model.addAttribute("from", from);
        model.addAttribute("kpis", Views.kpis(plan));
        model.addAttribute("topRisks", Views.topRisks(plan, 5));
        model.addAttribute("problems", problems(state).stream().limit(50).toList());
        if (schedule != null) {
            Map<String, Double> costs = Costs.taskCosts(plan, schedule);
            model.addAttribute("milestones", Views.nextMilestones(schedule, from, 6));
            model.addAttribute("critical", Views.criticalTasks(schedule, from, 8));
            model.addAttribute("floatDays", Views.finishFloatDays(plan, schedule));
            model.addAttribute("forecast", Costs.total(costs));
            model.addAttribute("budget", Costs.budget(plan));
            List<Costs.PhaseCost> phases = Costs.phaseCosts(plan, costs);
            model.addAttribute("phases", phases);
            model.addAttribute("costChart", Charts.phaseCosts(phases));
        } else {
            model.addAttribute("milestones", List.of());
            model.addAttribute("critical", List.of());
        }
        List<Views.KpiView> kpis = Views.kpis(plan);
        model.addAttribute("kpiChart", Charts.kpis(kpis));
        model.addAttribute("kpiMeasured", kpis.stream().filter(k -> k.progress() != null).count());
        model.addAttribute("kpiMoved", kpis.stream().filter(k -> k.progress() != null && k.progress() > 0).count());
        return "dashboard";
    }

    @GetMapping("/plans/{planId}/schedule")
    public String schedule(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "schedule");
        model.addAttribute("objectiveNames", json.writeValueAsString(Names.of(state.plan()).map("objective")));
        return "schedule";
    }

    @GetMapping("/plans/{planId}/risks")
    public String risks(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "risks");
        Map<String, Integer> scores = new HashMap<>();
        state.plan().risks().forEach(r -> scores.put(r.id(), Views.score(r)));
        model.addAttribute("scores", scores);
        model.addAttribute("heat", Views.heatMap(state.plan()));
        model.addAttribute("levels", io.planwright.core.model.Level.values());
        model.addAttribute("riskStatuses", io.planwright.core.model.RiskStatus.values());
        model.addAttribute("responses", io.planwright.core.model.RiskResponse.values());
        model.addAttribute("problemsByPath", problemsByPath(state, "risks/"));
        model.addAttribute("modelled", io.planwright.core.risk.RiskImpacts.of(state.plan()));
        return "risks";
    }

    @GetMapping("/plans/{planId}/risk-analysis")
    public String riskAnalysis(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "risk-analysis");
        long uncertain = state.plan().tasks().stream().filter(t -> t.estimate() != null).count();
        model.addAttribute("uncertainTasks", uncertain);
        model.addAttribute("openRisks", state.plan().risks().stream().filter(r -> r.status() != io.planwright.core.model.RiskStatus.CLOSED).count());
        return "risk-analysis";
    }

    @GetMapping("/plans/{planId}/stakeholders")
    public String stakeholders(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "stakeholders");
        model.addAttribute("quadrants", Views.powerInterest(state.plan()));
        model.addAttribute("levels", io.planwright.core.model.Level.values());
        model.addAttribute("engagements", io.planwright.core.model.Engagement.values());
        model.addAttribute("problemsByPath", problemsByPath(state, "stakeholders/"));
        return "stakeholders";
    }

    @GetMapping("/plans/{planId}/raci")
    public String raci(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "raci");
        List<String> parties = Views.parties(state.plan());
        model.addAttribute("parties", parties);
        model.addAttribute("partyNames", Views.partyNames(state.plan()));
        List<Views.RaciRow> rows = raciRows(state.plan(), parties, problems(state));
        model.addAttribute("rows", rows);
        model.addAttribute("withProblems", rows.stream().filter(r -> !r.problems().isEmpty()).count());
        model.addAttribute("withoutOwn", rows.stream().filter(r -> !r.own() && !r.summary()).count());
        model.addAttribute("inherited", rows.stream().filter(r -> !r.own() && !r.summary() && r.inheritedFrom() != null).count());
        return "raci";
    }

    /**
     * The matrix's rows, each with the plan's problems of its RACI: the page flags what the problems list
     * (and the dashboard) says, nothing else. A task without RACI of its own is no problem; the page says
     * which phase's RACI covers it.
     */
    private static List<Views.RaciRow> raciRows(Plan plan, List<String> parties, List<Problem> problems) {
        Map<String, Integer> depth = Views.depths(plan);
        Map<String, Task> byId = new HashMap<>();
        java.util.Set<String> parents = new java.util.HashSet<>();
        plan.tasks().forEach(t -> {
            byId.put(t.id(), t);
            if (t.parentId() != null) {
                parents.add(t.parentId());
            }
        });
        Map<String, List<String>> byTask = new HashMap<>();
        for (Problem p : problems) {
            if (p.path() != null && p.path().startsWith("tasks/") && p.path().contains("/raci")) {
                String id = p.path().substring("tasks/".length(), p.path().indexOf("/raci"));
                byTask.computeIfAbsent(id, k -> new ArrayList<>()).add(p.message());
            }
        }
        List<Views.RaciRow> rows = new ArrayList<>();
        for (Task t : plan.tasks()) {
            String from = null;
            if (t.raci().isEmpty()) {
                for (Task up = t.parentId() == null ? null : byId.get(t.parentId()); up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
                    if (!up.raci().isEmpty()) {
                        from = up.name();
                        break;
                    }
                }
            }
            rows.add(Views.raciRow(t, depth.get(t.id()), parents.contains(t.id()), parties, byTask.getOrDefault(t.id(), List.of()), from));
        }
        return rows;
    }

    @GetMapping("/plans/{planId}/communications")
    public String communications(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "communications");
        model.addAttribute("frequencies", io.planwright.core.model.Frequency.values());
        model.addAttribute("problemsByPath", problemsByPath(state, "communications/"));
        return "communications";
    }

    @GetMapping("/plans/{planId}/objectives")
    public String objectives(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "objectives");
        Map<String, List<String>> served = new HashMap<>();
        List<String> untraced = new ArrayList<>();
        Map<String, Boolean> parents = new HashMap<>();
        state.plan().tasks().forEach(t -> {
            if (t.parentId() != null) {
                parents.put(t.parentId(), true);
            }
        });
        for (Task t : state.plan().tasks()) {
            t.objectiveIds().forEach(o -> served.computeIfAbsent(o, k -> new ArrayList<>()).add(t.name()));
        }
        Map<String, Task> byId = new HashMap<>();
        state.plan().tasks().forEach(t -> byId.put(t.id(), t));
        for (Task t : state.plan().tasks()) {
            if (!parents.containsKey(t.id()) && !traced(byId, t)) {
                untraced.add(t.name());
            }
        }
        model.addAttribute("served", served);
        model.addAttribute("untraced", untraced);
        model.addAttribute("kpiProgress", kpiProgress(state.plan()));
        Map<String, String> objectiveJson = new HashMap<>();
        state.plan().objectives().forEach(o -> objectiveJson.put(o.id(), json.writeValueAsString(o)));
        model.addAttribute("objectiveJson", objectiveJson);
        return "objectives";
    }

    /** A task traces to an objective itself or through one of its phases. */
    private static boolean traced(Map<String, Task> byId, Task t) {
        for (Task x = t; x != null; x = x.parentId() == null ? null : byId.get(x.parentId())) {
            if (!x.objectiveIds().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> kpiProgress(Plan plan) {
        Map<String, Integer> out = new HashMap<>();
        plan.objectives().forEach(o -> o.kpis().forEach(k -> {
            Integer p = Views.progress(k);
            if (p != null) {
                out.put(o.id() + "/" + k.id(), p);
            }
        }));
        return out;
    }

    @GetMapping("/plans/{planId}/resources")
    public String resources(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "resources");
        model.addAttribute("taskNames", json.writeValueAsString(Names.of(state.plan()).map("task")));
        model.addAttribute("problemsByPath", problemsByPath(state, "resources/"));
        PlanSchedule schedule = scheduleOrNull(state);
        if (schedule != null) {
            Map<String, Double> costs = Costs.taskCosts(state.plan(), schedule);
            model.addAttribute("phases", Costs.phaseCosts(state.plan(), costs));
            model.addAttribute("forecast", Costs.total(costs));
            model.addAttribute("budget", Costs.budget(state.plan()));
            Map<String, String> names = new HashMap<>();
            state.plan().tasks().forEach(t -> names.put(t.id(), t.name()));
            List<Map.Entry<String, Double>> byCost = new ArrayList<>(costs.entrySet());
            byCost.removeIf(e -> e.getValue() <= 0);
            byCost.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            model.addAttribute("taskCosts", byCost);
            model.addAttribute("costTaskNames", names);
        }
        return "resources";
    }

    @GetMapping("/plans/{planId}/history")
    public String history(@PathVariable long planId, @RequestParam(required = false) Long at, Model model, HttpServletRequest request) {
        PlanState state = common(model, request, planId);
        model.addAttribute("page", "history");
        model.addAttribute("history", store.history(planId, 200, false));
        if (at != null) {
            PlanState then = store.at(planId, at).orElseThrow(() -> new PlanService.NotFound("revision " + at + " of plan " + planId));
            model.addAttribute("at", at);
            model.addAttribute("then", then.plan());
            PlanSchedule s = scheduleOrNull(then);
            model.addAttribute("thenSchedule", s == null ? List.of() : s.tasks());
            model.addAttribute("thenFinish", s == null ? null : s.finish());
            PlanSchedule now = scheduleOrNull(state);
            model.addAttribute("nowFinish", now == null ? null : now.finish());
        }
        return "history";
    }

    @GetMapping("/plans/{planId}/members")
    public String members(@PathVariable long planId, Model model, HttpServletRequest request) {
        common(model, request, planId);
        model.addAttribute("page", "members");
        model.addAttribute("members", store.members(planId));
        return "members";
    }

    /** The plan's problems under a path such as "risks/", by the entry they concern (its id). */
    private Map<String, List<String>> problemsByPath(PlanState state, String prefix) {
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

    // ------------------------------------------------------------------ errors on pages

    @ExceptionHandler(PlanService.NotFound.class)
    public String notFound(PlanService.NotFound e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("message", "There is no " + e.getMessage() + " here, or you may not see it.");
        return "error";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public String badRequest(IllegalArgumentException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", e.getMessage() == null ? "The request could not be understood." : e.getMessage());
        return "error";
    }

    @ExceptionHandler(AccessDeniedException.class)
    public String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "You may not do this: " + e.getMessage() + ".");
        return "error";
    }
}
