package io.planwright.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.util.concurrent.CountDownLatch;

/** The Planwright server: plans in a database, a REST API, accounts and the audit trail. */
@SpringBootApplication
public class PlanwrightServer {

    public static void main(String[] args) {
        SpringApplication.run(PlanwrightServer.class, args);
    }

    /** Why the server did not start, in one line a user can act on. */
    public static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A started server: its port, and a way to wait until it is stopped (Ctrl+C or a shutdown). */
    public record Running(ConfigurableApplicationContext context, int port, CountDownLatch stopped) {
        public void awaitStop() throws InterruptedException {
            stopped.await();
        }
    }

    /** Starts the server with Spring Boot arguments such as {@code --server.port=8080}. */
    public static Running start(String... args) {
        CountDownLatch stopped = new CountDownLatch(1);
        SpringApplication app = new SpringApplication(PlanwrightServer.class);
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            throw new StartFailure(reason(e), e);
        }
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        return new Running(context, port, stopped);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException port) {
                return "port " + port.getPort() + " is already in use; choose another with --port";
            }
            root = t;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
