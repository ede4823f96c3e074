package io.planwright.server.plans;

import io.planwright.server.json.PlanZone;
import io.planwright.server.plans.PlanAccess.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * The first check of every request about a plan, before its body is even read: the caller must have
 * a role in the plan (else 404, as if it did not exist), at least editor to change anything (else 403),
 * except a contributor's own progress reports ({@link ForContributors}); a stakeholder member only
 * what is marked {@link ForStakeholders}, reads and decisions alike. The endpoints then check what
 * they need beyond that (owner for members and deletion). One place that cannot be forgotten when an
 * endpoint is added.
 */
@Configuration
public class PlanGate implements WebMvcConfigurer, HandlerInterceptor {

    private final PlanAccess access;
    private final PlanService plans;

    public PlanGate(PlanAccess access, @org.springframework.context.annotation.Lazy PlanService plans) {
        this.access = access;
        this.plans = plans;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/plans/*", "/api/v1/plans/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        PlanZone.clear();
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("planId") instanceof String text)) {
            return true; // not about one plan (list, create, import)
        }
        long planId;
        try {
            planId = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return true; // the endpoint answers 400 for it
        }
        String method = request.getMethod();
        boolean reads = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        boolean contributors = handler instanceof HandlerMethod h && h.hasMethodAnnotation(ForContributors.class);
        boolean stakeholders = handler instanceof HandlerMethod h && h.hasMethodAnnotation(ForStakeholders.class);
        access.require(planId, stakeholders ? Role.STAKEHOLDER : reads ? Role.VIEWER : contributors ? Role.CONTRIBUTOR : Role.EDITOR);
        if (!reads) {
            PlanZone.set(plans.current(planId).plan().timeZone()); // times with an offset in the body are read in it
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        PlanZone.clear();
    }
}
