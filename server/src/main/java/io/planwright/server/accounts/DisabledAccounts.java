package io.planwright.server.accounts;

import io.planwright.server.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Ends the session of a user an administrator has disabled since they signed in: sign-in and tokens
 * refuse a disabled account already, but a session would otherwise last until it times out. Runs after
 * Spring Security's filters, when the request's account is known.
 */
@Component
public class DisabledAccounts extends OncePerRequestFilter {

    private final Accounts accounts;

    public DisabledAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Optional<Account> me = Accounts.current();
        if (me.isPresent() && accounts.isDisabled(me.get().id())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (request.getRequestURI().startsWith("/api/")) {
                Problems.write(response, 401, "Unauthorized", "this account has been disabled by an administrator", true);
            } else {
                response.sendRedirect("/login?disabled");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
