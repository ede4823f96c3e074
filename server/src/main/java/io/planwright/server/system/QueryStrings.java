package io.planwright.server.system;

import io.planwright.server.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a malformed query string (a parameter without a name such as {@code ?=x}, a bad percent
 * escape such as {@code %ZZ}, escapes that are not UTF-8) with 400 before anything reads it: the
 * container would otherwise fail deep inside whoever asks for a parameter first, as a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryStrings extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Optional<String> problem = problem(request.getQueryString());
        if (problem.isPresent()) {
            Problems.write(response, 400, "Bad Request", "the query string is malformed: " + problem.get(), false);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw query string, if anything. */
    static Optional<String> problem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.isEmpty()) {
                return Optional.of("a parameter has no name ('" + shorten(pair) + "')");
            }
            for (String part : eq < 0 ? new String[] {name} : new String[] {name, pair.substring(eq + 1)}) {
                if (!decodes(part)) {
                    return Optional.of("'" + shorten(part) + "' is not valid percent-encoded UTF-8");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean decodes(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16)));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
