package io.planwright.server.shared;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details written straight to a response, for the filters that answer before any controller. */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, boolean bearerChallenge) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        if (bearerChallenge) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"planwright\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":" + quote(detail) + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
