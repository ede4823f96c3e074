package io.planwright.server;

import io.planwright.server.accounts.Account;
import io.planwright.server.accounts.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over real HTTP against a real database: the same contract on H2 and on PostgreSQL (the
 * subclasses choose the database).
 */
abstract class ApiContract {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newHttpClient();
    String adminToken;

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        String etag() {
            return headers.firstValue("ETag").orElse(null);
        }
    }

    @BeforeEach
    void signIn() {
        Account admin = accounts.find("admin").orElseThrow();
        adminToken = accounts.createToken(admin.id(), "test");
    }

    Reply call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.setHeader("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        described(method, path, r);
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    /** A request sent as it is, its answer held against the description too. */
    <T> HttpResponse<T> sent(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        HttpResponse<T> r = http.send(request, handler);
        URI uri = request.uri();
        described(request.method(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), r);
        return r;
    }

    /** The published description, read once per server. */
    private static final Map<Integer, OpenApiContract> DESCRIPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** What answers of this test were outside the description: checked after each test, so that each test reports all of its own. */
    final List<String> outsideTheDescription = java.util.Collections.synchronizedList(new ArrayList<>());

    OpenApiContract description() {
        return DESCRIPTIONS.computeIfAbsent(port, p -> {
            try {
                HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + p + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new OpenApiContract(docs.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The one hook of the shared client: every answer of the API is held against the published OpenAPI description. */
    <T> void described(String method, String path, HttpResponse<T> r) {
        if (!path.startsWith("/api/")) {
            return;
        }
        String body = r.body() instanceof String text ? text : r.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
        outsideTheDescription.addAll(description().violations(method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), body));
    }

    @org.junit.jupiter.api.AfterEach
    void everyAnswerWasInsideTheDescription() {
        assertThat(outsideTheDescription).as("answers outside the OpenAPI description").isEmpty();
    }

    /** A request as written, for what HttpClient refuses to send (such as a malformed query string); the whole answer. */
    String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    JsonNode tree(Reply r) {
        return json.readTree(r.body());
    }

    long demoPlan() throws Exception {
        Reply list = call("GET", "/api/v1/plans", adminToken, null);
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode p : tree(list)) {
            if (p.get("name").asString().startsWith("NovaERP")) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no demo plan in " + list.body());
    }

    String newUserToken(String role, long planId) throws Exception {
        return newUserToken(role, planId, null);
    }

    /** A new user with a role in the plan (none: null), linked to a resource of it or not, and their API token. */
    String newUserToken(String role, long planId, String resourceId) throws Exception {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Account user = accounts.create(name, "a long enough password", false).orElseThrow();
        if (role != null) {
            String body = "{\"role\":\"" + role + "\"" + (resourceId == null ? "" : ",\"resourceId\":\"" + resourceId + "\"") + "}";
            Reply r = call("PUT", "/api/v1/plans/" + planId + "/members/" + name, adminToken, body, "If-Match", etagOf(planId));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return accounts.createToken(user.id(), "t");
    }

    @Test
    void theDemoPlanIsThereWithItsScheduleAndCriticalPath() throws Exception {
        long id = demoPlan();
        Reply plan = call("GET", "/api/v1/plans/" + id, adminToken, null);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(tree(plan).get("counts").get("tasks").asInt()).isEqualTo(160);
        Reply schedule = call("GET", "/api/v1/plans/" + id + "/schedule", adminToken, null);
        assertThat(schedule.status()).isEqualTo(200);
        JsonNode s = tree(schedule);
        assertThat(s.get("finish").asString()).isEqualTo("2027-01-29T17:00");
        assertThat(s.get("tasks").size()).isEqualTo(160);
        assertThat(call("GET", "/api/v1/plans/" + id + "/schedule", adminToken, null, "If-None-Match", schedule.etag()).status()).isEqualTo(304);
        Reply csv = call("GET", "/api/v1/plans/" + id + "/schedule?format=csv", adminToken, null);
        assertThat(csv.body()).startsWith("id,wbs,name,type,duration_hours,start,finish,early_start");
        Reply path = call("GET", "/api/v1/plans/" + id + "/critical-path", adminToken, null);
        assertThat(tree(path).size()).isGreaterThan(0);
        Reply problems = call("GET", "/api/v1/plans/" + id + "/problems", adminToken, null);
        assertThat(problems.status()).isEqualTo(200);
    }

    @Test
    void aChangeNeedsTheRevisionItIsBasedOnAndAStaleOneIsRefusedWithTheCurrentState() throws Exception {
        long id = createPlan("Revisions");
        Reply plan = call("GET", "/api/v1/plans/" + id, adminToken, null);
        String etag = plan.etag();
        String task = "{\"id\":\"design\",\"name\":\"Design\",\"duration\":\"5d\"}";
        Reply missing = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, task);
        assertThat(missing.status()).as(missing.body()).isEqualTo(428);
        Reply created = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, task, "If-Match", etag);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.etag()).isNotEqualTo(etag);
        Reply stale = call("PUT", "/api/v1/plans/" + id + "/tasks/design", adminToken, "{\"id\":\"design\",\"name\":\"Design\",\"duration\":\"8d\"}",
                "If-Match", etag);
        assertThat(stale.status()).isEqualTo(409);
        JsonNode problem = tree(stale);
        assertThat(problem.get("currentRevision").asLong()).isEqualTo(Long.parseLong(created.etag().replace("\"", "")));
        assertThat(problem.get("current").get("duration").asString()).isEqualTo("5d");
        Reply fresh = call("PUT", "/api/v1/plans/" + id + "/tasks/design", adminToken, "{\"id\":\"design\",\"name\":\"Design\",\"duration\":\"8d\"}",
                "If-Match", created.etag());
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/tasks/design", adminToken, null)).get("duration").asString()).isEqualTo("8d");
    }

    @Test
    void anOlderRevisionStillChangesAnEntryNobodyElseChangedAndPatchesChangeSingleFields() throws Exception {
        long id = createPlan("Patches");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        Reply a = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"A\",\"duration\":\"2d\"}", "If-Match", etag);
        Reply b = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"b\",\"name\":\"B\",\"duration\":\"3d\",\"links\":[{\"predecessorId\":\"a\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                "If-Match", a.etag());
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        // Ann read the plan after creating a; Bob then changed b: Ann's change of a still applies
        Reply bob = call("PATCH", "/api/v1/plans/" + id + "/tasks/b", adminToken, "{\"duration\":\"4d\"}", "If-Match", b.etag(),
                "Content-Type", "application/merge-patch+json");
        assertThat(bob.status()).as(bob.body()).isEqualTo(200);
        assertThat(tree(bob).get("duration").asString()).isEqualTo("4d");
        assertThat(tree(bob).get("name").asString()).as("the other fields stay").isEqualTo("B");
        Reply ann = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"duration\":\"5d\",\"notes\":\"longer\"}", "If-Match", b.etag());
        assertThat(ann.status()).as(ann.body()).isEqualTo(200);
        JsonNode now = tree(call("GET", "/api/v1/plans/" + id + "/tasks", adminToken, null));
        assertThat(now.get(0).get("duration").asString()).isEqualTo("5d");
        assertThat(now.get(1).get("duration").asString()).as("Bob's change is kept").isEqualTo("4d");
        // but a change of b based on the revision before Bob's is refused with b as it is now
        Reply stale = call("PATCH", "/api/v1/plans/" + id + "/tasks/b", adminToken, "{\"duration\":\"1d\"}", "If-Match", b.etag());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(tree(stale).get("current").get("duration").asString()).isEqualTo("4d");
        // Ann has not seen Bob's change: her answer names the revision, but not as an ETag to build on
        assertThat(ann.etag()).as("no ETag for changes unseen").isNull();
        assertThat(Long.parseLong(ann.headers().firstValue("Planwright-Revision").orElseThrow()))
                .isEqualTo(Long.parseLong(bob.etag().replace("\"", "")) + 1);
        assertThat(bob.headers().firstValue("Planwright-Revision").orElseThrow()).isEqualTo(bob.etag().replace("\"", ""));
        String seen = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        assertThat(seen.replace("\"", "")).isEqualTo(ann.headers().firstValue("Planwright-Revision").orElseThrow());
        Reply removeNotes = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"notes\":null}", "If-Match", seen);
        assertThat(tree(removeNotes).has("notes")).as("null removes a field").isFalse();
        Reply badField = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"duration\":\"soon\"}", "If-Match", removeNotes.etag());
        assertThat(badField.status()).isEqualTo(400);
        assertThat(tree(badField).get("errors").get(0).get("field").asString()).isEqualTo("duration");
        Reply empty = call("POST", "/api/v1/plans/import?filename=empty.mpp", adminToken, "", "Content-Type", "application/octet-stream");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("the request has no body");
        Reply cut = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\n  \"duration\":", "If-Match", removeNotes.etag());
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.body()).contains("not valid JSON at line 2");
        Reply notAnObject = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "[1]", "If-Match", removeNotes.etag());
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body()).contains("a merge patch is a JSON object");
        Reply unknownField = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"after\":[\"b\"]}", "If-Match", removeNotes.etag());
        assertThat(unknownField.status()).as("a field the model does not have is refused, not ignored").isEqualTo(400);
        assertThat(unknownField.body()).contains("after");
        Reply newId = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"id\":\"z\"}", "If-Match", removeNotes.etag());
        assertThat(newId.status()).isEqualTo(400);
        Reply cycle = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"links\":[{\"predecessorId\":\"b\",\"type\":\"FS\",\"lag\":\"0d\"}]}", "If-Match", removeNotes.etag());
        assertThat(cycle.status()).as("checked against the plan as it is").isEqualTo(422);
    }

    @Test
    void theScheduleSinceARevisionHoldsWhatChanged() throws Exception {
        long id = createPlan("Changes");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        etag = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"A\",\"duration\":\"2d\"}", "If-Match", etag).etag();
        etag = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"b\",\"name\":\"B\",\"duration\":\"3d\",\"links\":[{\"predecessorId\":\"a\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                "If-Match", etag).etag();
        etag = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"c\",\"name\":\"C\",\"duration\":\"1d\"}", "If-Match", etag).etag();
        Reply before = call("GET", "/api/v1/plans/" + id + "/schedule", adminToken, null);
        long seen = Long.parseLong(before.etag().replace("\"", ""));
        etag = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"duration\":\"4d\"}", "If-Match", etag).etag();
        call("DELETE", "/api/v1/plans/" + id + "/tasks/c", adminToken, null, "If-Match", etag);
        JsonNode changes = tree(call("GET", "/api/v1/plans/" + id + "/schedule?since=" + seen, adminToken, null));
        assertThat(changes.get("complete").asBoolean()).isFalse();
        assertThat(changes.get("since").asLong()).isEqualTo(seen);
        assertThat(changes.get("revision").asLong()).isEqualTo(seen + 2);
        List<String> changed = new ArrayList<>();
        changes.get("tasks").forEach(t -> changed.add(t.get("id").asString()));
        assertThat(changed).as("a got longer and b moved").containsExactly("a", "b");
        assertThat(changes.get("removed").get(0).asString()).isEqualTo("c");
        JsonNode full = tree(call("GET", "/api/v1/plans/" + id + "/schedule", adminToken, null));
        assertThat(changes.get("finish").asString()).isEqualTo(full.get("finish").asString());
        JsonNode nothing = tree(call("GET", "/api/v1/plans/" + id + "/schedule?since=" + (seen + 2), adminToken, null));
        assertThat(nothing.get("tasks").size()).isZero();
        assertThat(nothing.get("complete").asBoolean()).as("the current revision is always known").isFalse();
        JsonNode unknown = tree(call("GET", "/api/v1/plans/" + id + "/schedule?since=1", adminToken, null));
        assertThat(unknown.get("complete").asBoolean()).as("a revision the server did not schedule: all of it").isTrue();
        assertThat(unknown.get("tasks").size()).isEqualTo(2);
        assertThat(call("GET", "/api/v1/plans/" + id + "/schedule?since=99", adminToken, null).status()).isEqualTo(400);
    }

    @Test
    void badInputIsAProblemDetailWithTheField() throws Exception {
        long id = createPlan("Bad input");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        Reply bad = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"x\",\"duration\":\"soon\"}", "If-Match", etag);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(tree(bad).get("errors").get(0).get("field").asString()).isEqualTo("duration");
        assertThat(bad.body()).contains("'soon' is not a duration").doesNotContain("Exception").doesNotContain("at io.");
        Reply dangling = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"build\",\"duration\":\"2d\",\"links\":[{\"predecessorId\":\"nowhere\",\"type\":\"FS\",\"lag\":\"0d\"}]}", "If-Match", etag);
        assertThat(dangling.status()).isEqualTo(422);
        assertThat(tree(dangling).get("errors").get(0).get("field").asString()).startsWith("tasks/build");
        Reply garbage = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{not json", "If-Match", etag);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/plans/999999", adminToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/plans/abc", adminToken, null).status()).isEqualTo(400);
    }

    @Test
    void idsThePlanFileCannotHoldAreRefusedInEveryCollectionBeforeAnythingIsWritten() throws Exception {
        long id = createPlan("Bad ids");
        String etag = etagOf(id);
        int historyBefore = tree(call("GET", "/api/v1/plans/" + id + "/history", adminToken, null)).size();
        for (String collection : List.of("tasks", "resources", "calendars", "objectives", "deliverables", "risks", "stakeholders", "communications",
                "baselines")) {
            for (String bad : List.of("<b>x</b>", "a/b", "../../x", "-lead", "with space", "", "x".repeat(101))) {
                String body = "{\"id\":" + json.writeValueAsString(bad) + "}";
                Reply r = call("POST", "/api/v1/plans/" + id + "/" + collection, adminToken, body, "If-Match", etag);
                assertThat(r.status()).as(collection + " " + bad + ": " + r.body()).isEqualTo(400);
                assertThat(tree(r).get("errors").get(0).get("field").asString()).isEqualTo("id");
                assertThat(r.headers().firstValue("Location")).isEmpty();
            }
        }
        assertThat(etagOf(id)).as("no revision was made").isEqualTo(etag);
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/history", adminToken, null)).size()).as("no history entry").isEqualTo(historyBefore);
        // the plan file's own rule: letters of any script, digits, '-', '_' and '.'
        Reply good = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"Übergabe-2.b_1\",\"duration\":\"1d\"}", "If-Match", etag);
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        // a whole plan written through another face is held to the same rule
        Reply document = call("PUT", "/api/v1/plans/" + id + "/document?format=json", adminToken,
                "{\"planwright\":1,\"plan\":{\"name\":\"Bad ids\",\"start\":\"2026-03-02\"},\"tasks\":{\"a/b\":{\"duration\":\"1d\"}}}",
                "If-Match", good.etag());
        assertThat(document.status()).as(document.body()).isIn(400, 422);
        assertThat(etagOf(id)).isEqualTo(good.etag());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void malformedQueryStringsAndMultipartBodiesAreBadRequestsNotServerErrors(org.springframework.boot.test.system.CapturedOutput log)
            throws Exception {
        long id = createPlan("Malformed");
        for (String query : List.of("?=x", "?a=%ZZ", "?limit=%", "?a=%E0%A4%A", "?&&=&=")) {
            for (String path : List.of("/api/v1/plans", "/api/v1/plans/" + id + "/history", "/api/v1/plans/" + id + "/schedule")) {
                String r = raw("GET " + path + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + adminToken
                        + "\r\nConnection: close\r\n\r\n");
                assertThat(r).as(path + query).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("malformed");
            }
        }
        String multipart = "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno closing boundary";
        for (String path : List.of("/api/v1/plans/import?filename=x.plan.yaml", "/api/v1/plans", "/api/v1/tokens")) {
            Reply r = call("POST", path, adminToken, multipart, "Content-Type", "multipart/form-data; boundary=xyz");
            assertThat(r.status()).as(path + ": " + r.body()).isIn(400, 415);
            assertThat(r.body()).as(path).contains("\"status\"");
        }
        assertThat(log.getOut() + log.getErr()).as("no stack trace in the log").doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void deletingAPlanAndChangingItsMembersNameTheRevisionAndMembersAreInTheHistory() throws Exception {
        long id = createPlan("Members and deletion");
        String etag = etagOf(id);
        String name = "member-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "a long enough password", false).orElseThrow();
        assertThat(call("PUT", "/api/v1/plans/" + id + "/members/" + name, adminToken, "{\"role\":\"editor\"}").status()).isEqualTo(428);
        Reply weak = call("PUT", "/api/v1/plans/" + id + "/members/" + name, adminToken, "{\"role\":\"editor\"}", "If-Match", "W/" + etag);
        assertThat(weak.status()).as("a weak ETag never matches").isEqualTo(412);
        Reply added = call("PUT", "/api/v1/plans/" + id + "/members/" + name, adminToken, "{\"role\":\"editor\"}", "If-Match", etag);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.etag()).isNotEqualTo(etag);
        Reply stale = call("PUT", "/api/v1/plans/" + id + "/members/" + name, adminToken, "{\"role\":\"viewer\"}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(tree(stale).get("current").get("role").asString()).isEqualTo("editor");
        Reply changed = call("PUT", "/api/v1/plans/" + id + "/members/" + name, adminToken, "{\"role\":\"viewer\"}", "If-Match", added.etag());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/members/" + name, adminToken, null).status()).isEqualTo(428);
        Reply removed = call("DELETE", "/api/v1/plans/" + id + "/members/" + name, adminToken, null, "If-Match", changed.etag());
        assertThat(removed.status()).isEqualTo(204);
        JsonNode history = tree(call("GET", "/api/v1/plans/" + id + "/history?items=true", adminToken, null));
        assertThat(history.get(0).get("action").asString()).isEqualTo("remove member " + name);
        assertThat(history.get(1).get("action").asString()).isEqualTo("change member " + name + " from editor to viewer");
        assertThat(history.get(1).get("changes").get(0).get("before").asString()).isEqualTo("{\"role\":\"editor\"}");
        assertThat(history.get(2).get("action").asString()).isEqualTo("add member " + name + " as editor");
        assertThat(call("GET", "/api/v1/plans/" + id + "/revisions/1", adminToken, null).status()).as("the plan still reads as it was").isEqualTo(200);
        Reply task = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"duration\":\"1d\"}", "If-Match", "W/" + removed.etag());
        assertThat(task.status()).as("nor anywhere else").isEqualTo(412);
        // deleting the plan: like every change, at the revision last seen
        assertThat(call("DELETE", "/api/v1/plans/" + id, adminToken, null).status()).isEqualTo(428);
        assertThat(call("DELETE", "/api/v1/plans/" + id, adminToken, null, "If-Match", etag).status()).isEqualTo(409);
        assertThat(call("GET", "/api/v1/plans/" + id, adminToken, null).status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/plans/" + id, adminToken, null, "If-Match", etagOf(id)).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/plans/" + id, adminToken, null).status()).isEqualTo(404);
    }

    @Test
    void textsHaveLimitsAndATooLongOneIsRefusedWithItsPathBeforeAnythingIsWritten() throws Exception {
        long id = createPlan("Text limits");
        String etag = etagOf(id);
        Reply longName = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"" + "n".repeat(201) + "\"}", "If-Match", etag);
        assertThat(longName.status()).as(longName.body()).isEqualTo(422);
        assertThat(tree(longName).get("errors").get(0).get("field").asString()).isEqualTo("tasks/a/name");
        assertThat(tree(longName).get("errors").get(0).get("message").asString()).contains("at most 200");
        Reply longNotes = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"notes\":\"" + "n".repeat(10_001) + "\"}", "If-Match", etag);
        assertThat(tree(longNotes).get("errors").get(0).get("field").asString()).isEqualTo("tasks/a/notes");
        Reply mitigation = call("POST", "/api/v1/plans/" + id + "/risks", adminToken,
                "{\"id\":\"R1\",\"title\":\"r\",\"probability\":0.1,\"mitigation\":\"" + "m".repeat(10_001) + "\"}", "If-Match", etag);
        assertThat(tree(mitigation).get("errors").get(0).get("field").asString()).isEqualTo("risks/R1/mitigation");
        Reply settings = call("PUT", "/api/v1/plans/" + id + "/settings", adminToken,
                "{\"name\":\"Text limits\",\"start\":\"2026-03-02T08:00\",\"charter\":{\"assumptions\":[\"ok\",\"" + "a".repeat(1001) + "\"]}}", "If-Match", etag);
        assertThat(settings.status()).as(settings.body()).isEqualTo(422);
        assertThat(tree(settings).get("errors").get(0).get("field").asString()).isEqualTo("plan/charter/assumptions/1");
        assertThat(etagOf(id)).as("nothing was written").isEqualTo(etag);
        Reply fits = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"a\",\"name\":\"" + "n".repeat(200) + "\",\"notes\":\"" + "n".repeat(10_000) + "\"}", "If-Match", etag);
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        Reply document = call("PUT", "/api/v1/plans/" + id + "/document?format=json", adminToken,
                "{\"planwright\":1,\"plan\":{\"name\":\"Text limits\",\"start\":\"2026-03-02\"},\"tasks\":{\"b\":{\"name\":\"" + "n".repeat(300)
                        + "\",\"duration\":\"1d\"}}}", "If-Match", fits.etag());
        assertThat(document.status()).as("every face: " + document.body()).isEqualTo(422);
        assertThat(etagOf(id)).isEqualTo(fits.etag());
    }

    @Test
    void dateTimesWithAnOffsetAreRefusedNotDroppedAndErrorsSpeakThePlansWords() throws Exception {
        long id = createPlan("Offsets");
        String etag = etagOf(id);
        for (String offset : List.of("2026-03-02T08:00:00Z", "2026-03-02T08:00+02:00")) {
            Reply r = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                    "{\"id\":\"a\",\"duration\":\"1d\",\"deadline\":\"" + offset + "\"}", "If-Match", etag);
            assertThat(r.status()).as(offset + ": " + r.body()).isEqualTo(400);
            assertThat(tree(r).get("errors").get(0).get("field").asString()).isEqualTo("deadline");
            assertThat(r.body()).contains("time-zone offset").doesNotContain("java.");
        }
        Reply settings = call("PUT", "/api/v1/plans/" + id + "/settings", adminToken, "{\"name\":\"Offsets\",\"start\":\"2026-03-02T08:00:00Z\"}",
                "If-Match", etag);
        assertThat(settings.status()).as("the plan has no time zone to convert to: " + settings.body()).isEqualTo(400);
        // a plan with a time zone: the time is converted to it, never dropped
        long berlin = tree(call("POST", "/api/v1/plans", adminToken, "{\"name\":\"Berlin\",\"start\":\"2026-03-02T08:00\",\"timeZone\":\"Europe/Berlin\"}"))
                .get("id").asLong();
        Reply converted = call("POST", "/api/v1/plans/" + berlin + "/tasks", adminToken,
                "{\"id\":\"a\",\"duration\":\"1d\",\"deadline\":\"2026-03-20T16:00:00Z\"}", "If-Match", etagOf(berlin));
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        assertThat(tree(call("GET", "/api/v1/plans/" + berlin + "/tasks/a", adminToken, null)).get("deadline").asString())
                .startsWith("2026-03-20T17:00");
        Reply summer = call("PATCH", "/api/v1/plans/" + berlin + "/tasks/a", adminToken, "{\"deadline\":\"2026-07-01T17:00+02:00\"}", "If-Match", etagOf(berlin));
        assertThat(tree(summer).get("deadline").asString()).as(summer.body()).startsWith("2026-07-01T17:00");
        Reply notADate = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"deadline\":\"soon\"}", "If-Match", etag);
        assertThat(notADate.body()).contains("'soon' is not a date or date-time (such as 2026-03-02 or 2026-03-02T08:00").doesNotContain("java.")
                .doesNotContain("yyyy");
        Reply cost = call("POST", "/api/v1/plans/" + id + "/risks", adminToken, "{\"id\":\"R\",\"title\":\"r\",\"costImpact\":\"a lot\"}", "If-Match", etag);
        assertThat(cost.status()).isEqualTo(400);
        assertThat(cost.body()).as("no Java class names").doesNotContain("io.planwright").doesNotContain("java.").doesNotContain("`");
        Reply unknown = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"progress\":50}", "If-Match", etag);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("'progress'").contains("did you mean 'percentComplete'?").doesNotContain("io.planwright");
        assertThat(etagOf(id)).isEqualTo(etag);
        Reply typo = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"duratoin\":\"1d\"}", "If-Match", etag);
        assertThat(typo.body()).contains("did you mean 'duration'?");
        Reply fine = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"duration\":\"1d\",\"deadline\":\"2026-03-20T17:00\"}",
                "If-Match", etag);
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
        // the plan file's own kebab-case names are read too
        Reply kebab = call("POST", "/api/v1/plans/" + id + "/resources", adminToken, "{\"id\":\"crane\",\"name\":\"Crane\",\"max-units\":2,\"cost-per-use\":300}",
                "If-Match", fine.etag());
        assertThat(kebab.status()).as(kebab.body()).isEqualTo(201);
        JsonNode crane = tree(call("GET", "/api/v1/plans/" + id + "/resources/crane", adminToken, null));
        assertThat(crane.get("maxUnits").asDouble()).isEqualTo(2.0);
        assertThat(crane.get("costPerUse").asInt()).isEqualTo(300);
    }

    @Test
    void thePlanFilesOwnNamesAndTheAfterShorthandAreReadWhereTheyAreUnambiguous() throws Exception {
        long id = createPlan("Plan file names");
        Reply design = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"design\",\"duration\":\"2d\"}", "If-Match", etagOf(id));
        Reply build = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"build\",\"duration\":\"3d\",\"after\":[\"design SS+1d\"],\"actual-start\":null}", "If-Match", design.etag());
        assertThat(build.status()).as(build.body()).isEqualTo(201);
        JsonNode link = tree(call("GET", "/api/v1/plans/" + id + "/tasks/build", adminToken, null)).get("links").get(0);
        assertThat(link.get("predecessorId").asString()).isEqualTo("design");
        assertThat(link.get("type").asString()).isEqualTo("SS");
        assertThat(link.get("lag").asString()).isEqualTo("1d");
        Reply test = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"test\",\"duration\":\"1d\",\"after\":[{\"task\":\"build\",\"lag\":\"2d\"}]}",
                "If-Match", build.etag());
        assertThat(test.status()).as(test.body()).isEqualTo(201);
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/tasks/test", adminToken, null)).get("links").get(0).get("lag").asString()).isEqualTo("2d");
        Reply both = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"x\",\"after\":[\"design\"],\"links\":[{\"predecessorId\":\"build\",\"type\":\"FS\",\"lag\":\"0d\"}]}", "If-Match", test.etag());
        assertThat(both.status()).as("after and links together are ambiguous").isEqualTo(400);
        assertThat(both.body()).contains("'after'").contains("did you mean 'links'?");
        Reply bad = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"x\",\"after\":[\"design XX\"]}", "If-Match", test.etag());
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theSessionCookieIsSameSite() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.contains("SameSite=Lax"), "SameSite=Lax");
    }

    @Test
    void historyListsEveryChangeAndThePlanCanBeReadAsItWas() throws Exception {
        long id = createPlan("History");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        for (int i = 1; i <= 3; i++) {
            Reply r = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"t" + i + "\",\"duration\":\"" + i + "d\"}", "If-Match", etag);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            etag = r.etag();
        }
        Reply delete = call("DELETE", "/api/v1/plans/" + id + "/tasks/t2", adminToken, null, "If-Match", etag);
        assertThat(delete.status()).isEqualTo(204);
        Reply history = call("GET", "/api/v1/plans/" + id + "/history?items=true", adminToken, null);
        JsonNode h = tree(history);
        assertThat(h.get(0).get("action").asString()).isEqualTo("delete task t2");
        assertThat(h.get(0).get("user").asString()).isEqualTo("admin");
        assertThat(h.get(0).get("changes").get(0).get("before").asString()).contains("\"duration\":\"2d\"");
        assertThat(h.get(0).get("changes").get(0).has("after")).as("a deletion has no after").isFalse();
        Reply atThree = call("GET", "/api/v1/plans/" + id + "/revisions/3?format=yaml", adminToken, null);
        assertThat(atThree.body()).contains("t1:").contains("t2:").doesNotContain("t3:");
        Reply now = call("GET", "/api/v1/plans/" + id + "/document", adminToken, null);
        assertThat(now.body()).contains("t1:").doesNotContain("t2:").contains("t3:");
    }

    @Test
    void importsAndExportsEveryFormat() throws Exception {
        byte[] mpp = Files.readAllBytes(Path.of("..", "testdata", "msproject-samples", "mpp14relations.mpp"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/import?filename=relations.mpp"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mpp)).build();
        HttpResponse<String> imported = sent(request, HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long id = json.readTree(imported.body()).get("id").asLong();
        for (String format : new String[] {"xml", "xer", "pmxml", "csv", "xlsx", "ics", "json", "plan.yaml"}) {
            HttpResponse<byte[]> out = sent(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/" + id + "/export?format=" + format))
                    .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(out.statusCode()).as(format).isEqualTo(200);
            assertThat(out.body().length).as(format).isGreaterThan(100);
        }
        HttpResponse<String> broken = sent(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/import?filename=broken.xer"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.ofString("ERMHDR\tnot really")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("broken.xer: error:").doesNotContain("/tmp");
    }

    @Test
    void anonymousCallersAndOutsidersAreKeptOut() throws Exception {
        long id = demoPlan();
        assertThat(call("GET", "/api/v1/plans/" + id, null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/plans/" + id, "pw_nonsense", null).status()).isEqualTo(401);
        String outsider = newUserToken(null, id);
        assertThat(call("GET", "/api/v1/plans/" + id, outsider, null).status()).isEqualTo(404);
        String viewer = newUserToken("viewer", id);
        assertThat(call("GET", "/api/v1/plans/" + id + "/schedule", viewer, null).status()).isEqualTo(200);
        String etag = call("GET", "/api/v1/plans/" + id, viewer, null).etag();
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/tasks/contract", viewer, null, "If-Match", etag).status()).isEqualTo(403);
        String editor = newUserToken("editor", id);
        assertThat(call("DELETE", "/api/v1/plans/" + id, editor, null).status()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/plans/" + id + "/members/admin", editor, "{\"role\":\"viewer\"}").status()).isEqualTo(403);
    }

    /** Every handler the application has, as method and path with its variables filled in. */
    List<String[]> endpoints(long planId) {
        List<String[]> all = new ArrayList<>();
        Map<String, String> values = Map.of("planId", Long.toString(planId), "revision", "1", "username", "admin", "itemId", "contract", "id", "1");
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues() : info.getPathPatternsCondition().getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
                StringBuilder path = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(path, values.getOrDefault(m.group(1), "1"));
                }
                m.appendTail(path);
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new String[] {method.name(), path.toString(), pattern});
                }
            }
        });
        return all;
    }

    @Test
    void everyEndpointRefusesAnonymousCallersAndOutsiders() throws Exception {
        long planId = demoPlan();
        String outsider = newUserToken(null, planId);
        String viewer = newUserToken("viewer", planId);
        // a contributor linked to a resource with work due: may report progress on it, and change nothing else
        String contributor = newUserToken("contributor", planId, "sabine");
        Set<String> contributorChanges = Set.of("POST /api/v1/plans/{planId}/updates");
        Set<String> publicPaths = Set.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/{group}", "/v3/api-docs.yaml/{group}", "/v3/api-docs/swagger-config",
                "/swagger-ui.html", "/error", "/actuator/health", "/actuator/health/**", "/actuator", "/login", "/logout", "/f/{token}",
                // calendar apps read the feed without a session: the plan's secret token is the key (CommunicationTest)
                "/plans/{planId}/calendar.ics");
        Set<String> ownThings = Set.of("/api/v1/me", "/api/v1/me/password", "/api/v1/me/inbox", "/api/v1/tokens", "/api/v1/tokens/{id}",
                "/api/v1/plans", "/api/v1/plans/import", "/api/v1/notifications", "/api/v1/notifications/read", "/api/v1/notifications/settings");
        // a stakeholder member sees the sign-off and decides what is asked of them; every other endpoint of the plan refuses them
        String stakeholder = newStakeholderToken(planId, "cfo");
        Set<String> forStakeholders = Set.of("GET /api/v1/plans/{planId}/approvals", "GET /api/v1/plans/{planId}/sign-off",
                "GET /api/v1/plans/{planId}/approvals/waiting", "POST /api/v1/plans/{planId}/approvals/{approvalId}/approve",
                "POST /api/v1/plans/{planId}/approvals/{approvalId}/reject", "GET /api/v1/plans/{planId}/report",
                "POST /api/v1/plans/{planId}/change-requests/{id}/decide");
        int refusedStakeholder = 0;
        List<String[]> endpoints = endpoints(planId);
        int api = 0;
        int planScoped = 0;
        int contributed = 0;
        for (String[] e : endpoints) {
            String method = e[0];
            String path = e[1];
            String pattern = e[2];
            String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
            String what = method + " " + pattern;
            if (!pattern.startsWith("/api/")) {
                if (publicPaths.contains(pattern)) {
                    continue;
                }
                Reply anonymous = call(method, path, null, body);
                assertThat(anonymous.status()).as(what + " anonymous: " + anonymous.body()).isIn(302, 401, 403);
                assertThat(anonymous.headers().firstValue("Location").orElse("/login")).as(what).endsWith("/login");
                continue;
            }
            api++;
            Reply anonymous = call(method, path, null, body);
            assertThat(anonymous.status()).as(what + " anonymous").isEqualTo(401);
            assertThat(anonymous.body()).as(what).contains("\"status\":401");
            if (ownThings.contains(pattern)) {
                continue; // what every signed-in user may do with their own account and plans
            }
            Reply outside = call(method, path, outsider, body, "If-Match", "\"1\"");
            assertThat(outside.status()).as(what + " outsider: " + outside.body()).isIn(403, 404);
            if (pattern.contains("{planId}")) {
                planScoped++;
                if (!forStakeholders.contains(what)) {
                    Reply asStakeholder = call(method, path, stakeholder, body, "If-Match", "\"1\"");
                    assertThat(asStakeholder.status()).as(what + " stakeholder: " + asStakeholder.body()).isEqualTo(403);
                    refusedStakeholder++;
                } else if (!method.equals("GET")) {
                    // a decision by the gate's leave is checked by the endpoint: not theirs (403) or no such request (404)
                    assertThat(call(method, path, viewer, body).status()).as(what + " viewer").isIn(403, 404);
                    assertThat(call(method, path, contributor, body).status()).as(what + " contributor").isIn(403, 404);
                    continue;
                }
                if (!method.equals("GET")) {
                    Reply viewing = call(method, path, viewer, body, "If-Match", "\"1\"");
                    assertThat(viewing.status()).as(what + " viewer: " + viewing.body()).isEqualTo(403);
                    Reply contributing = call(method, path, contributor, body, "If-Match", "\"1\"");
                    if (contributorChanges.contains(what)) {
                        assertThat(contributing.status()).as(what + " contributor (an update without its task): " + contributing.body()).isEqualTo(400);
                    } else {
                        assertThat(contributing.status()).as(what + " contributor: " + contributing.body()).isEqualTo(403);
                    }
                    contributed++;
                }
            }
        }
        assertThat(api).as("API endpoints found").isGreaterThan(60);
        assertThat(planScoped).as("plan endpoints found").isGreaterThan(50);
        assertThat(contributed).as("changes a contributor was refused or allowed").isGreaterThan(30);
        assertThat(refusedStakeholder).as("plan endpoints a stakeholder was refused").isGreaterThan(60);
        assertThat(call("GET", "/api/v1/plans/" + planId + "/sign-off", stakeholder, null).status()).isEqualTo(200);
        assertThat(endpoints).extracting(e -> e[0] + " " + e[2]).contains("POST /api/v1/plans/{planId}/updates", "GET /api/v1/plans/{planId}/my-work",
                "GET /api/v1/plans/{planId}/updates", "POST /api/v1/plans/{planId}/updates/{updateId}/accept", "POST /api/v1/plans/{planId}/updates/accept",
                "POST /api/v1/plans/{planId}/updates/{updateId}/reject", "POST /api/v1/plans/{planId}/updates/reject",
                "GET /api/v1/plans/{planId}/report");
        // what a contributor and a viewer may read of the team's work
        assertThat(call("GET", "/api/v1/plans/" + planId + "/my-work", contributor, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/plans/" + planId + "/my-work", viewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/plans/" + planId + "/updates", viewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/plans/" + planId + "/updates", contributor, null).status()).isEqualTo(200);
        // the communication plan: viewers see the outbox and previews; editors pause, resume and send; only owners see the secrets
        assertThat(call("GET", "/api/v1/plans/" + planId + "/outbox", viewer, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/plans/" + planId + "/communications/weekly-status/preview", viewer, null).status()).isEqualTo(200);
        assertThat(call("GET", "/plans/" + planId + "/calendar.ics?token=not-the-token", null, null).status()).isEqualTo(404);
        String editor = newUserToken("editor", planId);
        assertThat(call("POST", "/api/v1/plans/" + planId + "/communications/weekly-status/pause", editor, null).status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/plans/" + planId + "/communications/weekly-status/resume", editor, null).status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/plans/" + planId + "/communication-secrets", editor, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/plans/" + planId, adminToken, null).status()).as("the plan is still there").isEqualTo(200);
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        Reply docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = tree(docs).get("paths");
        assertThat(paths.has("/api/v1/plans/{planId}/tasks/{itemId}")).isTrue();
        assertThat(paths.has("/api/v1/plans/{planId}/schedule")).isTrue();
        assertThat(tree(docs).toString()).contains("bearer");
        JsonNode schemas = tree(docs).get("components").get("schemas");
        assertThat(schemas.get("Task").get("properties").get("duration").get("type").asText())
                .as("durations are written as text such as 5d").isEqualTo("string");
        assertThat(schemas.get("Charter").get("properties").has("empty")).as("no helper methods as properties").isFalse();
        assertThat(call("GET", "/api/v1/plans/" + demoPlan(), adminToken, null).body()).doesNotContain("\"empty\"");
        Reply ui = call("GET", "/swagger-ui/index.html", null, null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void answersOutsideTheDescriptionAreCaught() {
        OpenApiContract d = description();
        assertThat(d.violations("GET", "/api/v1/me", 200, "application/json", "{\"id\":1,\"username\":\"a\",\"admin\":false}")).isEmpty();
        assertThat(d.violations("GET", "/api/v1/me", 418, "application/json", "{}")).singleElement().asString().contains("418 is not documented");
        assertThat(d.violations("GET", "/api/v1/me", 200, "application/json", "{\"id\":\"one\",\"username\":\"a\",\"admin\":false}")).isNotEmpty();
        assertThat(d.violations("GET", "/api/v1/me", 200, "text/html", "<p>")).singleElement().asString().contains("text/html");
        assertThat(d.violations("GET", "/api/v1/plans/1/tasks/a", 200, "application/json", "{\"name\":\"no id\"}")).as("id is required").isNotEmpty();
        assertThat(d.violations("GET", "/api/v1/plans/1/tasks/a", 200, "application/json", "{\"id\":\"a\",\"deadline\":\"2026-03-02T08:00:00Z\"}"))
                .as("dates are local").isNotEmpty();
        assertThat(d.violations("GET", "/api/v1/plans/1/schedule", 200, "application/json", "\"a text\"")).as("the schedule is an object").isNotEmpty();
        assertThat(d.violations("GET", "/api/v1/plans/1/document", 200, "application/json", "{\"planwright\":1,\"plan\":{}}")).isEmpty();
        assertThat(d.violations("DELETE", "/api/v1/plans/1", 200, null, "")).as("a deletion answers 204").isNotEmpty();
        assertThat(d.violations("GET", "/api/v1/nowhere", 404, "application/json", "{}")).isNotEmpty();
    }

    /**
     * The client of GeneratedClientTest is generated at build time from a copy of the description in the
     * test resources: it must be the one the server publishes. When the API changes, this test writes the
     * new description to target/openapi/planwright-api.json: copy it over the old one.
     */
    @Test
    void theGeneratedClientIsBuiltFromThePublishedDescription() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode published = (com.fasterxml.jackson.databind.node.ObjectNode) description().document().deepCopy();
        published.remove("servers"); // the test server's address
        Path copy = Path.of("src/test/resources/openapi/planwright-api.json");
        com.fasterxml.jackson.databind.JsonNode kept = Files.exists(copy) ? mapper.readTree(copy.toFile()) : null;
        if (!published.equals(kept)) {
            Path fresh = Path.of("target/openapi/planwright-api.json");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(published) + "\n");
            throw new AssertionError("the API's description changed: copy " + fresh.toAbsolutePath() + " to server/" + copy
                    + " so that the generated client follows it");
        }
    }

    /** A plan file of {@code n} tasks in a chain. */
    static String planOfTasks(int n) {
        StringBuilder b = new StringBuilder("plan:\n  name: Large\n  start: 2026-03-02\ntasks:\n");
        for (int i = 1; i <= n; i++) {
            b.append("  t").append(i).append(":\n    name: Task ").append(i).append("\n    duration: 1d\n");
            if (i > 1) {
                b.append("    after: [t").append(i - 1).append("]\n");
            }
        }
        return b.toString();
    }

    @Test
    void tooLargeRequestsAndPlansAreRefusedWithoutHarm() throws Exception {
        // the test servers take 2 MB bodies and 1,000 tasks
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        URI importUri = URI.create("http://localhost:" + port + "/api/v1/plans/import?filename=big.plan.yaml");
        HttpResponse<String> declared = sent(HttpRequest.newBuilder(importUri).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"status\":413").contains("larger than 2 MB");
        HttpResponse<String> streamed = sent(HttpRequest.newBuilder(importUri).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as("a body sent without its length").isEqualTo(413);
        assertThat(streamed.body()).contains("larger than 2 MB");

        int plansBefore = tree(call("GET", "/api/v1/plans", adminToken, null)).size();
        HttpResponse<String> tooMany = sent(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/import?filename=large.plan.yaml"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.ofString(planOfTasks(1001))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("1001 tasks; a plan may have at most 1000");
        assertThat(tree(call("GET", "/api/v1/plans", adminToken, null)).size()).as("nothing was created").isEqualTo(plansBefore);

        HttpResponse<String> fits = sent(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/import?filename=large.plan.yaml"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.ofString(planOfTasks(1000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fits.statusCode()).isEqualTo(201);
        long id = json.readTree(fits.body()).get("id").asLong();
        String etag = fits.headers().firstValue("ETag").orElseThrow();
        Reply oneMore = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"t1001\",\"name\":\"One more\",\"duration\":\"1d\"}", "If-Match", etag);
        assertThat(oneMore.status()).isEqualTo(422);
        assertThat(oneMore.body()).contains("at most 1000");
        Reply replaced = call("PUT", "/api/v1/plans/" + id + "/document", adminToken, planOfTasks(1001), "If-Match", etag, "Content-Type", "application/yaml");
        assertThat(replaced.status()).isEqualTo(422);
        assertThat(call("GET", "/api/v1/plans/" + id, adminToken, null).etag()).as("the plan is as it was").isEqualTo(etag);
        assertThat(call("GET", "/api/v1/me", adminToken, null).status()).as("the server goes on").isEqualTo(200);
    }

    @Test
    void concurrentEditorsOfOnePlanLoseNoUpdate() throws Exception {
        Reply created = call("POST", "/api/v1/plans/import?filename=shared.plan.yaml", adminToken, planOfTasks(20), "Content-Type", "application/yaml");
        assertThat(created.status()).isEqualTo(201);
        long id = tree(created).get("id").asLong();
        int threads = 8;
        int editsEach = 6;
        java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int e = 0; e < editsEach; e++) {
                    // every editor appends its mark to the same task; half of them also add a task of their own
                    String mark = "[" + thread + "-" + e + "]";
                    while (true) {
                        Reply read = call("GET", "/api/v1/plans/" + id + "/tasks/t1", adminToken, null);
                        tools.jackson.databind.node.ObjectNode task = (tools.jackson.databind.node.ObjectNode) tree(read);
                        task.put("notes", (task.has("notes") ? task.get("notes").asText() : "") + mark);
                        Reply put = call("PUT", "/api/v1/plans/" + id + "/tasks/t1", adminToken, task.toString(), "If-Match", read.etag());
                        if (put.status() == 409) {
                            conflicts.incrementAndGet();
                            continue;
                        }
                        assertThat(put.status()).as(put.body()).isEqualTo(200);
                        break;
                    }
                    if (e % 2 == 0) {
                        String taskId = "n" + thread + "-" + e;
                        while (true) {
                            String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
                            Reply post = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                                    "{\"id\":\"" + taskId + "\",\"name\":\"Added by " + thread + "\",\"duration\":\"2d\"}", "If-Match", etag);
                            if (post.status() == 409) {
                                conflicts.incrementAndGet();
                                continue;
                            }
                            assertThat(post.status()).as(post.body()).isEqualTo(201);
                            break;
                        }
                    }
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        String notes = tree(call("GET", "/api/v1/plans/" + id + "/tasks/t1", adminToken, null)).get("notes").asText();
        int added = 0;
        for (int t = 0; t < threads; t++) {
            for (int e = 0; e < editsEach; e++) {
                assertThat(notes).as("every editor's every change").contains("[" + t + "-" + e + "]");
                if (e % 2 == 0) {
                    assertThat(call("GET", "/api/v1/plans/" + id + "/tasks/n" + t + "-" + e, adminToken, null).status()).isEqualTo(200);
                    added++;
                }
            }
        }
        assertThat(notes.length()).as("each mark once").isEqualTo(threads * editsEach * "[0-0]".length());
        Reply plan = call("GET", "/api/v1/plans/" + id, adminToken, null);
        long changes = threads * editsEach + added;
        assertThat(tree(plan).get("revision").asLong()).as("one revision per acknowledged change").isEqualTo(1 + changes);
        JsonNode history = tree(call("GET", "/api/v1/plans/" + id + "/history?limit=1000", adminToken, null));
        assertThat(history.size()).isEqualTo(1 + changes);
        System.out.println("concurrent editors: " + changes + " changes by " + threads + " threads, " + conflicts.get() + " conflicts answered 409 and retried");
    }

    @Test
    void theHomePageListsYourPlansWithTheirNamesEscaped() throws Exception {
        createPlan("Cut-over <script>alert(1)</script> & more");
        Session session = new Session();
        session.signIn("admin", "an admin password for tests");
        HttpResponse<String> home = session.send("GET", "/", null, null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(home.body()).contains("Cut-over &lt;script&gt;alert(1)&lt;/script&gt; &amp; more").doesNotContain("<script>");
        assertThat(home.body()).contains("Signed in as <strong>admin</strong>").contains("name=\"_csrf\"").contains("/swagger-ui.html");
        assertThat(home.body()).contains("/schedule?format=csv");
        assertThat(call("GET", "/", null, null).status()).as("anonymous callers are sent to sign in").isEqualTo(302);
    }

    @Test
    void aFileWithALongNameIsImportedAndItsHistoryNamesIt() throws Exception {
        String name = "office-move-" + "x".repeat(300) + ".plan.yaml";
        Reply r = call("POST", "/api/v1/plans/import?filename=" + name, adminToken,
                "planwright: 1\nplan:\n  name: Office move\n  start: 2027-01-04\ntasks:\n  pack: {name: Pack, duration: 3d}\n",
                "Content-Type", "application/octet-stream");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode history = tree(call("GET", "/api/v1/plans/" + tree(r).get("id").asLong() + "/history", adminToken, null));
        String action = history.get(0).get("action").asString();
        assertThat(action).startsWith("import office-move-xxx").endsWith("\u2026").hasSize(300);
    }

    @Test
    void aPlanNameOfMoreThan200CharactersIsRefused() throws Exception {
        Reply r = call("POST", "/api/v1/plans", adminToken, "{\"name\":\"" + "x".repeat(201) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("at most 200 characters");
    }

    @Test
    void aTaskInsertedBeforeAnotherTakesItsPlace() throws Exception {
        long id = createPlan("Insert rows");
        for (String t : List.of("a", "b", "c")) {
            Reply r = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"" + t + "\",\"name\":\"" + t + "\",\"duration\":\"1d\"}",
                    "If-Match", etagOf(id));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Reply inserted = call("POST", "/api/v1/plans/" + id + "/tasks?before=b", adminToken, "{\"id\":\"x\",\"name\":\"x\",\"duration\":\"1d\"}",
                "If-Match", etagOf(id));
        assertThat(inserted.status()).as(inserted.body()).isEqualTo(201);
        List<String> order = new java.util.ArrayList<>();
        tree(call("GET", "/api/v1/plans/" + id + "/tasks", adminToken, null)).forEach(t -> order.add(t.get("id").asString()));
        assertThat(order).containsExactly("a", "x", "b", "c");
        assertThat(call("POST", "/api/v1/plans/" + id + "/tasks?before=nope", adminToken, "{\"id\":\"y\",\"name\":\"y\"}", "If-Match", etagOf(id)).status())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/plans/" + id + "/tasks?before=b", adminToken, "{\"id\":\"y\",\"name\":\"y\",\"parentId\":\"a\"}",
                "If-Match", etagOf(id)).body()).contains("goes in its phase");
        assertThat(call("POST", "/api/v1/plans/" + id + "/risks?before=b", adminToken, "{\"id\":\"R\",\"title\":\"r\",\"probability\":0.1}",
                "If-Match", etagOf(id)).status()).isEqualTo(400);
    }

    @Test
    void statusBaselinesAndProgressThroughTheApi() throws Exception {
        long id = demoPlan();
        // the demo plan carries the baseline approved before work began: its status at its status date against it
        Reply status = call("GET", "/api/v1/plans/" + id + "/status", adminToken, null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        var s = tree(status);
        assertThat(s.get("statusDate").asString()).isEqualTo("2026-03-13");
        assertThat(s.get("baselineName").asString()).isEqualTo("Approved plan");
        assertThat(s.get("headline").asString()).isIn("on track", "at risk", "late");
        assertThat(s.get("plan").get("bac").asDouble()).isGreaterThan(1_000_000);
        assertThat(s.get("plan").get("ev").asDouble()).isGreaterThan(0).isLessThan(s.get("plan").get("bac").asDouble());
        assertThat(s.get("plan").get("spiT").asDouble()).isGreaterThan(0.5);
        assertThat(s.get("curve").size()).isGreaterThan(20);
        assertThat(s.get("entries").get(0).get("type").asString()).isEqualTo("phase");
        assertThat(call("GET", "/api/v1/plans/" + id + "/status?baseline=nope", adminToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/plans/" + id + "/status?asOf=13.3.2026", adminToken, null).status()).isEqualTo(400);

        // save Baseline 1, list it, clear it: each a revision
        Reply saved = call("POST", "/api/v1/plans/" + id + "/baselines/baseline1/save", adminToken, "{\"name\":\"Re-plan\"}", "If-Match", etagOf(id));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(tree(saved).get("name").asString()).isEqualTo("Re-plan");
        Reply again = call("POST", "/api/v1/plans/" + id + "/baselines/baseline1/save", adminToken, "{}", "If-Match", etagOf(id));
        assertThat(again.status()).isEqualTo(200);
        assertThat(tree(again).get("name").asString()).isEqualTo("Baseline 1");
        var list = tree(call("GET", "/api/v1/plans/" + id + "/baselines", adminToken, null));
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(1).get("id").asString()).isEqualTo("baseline1");
        assertThat(call("POST", "/api/v1/plans/" + id + "/baselines/baseline11/save", adminToken, "{}", "If-Match", etagOf(id)).body())
                .contains("baseline1 to baseline10");
        assertThat(call("POST", "/api/v1/plans/" + id + "/baselines/baseline2/save", adminToken, "{}").status()).isEqualTo(428);
        // copy Baseline 1 under baseline2 (as MS Project's copy Baseline 1 to Baseline 2; restoring the main one works alike)
        var main = tree(call("GET", "/api/v1/plans/" + id + "/baselines", adminToken, null)).get(0);
        Reply restored = call("POST", "/api/v1/plans/" + id + "/baselines/baseline2/restore", adminToken, "{\"from\":\"baseline1\"}", "If-Match", etagOf(id));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(tree(restored).get("name").asString()).isEqualTo("Baseline 1");
        assertThat(tree(restored).get("id").asString()).isEqualTo("baseline2");
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/baselines/baseline2", adminToken, null, "If-Match", etagOf(id)).status()).isEqualTo(204);
        assertThat(call("POST", "/api/v1/plans/" + id + "/baselines/baseline/restore", adminToken, "{\"from\":\"baseline7\"}", "If-Match", etagOf(id)).status())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/plans/" + id + "/baselines/baseline/restore", adminToken, "{}", "If-Match", etagOf(id)).body()).contains("from:");
        assertThat(main.get("name").asString()).isEqualTo("Approved plan");
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/baselines/baseline1", adminToken, null, "If-Match", etagOf(id)).status()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/baselines/baseline1", adminToken, null, "If-Match", etagOf(id)).status()).isEqualTo(404);

        // progress as of a week after the status date: one revision, the status date moves
        long before = Long.parseLong(etagOf(id).replace("\"", ""));
        Reply progress = call("POST", "/api/v1/plans/" + id + "/progress", adminToken, "{\"asOf\":\"2026-03-20\"}", "If-Match", etagOf(id));
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(tree(progress).get("revision").asLong()).isEqualTo(before + 1);
        assertThat(tree(progress).get("completed").size()).isGreaterThan(0);
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/status", adminToken, null)).get("statusDate").asString()).isEqualTo("2026-03-20");
        Reply bad = call("POST", "/api/v1/plans/" + id + "/progress", adminToken, "{\"asOf\":\"2026-03-20\",\"rule\":\"half\"}", "If-Match", etagOf(id));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("use share or zero-or-hundred");
        // the option to reschedule the work left after the status date: set with the update, in the settings, and in the form
        Reply reschedule = call("POST", "/api/v1/plans/" + id + "/progress", adminToken, "{\"asOf\":\"2026-03-20\",\"rescheduleRemaining\":true}",
                "If-Match", etagOf(id));
        assertThat(reschedule.status()).as(reschedule.body()).isEqualTo(200);
        assertThat(tree(call("GET", "/api/v1/plans/" + id, adminToken, null)).get("settings").get("rescheduleRemaining").asBoolean()).isTrue();

        // the status page shows it all, in words
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String page = owner.send("GET", "/plans/" + id + "/status", null, null).body();
        assertThat(page).contains("as of 2026-03-20", "against baseline Approved plan", "Earned value (EV)", "s-curve-chart", "Update progress");
        assertThat(page).containsPattern("name=\"rescheduleRemaining\" type=\"checkbox\" checked");
        assertThat(owner.send("GET", "/plans/" + id, null, null).body()).contains("id=\"headline\"", " as of 2026-03-20: ", "Status and earned value",
                "Schedule performance", "SPI(t) ");
    }

    /** The demo plan imported afresh: a plan of the test's own to change, with the demo's resources, assignments and status date. */
    long importDemo(String filename) throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/demo/erp-rollout.plan.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Reply imported = call("POST", "/api/v1/plans/import?filename=" + filename, adminToken, yaml, "Content-Type", "application/octet-stream");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return tree(imported).get("id").asLong();
    }

    JsonNode assignment(long planId, String taskId, String resourceId) throws Exception {
        for (JsonNode a : tree(call("GET", "/api/v1/plans/" + planId + "/tasks/" + taskId, adminToken, null)).get("assignments")) {
            if (a.get("resourceId").asString().equals(resourceId)) {
                return a;
            }
        }
        throw new AssertionError("no assignment of " + resourceId + " on " + taskId);
    }

    @Test
    void contributorsReportProgressOnTheirOwnWorkAndOwnersAcceptItAsOneRevisionOrRejectIt() throws Exception {
        long id = importDemo("team.plan.yaml");
        String p = "/api/v1/plans/" + id;
        // owners link members to resources; an unknown resource or role is refused at its field
        Reply unknown = call("PUT", p + "/members/admin", adminToken, "{\"role\":\"owner\",\"resourceId\":\"nobody\"}", "If-Match", etagOf(id));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"resourceId\"", "no resource 'nobody'");
        assertThat(call("PUT", p + "/members/admin", adminToken, "{\"role\":\"boss\"}", "If-Match", etagOf(id)).body())
                .contains("owner, editor, contributor, viewer or stakeholder");
        String sabine = newUserToken("contributor", id, "sabine");
        String elif = newUserToken("contributor", id, "elif");
        String unlinked = newUserToken("contributor", id);
        String viewer = newUserToken("viewer", id);
        JsonNode members = tree(call("GET", p + "/members", adminToken, null));
        assertThat(members.toString()).contains("\"role\":\"contributor\",\"resourceId\":\"sabine\"");
        assertThat(tree(call("GET", p + "/history?limit=5", adminToken, null)).toString()).contains("as contributor for resource elif");

        // My work: Dr. Sabine Hartmann's tasks of the week of the status date (Fri 2026-03-13) and the next
        Reply work = call("GET", p + "/my-work", sabine, null);
        assertThat(work.status()).as(work.body()).isEqualTo(200);
        JsonNode w = tree(work);
        assertThat(w.get("resourceName").asString()).isEqualTo("Dr. Sabine Hartmann");
        assertThat(w.get("asOf").asString()).isEqualTo("2026-03-13");
        assertThat(w.get("from").asString()).isEqualTo("2026-03-09");
        assertThat(w.get("until").asString()).isEqualTo("2026-03-22");
        assertThat(w.get("tasks").findValuesAsString("taskId")).contains("fin-fdd");
        assertThat(call("GET", p + "/my-work", unlinked, null).body()).contains("not linked to a resource");

        // bad reports are refused at their field, or as the task or the role demands
        String url = p + "/updates";
        Reply percent = call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"percentComplete\":120}");
        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.body()).contains("\"field\":\"percentComplete\"", "from 0 to 100, not 120");
        Reply negative = call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"actualWork\":\"-3h\"}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"actualWork\"", "below nothing");
        assertThat(call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"actualWork\":\"lots\"}").body()).contains("write it as 16h or 2d");
        assertThat(call("POST", url, sabine, "{\"taskId\":\"fin-fdd\"}").body()).contains("report the actual work");
        assertThat(call("POST", url, sabine, "{\"taskId\":\"nope\",\"percentComplete\":10}").status()).isEqualTo(404);
        Reply notHers = call("POST", url, sabine, "{\"taskId\":\"hr-workshops\",\"percentComplete\":10}");
        assertThat(notHers.status()).isEqualTo(403);
        assertThat(notHers.body()).contains("HR and payroll to-be workshops", "not assigned to your resource");
        assertThat(call("POST", url, unlinked, "{\"taskId\":\"fin-fdd\",\"percentComplete\":10}").body()).contains("not linked to a resource");
        assertThat(call("POST", url, viewer, "{\"taskId\":\"fin-fdd\",\"percentComplete\":10}").status()).isEqualTo(403);
        // and nothing but reports: a contributor changes the plan no other way
        assertThat(call("PATCH", p + "/tasks/fin-fdd", sabine, "{\"percentComplete\":55}", "If-Match", etagOf(id)).status()).isEqualTo(403);

        // two reports, the plan unchanged until they are accepted
        long before = Long.parseLong(etagOf(id).replace("\"", ""));
        String evil = "<img src=x onerror=alert(1)>";
        Reply first = call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"actualWork\":\"64h\",\"remainingWork\":\"56h\",\"percentComplete\":55,"
                + "\"comment\":\"" + evil + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(tree(first).get("status").asString()).isEqualTo("submitted");
        Reply second = call("POST", url, elif, "{\"taskId\":\"sales-fdd\",\"percentComplete\":100}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(Long.parseLong(etagOf(id).replace("\"", ""))).isEqualTo(before);
        assertThat(tree(call("GET", url + "?status=submitted", adminToken, null)).size()).isEqualTo(2);
        assertThat(tree(call("GET", url, sabine, null)).findValuesAsString("taskId")).containsExactly("fin-fdd");
        assertThat(call("GET", url + "?status=maybe", adminToken, null).status()).isEqualTo(400);
        assertThat(tree(call("GET", p + "/my-work", sabine, null)).toString()).contains("\"waiting\":[" + tree(first).get("id").asLong() + "]");

        // the task changes meanwhile: the updates still apply, to the plan as it is now
        assertThat(call("PATCH", p + "/tasks/fin-fdd", adminToken, "{\"notes\":\"reviewed by the CFO\"}", "If-Match", etagOf(id)).status()).isEqualTo(200);
        long a = tree(first).get("id").asLong();
        long b = tree(second).get("id").asLong();
        assertThat(call("POST", url + "/accept", sabine, "{\"ids\":[" + a + "]}").status()).as("a contributor decides nothing").isEqualTo(403);
        Reply accepted = call("POST", url + "/accept", adminToken, "{\"ids\":[" + a + "," + b + "],\"comment\":\"thanks\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(tree(accepted).get("revision").asLong()).as("one revision for both").isEqualTo(before + 2);
        assertThat(tree(accepted).get("updates").findValuesAsString("status")).containsOnly("accepted");
        JsonNode last = tree(call("GET", p + "/history?limit=1", adminToken, null)).get(0);
        assertThat(last.get("action").asString()).startsWith("accept 2 updates: ").contains("on Finance functional design documents (fin-fdd)",
                "on Sales functional design documents (sales-fdd)");
        JsonNode fin = tree(call("GET", p + "/tasks/fin-fdd", adminToken, null));
        assertThat(fin.get("percentComplete").asDouble()).isEqualTo(55);
        assertThat(fin.get("notes").asString()).isEqualTo("reviewed by the CFO");
        assertThat(assignment(id, "fin-fdd", "sabine").get("actualWork").asString()).isEqualTo("64h");
        assertThat(assignment(id, "fin-fdd", "sabine").get("remainingWork").asString()).isEqualTo("56h");
        JsonNode sales = tree(call("GET", p + "/tasks/sales-fdd", adminToken, null));
        assertThat(sales.get("percentComplete").asDouble()).isEqualTo(100);
        assertThat(sales.get("actualFinish").asString()).isEqualTo("2026-03-13");

        // decided once: again is a conflict; an update unknown is not found; a rejection stays on record with its reason
        Reply twice = call("POST", url + "/" + a + "/accept", adminToken, "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("was accepted already by admin");
        assertThat(call("POST", url + "/" + a + "/reject", adminToken, "{}").status()).isEqualTo(409);
        assertThat(call("POST", url + "/999999/accept", adminToken, "{}").status()).isEqualTo(404);
        Reply third = call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"percentComplete\":90}");
        long c = tree(third).get("id").asLong();
        long now = Long.parseLong(etagOf(id).replace("\"", ""));
        Reply rejected = call("POST", url + "/" + c + "/reject", adminToken, "{\"comment\":\"the review found gaps\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(Long.parseLong(etagOf(id).replace("\"", ""))).as("a rejection changes no plan").isEqualTo(now);
        JsonNode kept = tree(call("GET", url + "?status=rejected", adminToken, null)).get(0);
        assertThat(kept.get("decisionComment").asString()).isEqualTo("the review found gaps");
        assertThat(kept.get("decidedBy").asString()).isEqualTo("admin");

        // the pages: the contributor's My work, the owner's updates, user text escaped
        call("POST", url, sabine, "{\"taskId\":\"fin-fdd\",\"percentComplete\":60,\"comment\":\"" + evil + "\"}");
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String updates = owner.send("GET", "/plans/" + id + "/updates", null, null).body();
        assertThat(updates).contains("Waiting for a decision", "Finance functional design documents", "&lt;img src=x onerror=alert(1)&gt;").doesNotContain(evil);
        assertThat(owner.send("GET", "/plans/" + id, null, null).body()).contains(">Updates<span class=\"count-badge\"");
    }

    @Test
    void theHistoryShowsEachChangeFieldByFieldAndWhatMovedSinceADateOrRevision() throws Exception {
        long id = createPlan("Since");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        Reply a = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"Design <b>\",\"duration\":\"2d\"}", "If-Match", etag);
        Reply b = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"b\",\"name\":\"Build\",\"duration\":\"3d\",\"links\":[{\"predecessorId\":\"a\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                "If-Match", a.etag());
        long sinceRevision = Long.parseLong(b.etag().replace("\"", ""));
        Reply longer = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"duration\":\"4d\"}", "If-Match", b.etag());
        assertThat(longer.status()).as(longer.body()).isEqualTo(200);
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        // one revision, field by field
        String change = owner.send("GET", "/plans/" + id + "/history?change=" + (sinceRevision + 1), null, null).body();
        assertThat(change).contains("What revision " + (sinceRevision + 1) + " changed", "duration", ">2d<", ">4d<", "Design &lt;b&gt;")
                .doesNotContain("Design <b>");
        // since the revision before: the finish moved, both tasks slipped by 16 working hours
        String since = owner.send("GET", "/plans/" + id + "/history?since=" + sinceRevision, null, null).body();
        assertThat(since).contains("What moved since " + sinceRevision, "2 tasks finish later", "Finish</strong>:");
        assertThat(since).containsPattern("Build</span> <span class=\"id\">b</span></td>\\s*<td>[^<]+</td><td>[^<]+</td>\\s*<td class=\"num\">16</td>");
        // since today: nothing changed since the end of today; a bad value is named
        assertThat(owner.send("GET", "/plans/" + id + "/history?since=" + java.time.LocalDate.now().plusDays(1), null, null).body())
                .contains("Nothing in the plan changed.");
        assertThat(owner.send("GET", "/plans/" + id + "/history?since=yesterday", null, null).body())
                .contains("&#39;yesterday&#39; is neither a revision");
    }

    /**
     * The demo plan's history passes through three status dates (two earlier progress reports, then the team's):
     * the status and risk analysis pages show the forecast finish, P50 and P80 as of each against the baseline.
     */
    @Test
    void theForecastFinishByStatusDateIsShownFromTheHistory() throws Exception {
        long id = demoPlan();
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        for (String page : List.of("/status", "/risk-analysis")) {
            String html = owner.send("GET", "/plans/" + id + page, null, null).body();
            assertThat(html).as(page).contains("Forecast finish by status date", "id=\"trend-chart\"", "/js/trend.js");
            assertThat(html).as(page).containsPattern("<td>2026-02-27</td>\\s*<td>[\\d-]+</td>").containsPattern("<td>2026-03-06</td>")
                    .containsPattern("<td>2026-03-13</td>");
        }
        assertThat(owner.send("GET", "/plans/" + id + "/history", null, null).body()).contains("update progress as of 2026-02-27",
                "progress as reported by the team");
        // and change control: a scenario and a change request from it waiting for the board, with its impact
        assertThat(owner.send("GET", "/plans/" + id + "/scenarios", null, null).body()).contains("Hypercare two weeks longer");
        assertThat(owner.send("GET", "/plans/" + id + "/changes", null, null).body()).contains("Extend hypercare by two weeks", "submitted",
                "Impact, as of revision", "Decide");
    }

    /** Branch a scenario, edit it like a plan, compare it, merge its changes (one a conflict), discard it. */
    @Test
    void scenariosAreBranchedEditedComparedMergedAndDiscarded() throws Exception {
        long id = createPlan("What if");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        Reply a = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"Design\",\"duration\":\"2d\"}", "If-Match", etag);
        Reply b = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"b\",\"name\":\"Build\",\"duration\":\"3d\",\"links\":[{\"predecessorId\":\"a\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                "If-Match", a.etag());
        assertThat(b.status()).isEqualTo(201);
        Reply branched = call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\"Faster <build>\"}");
        assertThat(branched.status()).as(branched.body()).isEqualTo(200);
        long sid = tree(branched).get("id").asLong();
        assertThat(tree(call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\"faster <BUILD>\"}")).get("detail").asString())
                .contains("already");
        assertThat(call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\" \"}").status()).isEqualTo(400);
        // the scenario is a plan: edited with the same API; not in the list of plans
        String setag = call("GET", "/api/v1/plans/" + sid, adminToken, null).etag();
        Reply shorter = call("PATCH", "/api/v1/plans/" + sid + "/tasks/b", adminToken, "{\"duration\":\"1d\"}", "If-Match", setag);
        assertThat(shorter.status()).as(shorter.body()).isEqualTo(200);
        Reply added = call("POST", "/api/v1/plans/" + sid + "/tasks", adminToken, "{\"id\":\"c\",\"name\":\"Deploy\",\"duration\":\"1d\"}", "If-Match", shorter.etag());
        Reply renamed = call("PATCH", "/api/v1/plans/" + sid + "/tasks/a", adminToken, "{\"name\":\"Design (scenario)\"}", "If-Match", added.etag());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/plans", adminToken, null).body()).doesNotContain("\"id\":" + sid + ",");
        // the plan changes a meanwhile too: a conflict
        Reply planEdit = call("PATCH", "/api/v1/plans/" + id + "/tasks/a", adminToken, "{\"name\":\"Design (plan)\"}", "If-Match", b.etag());
        assertThat(planEdit.status()).isEqualTo(200);
        var cmp = tree(call("GET", "/api/v1/plans/" + id + "/scenarios/" + sid + "/comparison", adminToken, null));
        assertThat(cmp.get("other").get("finish").asString()).isLessThan(cmp.get("plan").get("finish").asString());
        assertThat(cmp.get("other").has("p80")).isTrue();
        List<String> keys = new ArrayList<>();
        cmp.get("changes").forEach(c -> keys.add(c.get("key").asString() + (c.get("conflict").asBoolean() ? "!" : "")));
        assertThat(keys).containsExactlyInAnyOrder("tasks/a!", "tasks/b", "tasks/c");
        // merge all: b and c are taken, a stays as the plan has it
        Reply merged = call("POST", "/api/v1/plans/" + id + "/scenarios/" + sid + "/merge", adminToken, "{}", "If-Match", planEdit.etag());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(tree(merged).get("applied").toString()).contains("tasks/b", "tasks/c");
        assertThat(tree(merged).get("conflicts").get(0).get("key").asString()).isEqualTo("tasks/a");
        var tasks = tree(call("GET", "/api/v1/plans/" + id + "/tasks", adminToken, null));
        assertThat(tasks.toString()).contains("Design (plan)", "Deploy").doesNotContain("Design (scenario)");
        assertThat(call("POST", "/api/v1/plans/" + id + "/scenarios/" + sid + "/merge", adminToken, "{}", "If-Match", planEdit.etag()).status())
                .as("a merge on an old revision").isEqualTo(409);
        // the pages: listed, compared (names escaped), and the scenario's own pages say what it is
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        assertThat(owner.send("GET", "/plans/" + id + "/scenarios", null, null).body()).contains("Faster &lt;build&gt;", "compare and merge");
        assertThat(owner.send("GET", "/plans/" + id + "/scenarios/" + sid, null, null).body()).contains("Side by side", "P80 finish",
                "Resource peaks", "conflict");
        assertThat(owner.send("GET", "/plans/" + sid + "/schedule", null, null).body()).contains("scenario Faster &lt;build&gt;: compare with the plan");
        // another plan's scenario is not this plan's; discarding leaves the plan
        long other = createPlan("Other");
        assertThat(call("GET", "/api/v1/plans/" + other + "/scenarios/" + sid + "/comparison", adminToken, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/scenarios/" + sid, adminToken, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/plans/" + sid, adminToken, null).status()).isEqualTo(404);
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/scenarios", adminToken, null)).size()).isZero();
    }

    /**
     * The demo plan's status report for a viewer, as HTML, PDF and Markdown downloads, compared with the plan as of its previous status
     * date (nothing sent yet); an unknown section is refused at its field; the Reports page previews it.
     */
    @Test
    void theStatusReportDownloadsAsHtmlPdfAndMarkdownAndThePageShowsIt() throws Exception {
        long id = demoPlan();
        String viewer = newUserToken("viewer", id);
        String base = "http://localhost:" + port + "/api/v1/plans/" + id + "/report";
        HttpResponse<byte[]> pdf = sent(HttpRequest.newBuilder(URI.create(base + "?format=pdf&audience=sponsor"))
                .header("Authorization", "Bearer " + viewer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;").contains("status 2026-03-13.pdf");
        assertThat(pdf.body()).startsWith('%', 'P', 'D', 'F');
        Reply md = call("GET", "/api/v1/plans/" + id + "/report?format=md", viewer, null);
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).contains("# NovaERP roll-out", "## Summary", "## Tasks for the team", "## Changes since the last report",
                "Compared with the plan as of 2026-03-06");
        Reply html = call("GET", "/api/v1/plans/" + id + "/report?format=html&sections=summary,charts", viewer, null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<svg", "Forecast finish by status date", "Risk heat map").doesNotContain("Tasks for the team");
        Reply badSection = call("GET", "/api/v1/plans/" + id + "/report?sections=summary,budget", viewer, null);
        assertThat(badSection.status()).isEqualTo(400);
        assertThat(badSection.body()).contains("sections: no section 'budget'; the sections are summary, progress");
        assertThat(call("GET", "/api/v1/plans/" + id + "/report?format=docx", viewer, null).status()).isEqualTo(400);

        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String page = owner.send("GET", "/plans/" + id + "/reports?audience=steering", null, null).body();
        assertThat(page).contains(">Reports</a>", "sandbox=\"\"", "srcdoc=\"&lt;!DOCTYPE html&gt;", "report?format=pdf&amp;audience=steering",
                "Weekly project status", "not sent: no mail server");
        String bad = owner.send("GET", "/plans/" + id + "/reports?sections=budget", null, null).body();
        assertThat(bad).containsPattern("class=\"field-error\" role=\"alert\">sections: no section &#39;budget&#39;").doesNotContain("srcdoc=");
    }

    /**
     * Change control: a request from a scenario with its impact, decided by a board of two (an outsider refused,
     * a second decision refused), applied as one revision and re-baselined; work added by hand after the baseline
     * shows on the scope guard; a request whose scenario was discarded does not apply; a rejected one stays.
     */
    @Test
    void changeRequestsAreDecidedByTheBoardAndAppliedAsOneRevision() throws Exception {
        long id = createPlan("Changes");
        String etag = call("GET", "/api/v1/plans/" + id, adminToken, null).etag();
        Reply a = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"a\",\"name\":\"Design\",\"duration\":\"2d\"}", "If-Match", etag);
        Reply b = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"b\",\"name\":\"Build\",\"duration\":\"3d\",\"links\":[{\"predecessorId\":\"a\",\"type\":\"FS\",\"lag\":\"0d\"}]}",
                "If-Match", a.etag());
        assertThat(call("POST", "/api/v1/plans/" + id + "/baselines/baseline/save", adminToken, "{\"name\":\"Agreed\"}", "If-Match", b.etag()).status())
                .isEqualTo(200);
        String boardName = "board-" + UUID.randomUUID().toString().substring(0, 8);
        Account board = accounts.create(boardName, "a long enough password", false).orElseThrow();
        assertThat(call("PUT", "/api/v1/plans/" + id + "/members/" + boardName, adminToken, "{\"role\":\"owner\"}", "If-Match", etagOf(id)).status())
                .isEqualTo(200);
        String boardToken = accounts.createToken(board.id(), "t");
        String editor = newUserToken("editor", id);
        // the scenario: build longer, a test task added
        long sid = tree(call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\"More testing\"}")).get("id").asLong();
        Reply longer = call("PATCH", "/api/v1/plans/" + sid + "/tasks/b", adminToken, "{\"duration\":\"5d\"}", "If-Match", etagOf(sid));
        assertThat(longer.status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/plans/" + sid + "/tasks", adminToken, "{\"id\":\"t\",\"name\":\"Test\",\"duration\":\"2d\"}",
                "If-Match", longer.etag()).status()).isEqualTo(201);
        String submit = "{\"title\":\"More testing\",\"reason\":\"Audit finding\",\"scenarioId\":" + sid
                + ",\"objectiveId\":\"none\",\"board\":[\"admin\",\"" + boardName + "\"],\"approvals\":2,\"rebaseline\":true}";
        assertThat(call("POST", "/api/v1/plans/" + id + "/change-requests", adminToken, submit.replace("\"approvals\":2", "\"approvals\":3")).body())
                .contains("approvals: from 1 to 2");
        assertThat(call("POST", "/api/v1/plans/" + id + "/change-requests", adminToken, submit.replace(boardName, "nobody")).body())
                .contains("'nobody' is not an owner or a stakeholder member");
        Reply submitted = call("POST", "/api/v1/plans/" + id + "/change-requests", editor, submit);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode cr = tree(submitted);
        long crId = cr.get("id").asLong();
        // the impact is the merged scenario scheduled: finish from the scenario's own schedule
        String scenarioFinish = tree(call("GET", "/api/v1/plans/" + sid + "/schedule", adminToken, null)).get("finish").asString();
        assertThat(cr.get("impact").get("finishAfter").asString()).startsWith(scenarioFinish.substring(0, 10));
        assertThat(cr.get("impact").get("finishAfter").asString()).isGreaterThan(cr.get("impact").get("finishBefore").asString());
        assertThat(cr.get("status").asString()).isEqualTo("submitted");
        // decisions: not on the board, then admin, then admin again, then the second board member applies it
        assertThat(call("POST", "/api/v1/plans/" + id + "/change-requests/" + crId + "/decide", editor, "{\"decision\":\"approve\"}").body())
                .contains("only the change board decides");
        long before = Long.parseLong(etagOf(id).replace("\"", ""));
        Reply first = call("POST", "/api/v1/plans/" + id + "/change-requests/" + crId + "/decide", adminToken, "{\"decision\":\"approve\",\"comment\":\"ok\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(tree(first).get("status").asString()).isEqualTo("submitted");
        assertThat(call("POST", "/api/v1/plans/" + id + "/change-requests/" + crId + "/decide", adminToken, "{\"decision\":\"reject\"}").status())
                .isEqualTo(409);
        Reply second = call("POST", "/api/v1/plans/" + id + "/change-requests/" + crId + "/decide", boardToken, "{\"decision\":\"approve\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(tree(second).get("status").asString()).isEqualTo("applied");
        long applied = tree(second).get("appliedRevision").asLong();
        assertThat(applied).isEqualTo(before + 3); // two decisions, one revision applying it
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/tasks", adminToken, null)).toString()).contains("\"id\":\"t\"");
        assertThat(tree(call("GET", "/api/v1/plans/" + id + "/baselines", adminToken, null)).get(0).get("tasks").size()).isEqualTo(3);
        assertThat(call("GET", "/api/v1/plans/" + id + "/history", adminToken, null).body()).contains("approved by admin: ok");
        // work added by hand after the (new) baseline: on the scope guard; the request's task is not
        assertThat(call("POST", "/api/v1/plans/" + id + "/tasks", adminToken, "{\"id\":\"gold\",\"name\":\"Gold plating\",\"duration\":\"1d\"}",
                "If-Match", etagOf(id)).status()).isEqualTo(201);
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String page = owner.send("GET", "/plans/" + id + "/changes", null, null).body();
        assertThat(page).contains("Scope guard", "1 tasks added since the baseline", "Gold plating", "#" + crId + " More testing", "applied");
        assertThat(owner.send("GET", "/plans/" + id, null, null).body()).contains("tasks added outside change control");
        // the status report's changes: the scope guard and the change log
        String report = call("GET", "/api/v1/plans/" + id + "/report?format=md&audience=steering", adminToken, null).body();
        assertThat(report).contains("### Change control", "1 tasks added since the baseline outside an approved change request",
                "Gold plating", "#" + crId + " More testing", "applied", "revision " + applied);
        // a request whose scenario is discarded does not apply; nothing changes
        long sid2 = tree(call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\"Gone\"}")).get("id").asLong();
        long cr2 = tree(call("POST", "/api/v1/plans/" + id + "/change-requests", adminToken, submit.replace("\"scenarioId\":" + sid, "\"scenarioId\":" + sid2)
                .replace("\"approvals\":2", "\"approvals\":1"))).get("id").asLong();
        assertThat(call("DELETE", "/api/v1/plans/" + id + "/scenarios/" + sid2, adminToken, null).status()).isEqualTo(204);
        String revisionBefore = etagOf(id);
        Reply gone = call("POST", "/api/v1/plans/" + id + "/change-requests/" + cr2 + "/decide", adminToken, "{\"decision\":\"approve\"}");
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.body()).contains("its scenario no longer exists");
        assertThat(Long.parseLong(etagOf(id).replace("\"", ""))).as("the decision only").isEqualTo(Long.parseLong(revisionBefore.replace("\"", "")) + 1);
        // a rejected one stays on record, with the change log
        long sid3 = tree(call("POST", "/api/v1/plans/" + id + "/scenarios", adminToken, "{\"name\":\"Third\"}")).get("id").asLong();
        long cr3 = tree(call("POST", "/api/v1/plans/" + id + "/change-requests", adminToken, submit.replace("\"scenarioId\":" + sid, "\"scenarioId\":" + sid3))).get("id").asLong();
        assertThat(call("GET", "/api/v1/plans/" + id + "/report?format=md&audience=steering", adminToken, null).body())
                .as("a request waiting is a decision waiting").contains("change request #" + cr3);
        assertThat(tree(call("POST", "/api/v1/plans/" + id + "/change-requests/" + cr3 + "/decide", boardToken, "{\"decision\":\"reject\",\"comment\":\"no budget\"}"))
                .get("status").asString()).isEqualTo("rejected");
        Reply csv = call("GET", "/api/v1/plans/" + id + "/change-log.csv", adminToken, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id,title,requester,objective,status").contains(crId + ",More testing,").contains(",applied,")
                .contains(",rejected,").contains("no budget").contains("none (scope creep)");
    }

    @Test
    void theObjectivesPageShowsEachObjectivesWorkAndCostAndEachKpisTrend() throws Exception {
        long planId = demoPlan();
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String page = owner.send("GET", "/plans/" + planId + "/objectives", null, null).body();
        // the work that serves an objective, through its phase or a deliverable, with its hours and cost (core's Alignment)
        assertThat(page).containsPattern("Served by</strong>\\s*<span[^>]*>\\d+ tasks: ").containsPattern("\\([\\d,]+ hours of work, [\\d,]+ EUR\\)");
        // a KPI without measurements over time forecasts nothing, and says so
        assertThat(page).contains("<th scope=\"col\">Trend</th>").contains("a forecast needs two measurements or more");
    }

    /** Every page of a plan, for the checks below: rendered for members, refused to others. */
    static final List<String> PLAN_PAGES = List.of("", "/status", "/schedule", "/risks", "/risk-analysis", "/stakeholders", "/raci", "/communications", "/objectives",
            "/resources", "/history", "/history?at=1", "/history?change=2", "/history?since=1", "/members", "/scenarios", "/reports", "/changes");

    @Test
    void everyPageOfAPlanChecksTheCallersRoleAndEscapesUserText() throws Exception {
        long planId = demoPlan();
        String evil = "<img src=x onerror=alert(1)>";
        Reply risk = call("POST", "/api/v1/plans/" + planId + "/risks", adminToken,
                "{\"id\":\"R-x\",\"title\":\"" + evil + "\",\"probability\":0.5,\"impact\":\"HIGH\"}", "If-Match", etagOf(planId));
        assertThat(risk.status()).as(risk.body()).isEqualTo(201);
        String outsiderName = "outsider-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(outsiderName, "a long enough password", false).orElseThrow();
        String viewerName = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(viewerName, "a long enough password", false).orElseThrow();
        assertThat(call("PUT", "/api/v1/plans/" + planId + "/members/" + viewerName, adminToken, "{\"role\":\"viewer\"}", "If-Match", etagOf(planId))
                .status()).isEqualTo(200);
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        Session outsider = new Session();
        outsider.signIn(outsiderName, "a long enough password");
        Session viewer = new Session();
        viewer.signIn(viewerName, "a long enough password");
        for (String page : PLAN_PAGES) {
            String path = "/plans/" + planId + page;
            HttpResponse<String> mine = owner.send("GET", path, null, null);
            assertThat(mine.statusCode()).as(path + " for the owner").isEqualTo(200);
            assertThat(mine.body()).as(path).doesNotContain(evil).doesNotContain("<script>alert");
            HttpResponse<String> seen = viewer.send("GET", path, null, null);
            assertThat(seen.statusCode()).as(path + " for a viewer").isEqualTo(200);
            HttpResponse<String> other = outsider.send("GET", path, null, null);
            assertThat(other.statusCode()).as(path + " for an outsider").isEqualTo(404);
            assertThat(other.body()).as(path).contains("Not found").doesNotContain("NovaERP");
        }
        assertThat(owner.send("GET", "/plans/" + planId + "/risks", null, null).body()).contains("&lt;img src=x onerror=alert(1)&gt;");
        // the simulation: members (a viewer too) may run it, an outsider learns nothing
        HttpResponse<String> simulated = viewer.send("GET", "/api/v1/plans/" + planId + "/simulation?iterations=200", null, null);
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        assertThat(simulated.body()).contains("\"iterations\":200").contains("\"names\":{\"").contains("\"sensitivity\":{\"R");
        assertThat(outsider.send("GET", "/api/v1/plans/" + planId + "/simulation?iterations=200", null, null).statusCode()).isEqualTo(404);
        // the RACI matrix is read-only for a viewer; its cells change through the API, as every other entry
        assertThat(viewer.send("GET", "/plans/" + planId + "/raci", null, null).body()).as("a viewer's matrix is read-only")
                .contains("data-can-edit=\"false\"").doesNotContain("hx-post");
        String viewerCsrf = csrfOf(viewer, "/plans/" + planId + "/raci");
        HttpResponse<String> refused = viewer.send("POST", "/plans/" + planId + "/raci?task=uat&party=cfo&shown=", "", viewerCsrf);
        assertThat(refused.statusCode()).as("no page path changes the RACI matrix").isGreaterThanOrEqualTo(400);
        assertThat(call("DELETE", "/api/v1/plans/" + planId + "/risks/R-x", adminToken, null, "If-Match", etagOf(planId)).status()).isEqualTo(204);
    }

    /** A new user with the role stakeholder in the plan, linked to one of its stakeholders, and their API token. */
    String newStakeholderToken(long planId, String stakeholderId) throws Exception {
        String name = "stakeholder-" + UUID.randomUUID().toString().substring(0, 8);
        Account user = accounts.create(name, "a long enough password", false).orElseThrow();
        Reply r = call("PUT", "/api/v1/plans/" + planId + "/members/" + name, adminToken,
                "{\"role\":\"stakeholder\",\"stakeholderId\":\"" + stakeholderId + "\"}", "If-Match", etagOf(planId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return accounts.createToken(user.id(), "t");
    }

    @Autowired
    io.planwright.server.feedback.FeedbackTokens feedbackTokens;

    @Autowired
    io.planwright.server.feedback.RateLimit rateLimit;

    /** A public form, as a browser without a session sends it. */
    Reply form(String method, String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (form == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    @Test
    void feedbackLinksWorkWithoutSigningInOnceForTheirPlanAndRecipientUntilTheyExpire() throws Exception {
        rateLimit.reset();
        long planId = demoPlan();
        Reply made = call("POST", "/api/v1/plans/" + planId + "/feedback-links", adminToken, "{\"itemId\":\"steerco-report\",\"stakeholderId\":\"coo\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String url = tree(made).get("url").asString();
        String path = URI.create(url).getPath();
        Reply page = form("GET", path, null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("What worries you most about the go-live?").contains("confidence");
        assertThat(form("POST", path, "confidence=9").status()).as("confidence runs 1 to 5").isEqualTo(400);
        Reply sent = form("POST", path, "confidence=2&comment=" + URLEncoder.encode("<b>late</b>", StandardCharsets.UTF_8) + "&q0=cut-over");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(form("POST", path, "confidence=5").status()).as("a link answers once").isEqualTo(409);
        assertThat(form("GET", path, null).body()).contains("answered already");
        JsonNode answers = tree(call("GET", "/api/v1/plans/" + planId + "/feedback", adminToken, null));
        assertThat(answers.toString()).contains("<b>late</b>").contains("cut-over");
        // tampered: another plan, another recipient, another purpose, a cut signature: all refused
        String token = path.substring(3);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        for (String forged : List.of(payload.replaceFirst("^\\d+", "999"), payload.replace("\ncoo\n", "\ncfo\n"), payload.replace("\nfeedback\n", "\napproval\n"))) {
            String other = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
            assertThat(form("GET", "/f/" + other, null).status()).as(forged).isEqualTo(403);
        }
        assertThat(form("POST", "/f/" + token.substring(0, token.length() - 2), "confidence=3").status()).isEqualTo(403);
        String expired = feedbackTokens.sign(planId, "steerco-report", "coo", "feedback", java.time.Instant.now().minusSeconds(1));
        assertThat(form("GET", "/f/" + expired, null).status()).isEqualTo(410);
        // the stakeholder page shows the answer, escaped; an editor sets the engagement from it
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String stakeholders = owner.send("GET", "/plans/" + planId + "/stakeholders", null, null).body();
        assertThat(stakeholders).contains("&lt;b&gt;late&lt;/b&gt;").doesNotContain("<b>late</b>").contains("feedback-link-form");
        Reply set = call("POST", "/api/v1/plans/" + planId + "/feedback/coo/engagement", adminToken, null, "If-Match", etagOf(planId));
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(tree(call("GET", "/api/v1/plans/" + planId + "/stakeholders/coo", adminToken, null)).get("currentEngagement").asString())
                .isIn("RESISTANT", "NEUTRAL");
        // rate limit: the public forms answer 429 with Retry-After past the burst
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = form("GET", "/f/nonsense", null).status();
        }
        assertThat(status).isEqualTo(429);
        rateLimit.reset();
    }

    @Test
    void approvalsAreAskedOfTheApproversDecidedOnceAndKeptInTheHistory() throws Exception {
        rateLimit.reset();
        long planId = demoPlan();
        String claudia = newStakeholderToken(planId, "cfo");
        Reply asked = call("POST", "/api/v1/plans/" + planId + "/approvals", adminToken, "{\"itemId\":\"blueprint\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode request = tree(asked).get(0);
        assertThat(request.get("approver").asString()).as("the Accountable by default").isEqualTo("cfo");
        assertThat(call("POST", "/api/v1/plans/" + planId + "/approvals", adminToken, "{\"itemId\":\"configured-system\"}").status())
                .as("it needs no approval").isEqualTo(400);
        assertThat(tree(call("GET", "/api/v1/plans/" + planId + "/approvals/waiting", claudia, null)).toString()).contains("blueprint");
        String other = newStakeholderToken(planId, "coo");
        long id = request.get("approvalId").asLong();
        assertThat(call("POST", "/api/v1/plans/" + planId + "/approvals/" + id + "/approve", other, "{}").status()).as("not theirs").isEqualTo(403);
        Reply approved = call("POST", "/api/v1/plans/" + planId + "/approvals/" + id + "/approve", claudia, "{\"comment\":\"fine by me\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/plans/" + planId + "/approvals/" + id + "/reject", claudia, "{}").status()).isEqualTo(409);
        JsonNode items = tree(call("GET", "/api/v1/plans/" + planId + "/sign-off", claudia, null));
        assertThat(items.toString()).contains("\"id\":\"blueprint\"").contains("\"state\":\"accepted\"");
        assertThat(call("GET", "/api/v1/plans/" + planId + "/history", adminToken, null).body()).contains("approved by Claudia Roth-Berger");
        // by link, without an account: once
        String link = tree(call("POST", "/api/v1/plans/" + planId + "/approvals", adminToken, "{\"itemId\":\"blueprint\"}")).get(0).get("link").asString();
        String path = URI.create(link).getPath();
        assertThat(form("GET", path, null).body()).contains("Approve").contains("Reject");
        assertThat(form("POST", path, "decision=reject&comment=gap+list+open").status()).isEqualTo(200);
        assertThat(form("POST", path, "decision=approve").status()).as("a link answers once").isEqualTo(409);
        assertThat(tree(call("GET", "/api/v1/plans/" + planId + "/approvals/waiting", adminToken, null)).toString()).doesNotContain("blueprint");
        assertThat(tree(call("GET", "/api/v1/plans/" + planId + "/sign-off", adminToken, null)).toString()).contains("\"state\":\"rejected\"");
        assertThat(tree(call("GET", "/api/v1/notifications", claudia, null)).toString()).contains("Your approval is asked");
        // a stakeholder member sees the dashboard, status and sign-off pages, and no other
        assertThat(call("GET", "/api/v1/plans/" + planId + "/schedule", claudia, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/plans/" + planId, claudia, null).status()).isEqualTo(403);
        // and the status reports
        Reply report = call("GET", "/api/v1/plans/" + planId + "/report?format=md&audience=sponsor", claudia, null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("## Summary");
    }

    String etagOf(long planId) throws Exception {
        return "\"" + tree(call("GET", "/api/v1/plans/" + planId, adminToken, null)).get("revision").asLong() + "\"";
    }

    static String csrfOf(Session session, String page) throws Exception {
        String body = session.send("GET", page, null, null).body();
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void repeatedLoginFailuresLockTheNameEvenForTheRightPassword() throws Exception {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "the right password", false).orElseThrow();
        String right = "Basic " + Base64.getEncoder().encodeToString((name + ":the right password").getBytes(StandardCharsets.UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString((name + ":a wrong password").getBytes(StandardCharsets.UTF_8));
        assertThat(call("GET", "/api/v1/me", null, null, "Authorization", right).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Reply r = call("GET", "/api/v1/me", null, null, "Authorization", wrong);
            assertThat(r.status()).isEqualTo(401);
        }
        Reply locked = call("GET", "/api/v1/me", null, null, "Authorization", right);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).contains("too many failed logins");
        Session form = new Session();
        assertThat(form.signIn(name, "the right password")).as("the form login is locked too").endsWith("/login?error");
    }

    @Test
    void guessesOfTheCurrentPasswordCountWithTheLoginThrottle() throws Exception {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        Account user = accounts.create(name, "the right password", false).orElseThrow();
        String token = accounts.createToken(user.id(), "stolen");
        for (int i = 0; i < 5; i++) {
            Reply r = call("PUT", "/api/v1/me/password", token, "{\"current\":\"guess " + i + "\",\"password\":\"a new password of mine\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(403);
        }
        Reply locked = call("PUT", "/api/v1/me/password", token, "{\"current\":\"the right password\",\"password\":\"a new password of mine\"}");
        assertThat(locked.status()).as("locked, even for the right password").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("too many wrong passwords");
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":the right password").getBytes(StandardCharsets.UTF_8));
        assertThat(call("GET", "/api/v1/me", null, null, "Authorization", basic).status()).as("and the login is locked too").isEqualTo(401);
        assertThat(accounts.find(name).orElseThrow().getPassword()).as("the password is unchanged")
                .isEqualTo(user.getPassword());
    }

    @Test
    void aSignedInPageSessionNeedsTheCsrfTokenToChangeAnything() throws Exception {
        Session session = new Session();
        assertThat(session.signIn("admin", "an admin password for tests")).doesNotContain("error");
        HttpResponse<String> without = session.send("POST", "/api/v1/tokens", "{\"name\":\"x\"}", null);
        assertThat(without.statusCode()).isEqualTo(403);
        HttpResponse<String> with = session.send("POST", "/api/v1/tokens", "{\"name\":\"x\"}", session.csrf());
        assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
        HttpResponse<String> read = session.send("GET", "/api/v1/me", null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(read.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(read.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(read.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    /** A browser-like client: cookies, no redirects followed, the login form's CSRF token. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(String method, String path, String body, String csrf) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
            }
            if (csrf != null) {
                b.header("X-CSRF-TOKEN", csrf);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            described(method, path, r);
            return r;
        }

        String csrf() throws Exception {
            String page = send("GET", "/login", null, null).body();
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as(page).isTrue();
            return m.group(1);
        }

        /** Signs in through the form and answers where the browser is sent next. */
        String signIn(String user, String password) throws Exception {
            String token = csrf();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> r = send("POST", "/login", form, null);
            assertThat(r.statusCode()).isEqualTo(302);
            return r.headers().firstValue("Location").orElseThrow();
        }
    }

    /**
     * A date alone in a finish, deadline, actual finish or status date means the end of that day: the
     * API, the problems, the exports and the pages give the date the plan gives (the ERP demo's status
     * date is 2026-03-13, 'contract' finished on 2026-01-13), and a date written back reads the same.
     */
    @Test
    void everyFaceShowsAnEndOfDayAsThatDay() throws Exception {
        long demo = demoPlan();
        JsonNode settings = tree(call("GET", "/api/v1/plans/" + demo, adminToken, null)).get("settings");
        assertThat(settings.get("statusDate").asString()).isEqualTo("2026-03-13");
        JsonNode contract = tree(call("GET", "/api/v1/plans/" + demo + "/tasks/contract", adminToken, null));
        assertThat(contract.get("actualFinish").asString()).isEqualTo("2026-01-13");
        Session owner = new Session();
        owner.signIn("admin", "an admin password for tests");
        String dashboard = owner.send("GET", "/plans/" + demo, null, null).body();
        assertThat(dashboard).contains(">2026-03-13<").doesNotContain(">2026-03-14<");

        long id = createPlan("Dates");
        Reply created = call("POST", "/api/v1/plans/" + id + "/tasks", adminToken,
                "{\"id\":\"build\",\"name\":\"Build\",\"duration\":\"10d\",\"deadline\":\"2026-03-11\",\"constraint\":{\"type\":\"FNLT\",\"date\":\"2026-03-20\"}}",
                "If-Match", etagOf(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode build = tree(call("GET", "/api/v1/plans/" + id + "/tasks/build", adminToken, null));
        assertThat(build.get("deadline").asString()).isEqualTo("2026-03-11");
        assertThat(build.get("constraint").get("date").asString()).isEqualTo("2026-03-20");
        String problems = call("GET", "/api/v1/plans/" + id + "/problems", adminToken, null).body();
        assertThat(problems).contains("its deadline Wed 2026-03-11 17:00").doesNotContain("2026-03-12");
        String ics = call("GET", "/api/v1/plans/" + id + "/export?format=ics", adminToken, null).body();
        assertThat(ics).contains("DTSTART;VALUE=DATE:20260311").doesNotContain("DTSTART;VALUE=DATE:20260312");
    }

    long createPlan(String name) throws Exception {
        Reply r = call("POST", "/api/v1/plans", adminToken, "{\"name\":\"" + name + "\",\"start\":\"2026-03-02T08:00\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return tree(r).get("id").asLong();
    }
}
