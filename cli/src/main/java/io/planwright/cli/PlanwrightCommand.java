package io.planwright.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

@Command(name = "planwright", mixinStandardHelpOptions = true, versionProvider = PlanwrightCommand.Version.class,
        description = "Implementation planning: plans as files, a CPM scheduler, exchange with MS Project, and a web application.",
        subcommands = {InitCommand.class, ValidateCommand.class, ScheduleCommand.class, ResourcesCommand.class, LevelCommand.class, SimulateCommand.class, BaselineCommand.class, ProgressCommand.class, StatusCommand.class, ReportCommand.class, DiffCommand.class, ConvertCommand.class, ConformanceCommand.class, BenchCommand.class, ServeCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 problems in the plan or file, 2 usage errors, 3 internal error.",
                "Documentation: README.md and docs/ in the repository."})
final class PlanwrightCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", description = "Print stack traces of internal errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"Planwright " + version(), "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String version() throws IOException {
            Properties p = new Properties();
            try (InputStream in = PlanwrightCommand.class.getResourceAsStream("/planwright-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return p.getProperty("version", "unknown");
        }
    }
}
