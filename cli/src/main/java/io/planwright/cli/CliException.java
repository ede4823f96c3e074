package io.planwright.cli;

/** A failure to report to the user in one line, with its exit code. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Main.USAGE, message);
    }

    static CliException problems(String message) {
        return new CliException(Main.PLAN_PROBLEMS, message);
    }

    int exitCode() {
        return exitCode;
    }
}
