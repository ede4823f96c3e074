package io.planwright.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process is killed (SIGKILL, no shutdown) while clients are writing, then started again on
 * the same database: every change the server acknowledged is there, and the plan, its revision and its
 * history agree with each other. On the embedded H2 file and on PostgreSQL.
 */
class CrashRecoveryTest {

    static final String PASSWORD = "a password for the crash test";
    static final ObjectMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void h2KeepsEveryAcknowledgedChange() throws Exception {
        survivesAKill(List.of("--planwright.data=" + dir.resolve("data")));
    }

    @Test
    void postgresKeepsEveryAcknowledgedChange() throws Exception {
        EmbeddedPostgres pg = Postgres.start();
        String database = "crash" + System.nanoTime();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + database);
        }
        survivesAKill(List.of("--planwright.data=" + dir.resolve("data"), "--spring.datasource.url=" + pg.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
    }

    void survivesAKill(List<String> settings) throws Exception {
        Launched launched = launch(settings, "first");
        Process server = launched.process();
        int port = launched.port();
        long planId;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        try {
            Reply created = call(port, "POST", "/api/v1/plans/import?filename=crash.plan.yaml", ApiContract.planOfTasks(20), "application/yaml", null);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            planId = JSON.readTree(created.body()).get("id").asLong();
            AtomicBoolean down = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; !down.get(); n++) {
                        String taskId = "w" + writer + "-" + n;
                        try {
                            while (true) {
                                String etag = call(port, "GET", "/api/v1/plans/" + planId, null, null, null).etag();
                                attempted.add(taskId);
                                Reply r = call(port, "POST", "/api/v1/plans/" + planId + "/tasks",
                                        "{\"id\":\"" + taskId + "\",\"name\":\"Written by " + writer + "\",\"duration\":\"1d\",\"links\":[{\"predecessorId\":\"t20\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                                        "application/json", etag);
                                if (r.status() == 201) {
                                    acknowledged.add(taskId);
                                    break;
                                }
                                assertThat(r.status()).as(r.body()).isEqualTo(409);
                            }
                        } catch (IOException e) {
                            down.set(true); // the server is gone
                        }
                    }
                    return null;
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 60 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            down.set(true);
            for (Future<?> f : running) {
                f.get(1, TimeUnit.MINUTES);
            }
            writers.shutdown();
        } finally {
            server.destroyForcibly();
        }
        assertThat(acknowledged.size()).as("changes acknowledged before the kill").isGreaterThanOrEqualTo(20);

        Launched second = launch(settings, "second");
        Process again = second.process();
        int restarted = second.port(); // another port: the first one may still be in TIME_WAIT, and no port is raced for
        try {
            JsonNode tasks = JSON.readTree(call(restarted, "GET", "/api/v1/plans/" + planId + "/tasks", null, null, null).body());
            Set<String> present = new HashSet<>();
            tasks.forEach(t -> present.add(t.get("id").asText()));
            assertThat(present).as("every acknowledged change survived").containsAll(acknowledged);
            for (String id : present) {
                assertThat(id.startsWith("t") || attempted.contains(id)).as(id).isTrue();
            }
            long revision = JSON.readTree(call(restarted, "GET", "/api/v1/plans/" + planId, null, null, null).body()).get("revision").asLong();
            assertThat(revision).as("one revision per change that was written").isEqualTo(1 + present.size() - 20);
            JsonNode history = JSON.readTree(call(restarted, "GET", "/api/v1/plans/" + planId + "/history?limit=1000", null, null, null).body());
            assertThat(history.size()).isEqualTo((int) revision);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).get("revision").asLong()).as("the history has no gap").isEqualTo(revision - i);
            }
            String now = call(restarted, "GET", "/api/v1/plans/" + planId + "/document?format=json", null, null, null).body();
            String atRevision = call(restarted, "GET", "/api/v1/plans/" + planId + "/revisions/" + revision + "?format=json", null, null, null).body();
            assertThat(atRevision).as("the history leads to the current plan").isEqualTo(now);
            JsonNode first = JSON.readTree(call(restarted, "GET", "/api/v1/plans/" + planId + "/revisions/1?format=json", null, null, null).body());
            assertThat(first.get("tasks").size()).as("and back to the first revision").isEqualTo(20);
            String etag = call(restarted, "GET", "/api/v1/plans/" + planId, null, null, null).etag();
            Reply more = call(restarted, "POST", "/api/v1/plans/" + planId + "/tasks", "{\"id\":\"after-restart\",\"name\":\"After\",\"duration\":\"1d\"}",
                    "application/json", etag);
            assertThat(more.status()).as(more.body()).isEqualTo(201);
            System.out.println("crash test: " + acknowledged.size() + " acknowledged, " + (present.size() - 20) + " present after the kill, revision " + revision);
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }

    record Launched(Process process, int port) {
    }

    /** Starts the server on a port of its own choosing (port 0: no free port to race for) and reads the port it got from its port file. */
    Launched launch(List<String> settings, String name) throws Exception {
        Path portFile = dir.resolve(name + ".port");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), PlanwrightServer.class.getName(), "--server.port=0",
                "--planwright.port-file=" + portFile, "--planwright.demo=false"));
        command.addAll(settings);
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        b.environment().put("PLANWRIGHT_ADMIN_PASSWORD", PASSWORD);
        Process p = b.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(dir.resolve(name + ".log")));
            }
            try {
                if (Files.exists(portFile)) {
                    int port = Integer.parseInt(Files.readString(portFile).trim());
                    if (call(port, "GET", "/actuator/health", null, null, null).status() == 200) {
                        return new Launched(p, port);
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start in 2 minutes: " + Files.readString(dir.resolve(name + ".log")));
    }

    record Reply(int status, String body, String etag) {
    }

    Reply call(int port, String method, String path, String body, String type, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
    }
}
