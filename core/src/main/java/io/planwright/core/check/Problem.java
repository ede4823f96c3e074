package io.planwright.core.check;

import java.util.Objects;

/**
 * Something wrong with a plan, in words a project manager understands. The path names the element
 * in model terms ({@code tasks/design/after/0}); a file reader maps it to file:line:column.
 *
 * @param code a stable identifier of the kind of problem, such as {@code unknown-task} or {@code cycle}
 */
public record Problem(Severity severity, String code, String path, String message) {

    public enum Severity {
        ERROR,
        WARNING;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
    }

    public static Problem error(String code, String path, String message) {
        return new Problem(Severity.ERROR, code, path, message);
    }

    public static Problem warning(String code, String path, String message) {
        return new Problem(Severity.WARNING, code, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
