package io.planwright.server;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The API on the embedded default: an H2 file database in a data folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests", "planwright.max-request-size=2MB", "planwright.max-tasks=1000"})
class H2ApiTest extends ApiContract {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("planwright.data", () -> data.toString());
    }
}
