package io.planwright.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers (two application contexts, each with its own caches) on one PostgreSQL serve the same
 * plans: what one changes, the other shows at once, and a change based on what one of them said is
 * judged against what the database holds.
 */
class TwoProcessesTest {

    static final String PASSWORD = "a password for two servers";

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    record Reply(int status, String body, String etag) {
    }

    Reply call(int port, String method, String path, String body) throws Exception {
        return call(port, method, path, body, null);
    }

    Reply call(int port, String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", path.contains("/import") ? "application/yaml" : "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void twoServersOnOneDatabaseServeTheSamePlans() throws Exception {
        EmbeddedPostgres pg = Postgres.start();
        String database = "two" + System.nanoTime();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String[] settings = {"--server.port=0", "--planwright.demo=false", "--planwright.data=" + dir, "--PLANWRIGHT_ADMIN_PASSWORD=" + PASSWORD,
                "--spring.datasource.url=" + pg.getJdbcUrl("postgres", database), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.jmx.enabled=false"};
        PlanwrightServer.Running a = PlanwrightServer.start(settings);
        PlanwrightServer.Running b = PlanwrightServer.start(settings);
        try {
            int pa = a.port();
            int pb = b.port();
            Reply created = call(pa, "POST", "/api/v1/plans/import?filename=shared.plan.yaml", ApiContract.planOfTasks(5));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = json.readTree(created.body()).get("id").asLong();
            String plan = "/api/v1/plans/" + id;

            // both have read (and cached) revision 1, schedule included
            assertThat(call(pa, "GET", plan + "/schedule", null).etag()).isEqualTo("\"1\"");
            JsonNode before = json.readTree(call(pb, "GET", plan + "/schedule", null).body());

            Reply changed = call(pa, "PATCH", plan + "/tasks/t3", "{\"duration\":\"4d\"}", "\"1\"");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.etag()).isEqualTo("\"2\"");

            // the other server shows the change at once: plan, entry, schedule and history
            assertThat(call(pb, "GET", plan, null).etag()).isEqualTo("\"2\"");
            assertThat(json.readTree(call(pb, "GET", plan + "/tasks/t3", null).body()).get("duration").asString()).isEqualTo("4d");
            JsonNode after = json.readTree(call(pb, "GET", plan + "/schedule", null).body());
            assertThat(after.get("finish").asString()).isNotEqualTo(before.get("finish").asString());
            assertThat(json.readTree(call(pb, "GET", plan + "/history", null).body()).get(0).get("action").asString()).contains("t3");
            JsonNode since = json.readTree(call(pb, "GET", plan + "/schedule?since=1", null).body());
            assertThat(since.get("finish").asString()).isEqualTo(after.get("finish").asString());

            // a change of t3 based on revision 1, sent to the server that had not seen revision 2: refused
            Reply stale = call(pb, "PATCH", plan + "/tasks/t3", "{\"duration\":\"9d\"}", "\"1\"");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(json.readTree(stale.body()).get("current").get("duration").asString()).isEqualTo("4d");

            // changes through both, alternating, keep one line of revisions
            String etag = "\"2\"";
            for (int i = 0; i < 6; i++) {
                int port = i % 2 == 0 ? pb : pa;
                Reply r = call(port, "PATCH", plan + "/tasks/t" + (1 + i % 5), "{\"notes\":\"through " + (port == pa ? "a" : "b") + " " + i + "\"}", etag);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                etag = r.etag();
            }
            assertThat(etag).isEqualTo("\"8\"");
            assertThat(call(pa, "GET", plan + "/document?format=json", null).body()).isEqualTo(call(pb, "GET", plan + "/document?format=json", null).body());
            assertThat(json.readTree(call(pa, "GET", plan + "/history?limit=100", null).body()).size()).isEqualTo(8);
        } finally {
            a.context().close();
            b.context().close();
        }
    }
}
