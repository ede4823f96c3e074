package io.planwright.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The one executable. Exit codes: 0 fine, 1 problems in a plan or file, 2 usage errors, 3 an
 * internal error (the stack trace only with --debug or PLANWRIGHT_DEBUG=1).
 */
public final class Main {

    public static final int PLAN_PROBLEMS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Apache POI and MPXJ log through Log4j's API; the CLI has no logging backend, and Log4j would
     * announce that on every run. Library log lines are no business of a CLI user: the CLI reports
     * what matters itself.
     */
    static void quietLibraryLogging() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    /** Runs a command line with the given output streams and returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PlanwrightCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || "1".equals(System.getenv("PLANWRIGHT_DEBUG"));
            PrintWriter e = commandLine.getErr();
            if (ex instanceof CliException ce) {
                e.println("planwright: " + ce.getMessage());
                return ce.exitCode();
            }
            e.println("planwright: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = c.getErr();
            e.println("planwright: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return USAGE;
        });
        return cl;
    }
}
