package io.planwright.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Planwright server: plans in a database, a REST API, accounts and the audit trail. */
@SpringBootApplication
public class PlanwrightServer {

    public static void main(String[] args) {
        SpringApplication.run(PlanwrightServer.class, args);
    }
}
