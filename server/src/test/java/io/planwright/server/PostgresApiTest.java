package io.planwright.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/** The same API on a real PostgreSQL, started for the test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests", "planwright.max-request-size=2MB", "planwright.max-tasks=1000"})
class PostgresApiTest extends ApiContract {

    static final EmbeddedPostgres POSTGRES = Postgres.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "postgres");
    }
}
