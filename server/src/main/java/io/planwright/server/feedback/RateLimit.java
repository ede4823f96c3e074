package io.planwright.server.feedback;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public feedback and approval forms ({@code /f/...}) are rate-limited per client address: a small
 * token bucket ({@code planwright.feedback.rate.burst} requests at once, refilled at
 * {@code planwright.feedback.rate.per-minute}); past it, 429 with Retry-After. Guessing a link's
 * signature is hopeless anyway; this keeps anyone from hammering the forms.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimit extends OncePerRequestFilter {

    private final int burst;
    private final double perSecond;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimit(@Value("${planwright.feedback.rate.burst:20}") int burst, @Value("${planwright.feedback.rate.per-minute:10}") int perMinute) {
        this.burst = burst;
        this.perSecond = perMinute / 60.0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/f/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long wait = take(request.getRemoteAddr(), System.nanoTime());
        if (wait > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many requests: try again in " + wait + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Takes a token of the address's bucket: 0 when there was one, else the seconds until there is. */
    long take(String address, long nanos) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // a flood of addresses: start again rather than grow without end
        }
        double[] b = buckets.computeIfAbsent(address, k -> new double[] {burst, nanos});
        synchronized (b) {
            b[0] = Math.min(burst, b[0] + (nanos - b[1]) / 1e9 * perSecond);
            b[1] = nanos;
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond));
        }
    }

    /** Forgets every address (tests that exhausted a bucket). */
    public void reset() {
        buckets.clear();
    }
}
