package io.planwright.server;

import io.planwright.bench.NetworkGenerator;
import io.planwright.bench.PlanGenerator;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's load test: starts its own server on localhost (H2 in a temporary folder, or an embedded
 * PostgreSQL), imports a generated plan, measures reading the schedule alone, then many clients that
 * each change one task and read the new schedule, and stops by itself. Run with
 * {@code bench/server-load.sh}; options: {@code --db h2|postgres|both --tasks N --clients N --seconds S
 * --warmup S --think-ms MS}.
 */
public final class ServerLoad {

    static final String PASSWORD = "a password for the load test";
    static final boolean DEBUG = System.getenv("LOAD_DEBUG") != null;

    int tasks = 10_000;
    int clients = 20;
    int seconds = 30;
    int warmup = 10;
    int thinkMs = 0;
    List<Integer> thinkTimes = List.of(1000);
    String db = "both";
    String reads = "both";
    String serverHeap = "1g";
    String serverOptions = "";
    int phase;
    final java.util.Map<String, Integer> currentDays = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Map<String, Integer> originalDays = new java.util.concurrent.ConcurrentHashMap<>();

    HttpClient http;
    int port;
    String token;

    public static void main(String[] args) throws Exception {
        ServerLoad load = new ServerLoad();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--db" -> load.db = v;
                case "--tasks" -> load.tasks = Integer.parseInt(v);
                case "--clients" -> load.clients = Integer.parseInt(v);
                case "--seconds" -> load.seconds = Integer.parseInt(v);
                case "--warmup" -> load.warmup = Integer.parseInt(v);
                case "--think-ms" -> load.thinkTimes = Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--read" -> load.reads = v;
                case "--server-heap" -> load.serverHeap = v;
                case "--server-jvm" -> load.serverOptions = v;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        // stops by itself whatever happens: a watchdog ends the process after a generous bound
        long bound = 240L + 2L * load.thinkTimes.size() * (load.seconds + load.warmup + 5);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(bound * 1000 * (load.db.equals("both") ? 2 : 1));
                System.err.println("the load test ran longer than its bound; stopping");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // done in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        int status = 0;
        try {
            System.out.printf(Locale.ROOT, "Planwright server load: %d tasks, %d clients, %d s measured after %d s warm-up, think times %s ms, %d cores, Java %s%n",
                    load.tasks, load.clients, load.seconds, load.warmup, load.thinkTimes, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            if (!load.db.equals("postgres")) {
                load.run("h2");
            }
            if (!load.db.equals("h2")) {
                load.run("postgres");
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run(String database) throws Exception {
        Path data = Files.createTempDirectory("planwright-load");
        Path portFile = data.resolve("server.port");
        // port 0: the server takes a free port itself (no free port to race for) and writes it to the port file
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--planwright.port-file=" + portFile, "--planwright.demo=false", "--planwright.data=" + data,
                "--logging.level.root=warn"));
        if (database.equals("postgres")) {
            EmbeddedPostgres pg = Postgres.start();
            String name = "load" + System.nanoTime();
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("create database " + name);
            }
            args.addAll(List.of("--spring.datasource.url=" + pg.getJdbcUrl("postgres", name), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres"));
        }
        // the server in its own JVM, as it runs in production: its heap and collector are not the clients'
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + serverHeap));
        if (!serverOptions.isBlank()) {
            command.addAll(Arrays.asList(serverOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlanwrightServer.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        pb.environment().put("PLANWRIGHT_ADMIN_PASSWORD", PASSWORD);
        Process server = pb.start();
        try {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            awaitStart(server, data.resolve("server.log"), portFile);
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> t = send(HttpRequest.newBuilder(uri("/api/v1/tokens")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\"}")), 201);
            token = JsonMapper.builder().build().readTree(t.body()).get("token").asString();

            Plan plan = PlanGenerator.plan(NetworkGenerator.generate(tasks, 42));
            Set<String> parents = new HashSet<>();
            plan.tasks().forEach(task -> {
                if (task.parentId() != null) {
                    parents.add(task.parentId());
                }
            });
            List<String> leaves = plan.tasks().stream().map(Task::id).filter(id -> !parents.contains(id)).toList();
            originalDays.clear();
            currentDays.clear();
            plan.tasks().forEach(task -> originalDays.put(task.id(),
                    task.duration() == null ? 1 : (int) Math.max(1, Math.round(task.duration().minutes(plan.workTime()) / 480.0))));
            String file = PlanFiles.write(plan, PlanFormat.JSON);
            long t0 = System.nanoTime();
            HttpResponse<String> imported = send(request("/api/v1/plans/import?filename=load.plan.json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(file)), 201);
            long planId = JsonMapper.builder().build().readTree(imported.body()).get("id").asLong();
            System.out.printf(Locale.ROOT, "%n[%s] imported %d tasks (%.1f MB plan file) in %.0f ms%n", database, plan.tasks().size(),
                    file.length() / 1e6, (System.nanoTime() - t0) / 1e6);

            // reading the schedule, one client: right after a change (computed) and again (as cached)
            SplittableRandom random = new SplittableRandom(7);
            String[] etag = {imported.headers().firstValue("ETag").orElseThrow()};
            int rounds = 60;
            long[] edits = new long[rounds];
            long[] computed = new long[rounds];
            long[] cached = new long[rounds];
            long[] changes = new long[rounds];
            long bytes = 0;
            long changeBytes = 0;
            for (int i = -20; i < rounds; i++) {
                long before = revision(etag[0]);
                long z = System.nanoTime();
                String leaf = leaves.get(random.nextInt(leaves.size()));
                etag[0] = edit(planId, leaf, newDays(leaf, random), etag[0]);
                long a = System.nanoTime();
                HttpResponse<String> s = send(request("/api/v1/plans/" + planId + "/schedule").GET(), 200);
                long b = System.nanoTime();
                send(request("/api/v1/plans/" + planId + "/schedule").GET(), 200);
                long c = System.nanoTime();
                HttpResponse<String> d = send(request("/api/v1/plans/" + planId + "/schedule?since=" + before).GET(), 200);
                long e = System.nanoTime();
                if (i >= 0) {
                    edits[i] = a - z;
                    computed[i] = b - a;
                    cached[i] = c - b;
                    changes[i] = e - c;
                    bytes = s.body().length();
                    changeBytes += d.body().length();
                }
            }
            System.out.printf(Locale.ROOT, "[%s] change one task (PATCH), one client:              %s%n", database, summary(edits));
            System.out.printf(Locale.ROOT, "[%s] schedule read (%d tasks, %.1f MB JSON), just after a change: %s%n", database, plan.tasks().size(),
                    bytes / 1e6, summary(computed));
            System.out.printf(Locale.ROOT, "[%s] schedule read, unchanged plan:                   %s%n", database, summary(cached));
            System.out.printf(Locale.ROOT, "[%s] what the change did (?since=, %.0f KB on average): %s%n", database, changeBytes / 1e3 / rounds,
                    summary(changes));
            etag[0] = verifyChanges(database, planId, leaves, etag[0], random);
            for (int think : thinkTimes) {
                thinkMs = think;
                for (String read : reads.equals("both") ? List.of("changes", "full") : List.of(reads)) {
                    etag[0] = many(database, planId, leaves, etag[0], read.equals("full"));
                }
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (!DEBUG) {
                deleteTree(data);
            }
        }
    }

    /** Many clients: each changes one task, then reads the new schedule (all of it, or what changed since its last read). */
    String many(String database, long planId, List<String> leaves, String etag, boolean full) throws Exception {
        {

            // many clients: change one task, then read the new schedule
            long start = System.nanoTime() + warmup * 1_000_000_000L;
            long end = start + seconds * 1_000_000_000L;
            List<long[]> perClient = new ArrayList<>();
            AtomicLong conflicts = new AtomicLong();
            AtomicLong bytesRead = new AtomicLong();
            AtomicLong wholeAnswers = new AtomicLong();
            java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
            AtomicLong failures = new AtomicLong();
            CountDownLatch finished = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                long[] latencies = new long[200_000];
                perClient.add(latencies);
                SplittableRandom r = new SplittableRandom(100 + c + 1000L * phase++); // each phase its own changes, never a repeat of the last
                boolean client0 = c == 0;
                Thread client = new Thread(() -> {
                    int n = 0;
                    String known = etag;
                    long seen = revision(etag);
                    try {
                        while (System.nanoTime() < end) {
                            long a = System.nanoTime();
                            String taskId = leaves.get(r.nextInt(leaves.size()));
                            int days = newDays(taskId, r);
                            while (true) {
                                HttpResponse<String> p = patch(planId, taskId, days, known);
                                if (p.statusCode() == 200) {
                                    known = p.headers().firstValue("ETag").orElse(known); // none when others changed the plan meanwhile
                                    break;
                                }
                                if (p.statusCode() != 409) {
                                    throw new IOException("PATCH answered " + p.statusCode() + ": " + p.body());
                                }
                                if (a >= start) {
                                    conflicts.incrementAndGet();
                                }
                                known = p.headers().firstValue("ETag").orElseThrow();
                            }
                            Counted s = counted(request("/api/v1/plans/" + planId + "/schedule" + (full ? "" : "?since=" + seen)).GET());
                            if (s.status() != 200 || full && s.bytes() < tasks * 50L || !full && !s.head().startsWith("{\"revision\":")) {
                                throw new IOException("the schedule is not what was asked for: " + s.status() + ", " + s.bytes() + " bytes: " + s.head());
                            }
                            if (DEBUG && client0) {
                                System.err.println("since " + seen + " now " + s.etag() + " bytes " + s.bytes() + " head " + s.head().substring(0, Math.min(80, s.head().length())));
                            }
                            seen = revision(s.etag());
                            known = s.etag(); // what this client has now seen
                            if (a >= start) {
                                bytesRead.addAndGet(s.bytes());
                                if (!full && s.head().contains("\"complete\":true")) {
                                    wholeAnswers.incrementAndGet();
                                }
                            }
                            long b = System.nanoTime();
                            if (a >= start && b <= end && n < latencies.length) {
                                latencies[n++] = b - a;
                            }
                            if (thinkMs > 0) {
                                Thread.sleep(thinkMs / 2 + r.nextInt(thinkMs + 1)); // about thinkMs, not in step with the others
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                        System.err.println("client failed: " + e);
                    } finally {
                        latencies[latencies.length - 1] = n;
                        finished.countDown();
                    }
                });
                client.setDaemon(true);
                client.start();
            }
            finished.await();
            int total = 0;
            for (long[] l : perClient) {
                total += (int) l[l.length - 1];
            }
            long[] all = new long[total];
            int k = 0;
            for (long[] l : perClient) {
                int n = (int) l[l.length - 1];
                System.arraycopy(l, 0, all, k, n);
                k += n;
            }
            System.out.printf(Locale.ROOT, "[%s] %d clients, think %d ms, change one task + read %s: %s; %.1f changes/s; %.0f KB read per change%s; %d conflicts (409, retried); %d failed clients%n",
                    database, clients, thinkMs, full ? "the whole new schedule" : "what changed", summary(all), total / (double) seconds,
                    total == 0 ? 0.0 : bytesRead.get() / 1e3 / total, full ? "" : " (" + wholeAnswers.get() + " whole schedules)", conflicts.get(),
                    failures.get());
            if (firstFailure.get() != null) {
                System.out.println("[" + database + "] the first failed client: " + firstFailure.get());
            }
            return send(request("/api/v1/plans/" + planId).GET(), 200).headers().firstValue("ETag").orElseThrow();
        }
    }

    /**
     * The whole schedule at one revision, with what changed since applied, is the whole schedule at a
     * later one, row for row: the "what changed" answers leave nothing out.
     */
    String verifyChanges(String database, long planId, List<String> leaves, String etag, SplittableRandom random) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        HttpResponse<String> first = send(request("/api/v1/plans/" + planId + "/schedule").GET(), 200);
        java.util.Map<String, tools.jackson.databind.JsonNode> rows = new java.util.LinkedHashMap<>();
        json.readTree(first.body()).get("tasks").forEach(r -> rows.put(r.get("id").asString(), r));
        long since = revision(first.headers().firstValue("ETag").orElseThrow());
        for (int i = 0; i < 30; i++) {
            String leaf = leaves.get(random.nextInt(leaves.size()));
            etag = edit(planId, leaf, newDays(leaf, random), etag);
            if (i % 10 == 9) {
                tools.jackson.databind.JsonNode changes = json.readTree(send(request("/api/v1/plans/" + planId + "/schedule?since=" + since).GET(), 200).body());
                changes.get("tasks").forEach(r -> rows.put(r.get("id").asString(), r));
                changes.get("removed").forEach(id -> rows.remove(id.asString()));
                since = changes.get("revision").asLong();
            }
        }
        tools.jackson.databind.JsonNode now = json.readTree(send(request("/api/v1/plans/" + planId + "/schedule").GET(), 200).body()).get("tasks");
        int same = 0;
        for (tools.jackson.databind.JsonNode r : now) {
            if (!r.equals(rows.get(r.get("id").asString()))) {
                throw new IOException("the changes missed task " + r.get("id").asString());
            }
            same++;
        }
        if (same != rows.size()) {
            throw new IOException("the changes kept " + (rows.size() - same) + " tasks that are gone");
        }
        System.out.printf(Locale.ROOT, "[%s] checked: the schedule read once and then only its changes equals the schedule read whole (%d rows)%n",
                database, same);
        return etag;
    }

    /**
     * A task's new duration: its original one, or a day or two more. Edits stay near the generated plan,
     * so that every phase of the test meets a plan of the same shape (random durations would change how
     * far an edit ripples as the test goes on).
     */
    int newDays(String taskId, SplittableRandom r) {
        int original = originalDays.getOrDefault(taskId, 1);
        int now = currentDays.getOrDefault(taskId, original);
        int next = original + (now - original + 1 + r.nextInt(2)) % 3; // never the duration it has
        currentDays.put(taskId, next);
        return next;
    }

    static long revision(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }

    void awaitStart(Process server, Path log, Path portFile) throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            if (!server.isAlive()) {
                throw new IOException("the server stopped: " + Files.readString(log));
            }
            try {
                if (!Files.exists(portFile)) {
                    Thread.sleep(200);
                    continue;
                }
                port = Integer.parseInt(Files.readString(portFile).trim());
                if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the server did not start within 2 minutes");
    }

    /** A response read as a client that uses it would, but without keeping it: its size and its first characters. */
    record Counted(int status, String etag, long bytes, String head) {
    }

    Counted counted(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] buffer = new byte[65536];
        long total = 0;
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = r.body()) {
            for (int n; (n = in.read(buffer)) > 0; total += n) {
                if (head.size() < 200) {
                    head.write(buffer, 0, Math.min(n, 200 - head.size()));
                }
            }
        }
        return new Counted(r.statusCode(), r.headers().firstValue("ETag").orElse("\"0\""), total, head.toString(StandardCharsets.UTF_8));
    }

    String edit(long planId, String taskId, int days, String etag) throws IOException, InterruptedException {
        HttpResponse<String> r = patch(planId, taskId, days, etag);
        if (r.statusCode() != 200) {
            throw new IOException("PATCH answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("ETag").orElseThrow();
    }

    HttpResponse<String> patch(long planId, String taskId, int days, String etag) throws IOException, InterruptedException {
        return http.send(request("/api/v1/plans/" + planId + "/tasks/" + taskId).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"duration\":\"" + days + "d\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path); // only ever the server this program started
    }

    HttpResponse<String> send(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r;
    }

    static String summary(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", at(s, 0.50), at(s, 0.95), at(s, 0.99),
                s[s.length - 1] / 1e6, s.length);
    }

    static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
