package io.planwright.server.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.planwright.server.shared.Problems;
import java.io.IOException;
import java.time.Duration;

/**
 * Who may do what. The API (`/api/**`) takes API tokens (`Authorization: Bearer pw_...`) or the session
 * of a signed-in page, and answers 401 or 403 as problem details; state-changing requests on a session
 * carry a CSRF token, token requests need none. Pages sign in with a form. Logins are throttled after
 * five failures, whoever tries; passwords are hashed with BCrypt. Whether a user may see or change a
 * given plan is decided per plan, by its roles (see PlanAccess).
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledLogins(dao, accounts));
    }

    /** Refuses a login while the name is locked after repeated failures; counts failures and successes. */
    static final class ThrottledLogins implements AuthenticationProvider {
        private final AuthenticationProvider delegate;
        private final Accounts accounts;

        ThrottledLogins(AuthenticationProvider delegate, Accounts accounts) {
            this.delegate = delegate;
            this.accounts = accounts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String name = authentication.getName();
            if (name == null || name.length() > 100) {
                throw new BadCredentialsException("bad credentials");
            }
            Duration wait = accounts.lockedFor(name);
            if (!wait.isZero()) {
                throw new LockedException("too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s");
            }
            try {
                Authentication done = delegate.authenticate(authentication);
                accounts.loginSucceeded(name);
                return done;
            } catch (AuthenticationException e) {
                accounts.loginFailed(name);
                throw e;
            }
        }

        @Override
        public boolean supports(Class<?> type) {
            return delegate.supports(type);
        }
    }

    /** Signs in the owner of a valid API token; refuses an invalid one at once. */
    static final class TokenFilter extends OncePerRequestFilter {
        private final Accounts accounts;

        TokenFilter(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Account account = accounts.byToken(header.substring(7).trim()).orElse(null);
                if (account == null) {
                    Problems.write(response, 401, "Unauthorized", "the API token is not valid (unknown or revoked)", true);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
            }
            chain.doFilter(request, response);
        }
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Requests that carry their credentials themselves need no CSRF token: a browser never adds them on
     * its own (the API never asks it for Basic credentials: its 401 has no WWW-Authenticate challenge).
     */
    static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && (header.regionMatches(true, 0, "Bearer ", 0, 7) || header.regionMatches(true, 0, "Basic ", 0, 6));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, AuthenticationManager authentication) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .addFilterBefore(new TokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized))
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::carriesCredentials))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SecurityConfig::unauthorized)
                        .accessDeniedHandler(SecurityConfig::denied))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail = e instanceof LockedException ? e.getMessage()
                : request.getHeader("Authorization") != null && request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6)
                ? "wrong user name or password"
                : "sign in, or send an API token as 'Authorization: Bearer pw_...' (create one with POST /api/v1/tokens)";
        Problems.write(response, 401, "Unauthorized", detail, true);
    }

    /**
     * 403, except for a caller who is not signed in at all (such as a request refused for its missing
     * CSRF token before anyone looked at who sent it): that is 401, sign in first.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            unauthorized(request, response, new InsufficientAuthenticationException("not signed in"));
            return;
        }
        Problems.write(response, 403, "Forbidden", e instanceof CsrfException
                ? "the request has no valid CSRF token: reload the page and try again" : "you may not do this", false);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the signed feedback and approval links: the token in the path is the credential
                        .requestMatchers("/f/*").permitAll()
                        // calendar apps subscribe without a session: the plan's secret token in the address is the key
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/plans/*/calendar.ics").permitAll()
                        .anyRequest().authenticated())
                // Deliberately no CSRF token on the links' forms: they have no session to ride on, and a forged
                // cross-site post would have to carry the signed, single-use token, which is the secret itself.
                .csrf(c -> c.ignoringRequestMatchers("/f/*"))
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.permitAll())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny());
    }
}
