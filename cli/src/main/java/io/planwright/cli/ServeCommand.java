package io.planwright.cli;

import io.planwright.server.PlanwrightServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Planwright server: the web application and the REST API (/api/v1, described at /v3/api-docs).",
                "Plans live in an embedded H2 database under the data directory; the first start creates the administrator",
                "'admin' (password from PLANWRIGHT_ADMIN_PASSWORD, or generated and printed once) and adds the ERP roll-out",
                "example as a demo plan. For PostgreSQL set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and",
                "SPRING_DATASOURCE_PASSWORD. Stops on Ctrl+C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "planwright-data", description = "Directory of the embedded database (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--no-demo", description = "Do not add the demo plan on the first start.")
    boolean noDemo;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port " + port + " is not a port number (0 to 65535)");
        }
        Path dir = data.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.usage("--data " + data + " is a file, not a directory");
        }
        checkPortIsFree(port);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CliException.usage("--data " + data + ": cannot create the directory (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage("--data " + data + ": the directory is not writable");
        }
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--planwright.data=" + dir);
        if (noDemo) {
            args.add("--planwright.demo=false");
        }
        PlanwrightServer.Running server;
        try {
            server = PlanwrightServer.start(args.toArray(String[]::new));
        } catch (PlanwrightServer.StartFailure e) {
            // another program took the port between the check and Spring's bind: still the user's choice of port
            throw portInUse(e) ? CliException.usage(e.getMessage()) : CliException.problems("the server did not start: " + e.getMessage());
        }
        spec.commandLine().getOut().println("Planwright is ready at http://localhost:" + server.port() + "/ (data in " + dir + ")");
        spec.commandLine().getOut().flush();
        server.awaitStop();
        return 0;
    }

    /**
     * Binds the port as Tomcat will (every address, address reuse on) and lets it go, so that a busy port
     * is one line and exit code 2 at once instead of after the whole start-up of the server.
     */
    static void checkPortIsFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (why.contains("in use")) {
                throw CliException.usage("port " + port + " is already in use; choose another with --port");
            }
            throw CliException.usage("cannot listen on port " + port + " (" + e.getMessage() + "); choose another with --port");
        } catch (IOException e) {
            throw CliException.usage("cannot listen on port " + port + " (" + e.getMessage() + "); choose another with --port");
        }
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.boot.web.server.PortInUseException) {
                return true;
            }
        }
        return false;
    }
}
