package io.planwright.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planwright.server.accounts.Account;
import io.planwright.server.accounts.Accounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests generated from the published OpenAPI description, valid and invalid, to every operation:
 * path variables that exist and that do not, query parameters right, wrong and missing, If-Match current,
 * stale, weak, garbage or missing, bodies made from the operation's schema, broken, of the wrong type or
 * missing, as the owner, a viewer or nobody. Whatever comes: never a server error, never an answer outside
 * the description, and a refused change leaves the plan at its revision (nothing half-written).
 */
class ApiPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PlanwrightServer.Running server;
    private static Path data;
    private static OpenApiContract description;
    private static List<String[]> operations;
    private static String owner;
    private static String viewer;
    private static String viewerName;
    private static long planId;
    private static final Map<String, Integer> STATUSES = new ConcurrentHashMap<>();
    /** The operations that answered at least once with success, and at all: how much of the API the tries reached. */
    private static final java.util.Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> REACHED = ConcurrentHashMap.newKeySet();

    @BeforeContainer
    static void start() throws Exception {
        data = Files.createTempDirectory("planwright-property");
        server = PlanwrightServer.start("--server.port=0", "--planwright.data=" + data, "--planwright.demo=false",
                "--PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests", "--planwright.max-request-size=64KB", "--planwright.max-tasks=200",
                "--logging.level.root=WARN");
        Accounts accounts = server.context().getBean(Accounts.class);
        Account admin = accounts.find("admin").orElseThrow();
        owner = accounts.createToken(admin.id(), "property");
        viewerName = "viewer-property";
        Account v = accounts.create(viewerName, "a viewer's long password", false).orElseThrow();
        viewer = accounts.createToken(v.id(), "property");
        description = new OpenApiContract(send("GET", "/v3/api-docs", null, null, null, null).body());
        operations = new ArrayList<>();
        JsonNode paths = description.document().get("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                operations.add(new String[] {m.next().toUpperCase(), path});
            }
        }
        operations.sort((a, b) -> (a[1] + a[0]).compareTo(b[1] + b[0]));
        newPlan();
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("ApiPropertyTest: " + operations.size() + " operations, " + REACHED.size() + " reached, " + SUCCEEDED.size()
                + " answered with success at least once; answers by status " + new TreeMap<>(STATUSES));
        server.context().close();
    }

    /** A plan with one entry in most collections and a viewer, for the requests to work on. */
    static void newPlan() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/plans", owner, "{\"name\":\"Generated\",\"start\":\"2026-03-02T08:00\"}", "application/json", null);
        planId = JSON.readTree(r.body()).get("id").asLong();
        String plan = "{\"planwright\":1,\"plan\":{\"name\":\"Generated\",\"start\":\"2026-03-02\"},"
                + "\"resources\":{\"r1\":{\"name\":\"R\"}},\"objectives\":{\"o1\":{\"name\":\"O\"}},"
                + "\"tasks\":{\"t1\":{\"name\":\"A\",\"duration\":\"2d\",\"resources\":[\"r1\"]},\"t2\":{\"name\":\"B\",\"duration\":\"1d\",\"after\":[\"t1\"]}},"
                + "\"risks\":{\"R1\":{\"title\":\"x\",\"probability\":0.2}},\"stakeholders\":{\"s1\":{\"name\":\"S\"}}}";
        HttpResponse<String> doc = send("PUT", "/api/v1/plans/" + planId + "/document?format=json", owner, plan, "application/json", revision());
        assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
        send("PUT", "/api/v1/plans/" + planId + "/members/" + viewerName, owner, "{\"role\":\"viewer\"}", "application/json", revision());
    }

    static String revision() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/plans/" + planId, owner, null, null, null);
        return r.statusCode() == 200 ? r.headers().firstValue("ETag").orElseThrow() : null;
    }

    static HttpResponse<String> send(String method, String path, String token, String body, String contentType, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One generated request: which operation, and which variant of each of its parts. */
    record Call(int operation, int pathVariant, int queryVariant, int ifMatchVariant, int bodyVariant, int caller, long seed) {
    }

    @Provide
    Arbitrary<Call> calls() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(6, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2)),
                Arbitraries.integers().between(0, 3),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2),
                        net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(1, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(4, 2),
                        net.jqwik.api.Tuple.of(4, 3), net.jqwik.api.Tuple.of(1, 4), net.jqwik.api.Tuple.of(1, 5), net.jqwik.api.Tuple.of(1, 6)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2)),
                Arbitraries.longs())
                .as(Call::new);
    }

    @Property(tries = 600, seed = "20261204", edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void anyRequestToAnyOperationIsAnsweredWithinTheDescriptionAndNeverHalfWritten(@ForAll("calls") Call call) throws Exception {
        if (revision() == null) {
            newPlan(); // a generated DELETE took the plan away
        }
        String[] operation = operations.get(call.operation() % operations.size());
        String method = operation[0];
        String template = operation[1];
        JsonNode op = description.document().get("paths").get(template).get(method.toLowerCase());
        Random random = new Random(call.seed());
        String path = path(template, call.pathVariant(), random);
        String query = query(op, call.queryVariant(), random);
        String before = revision();
        String ifMatch = switch (call.ifMatchVariant()) {
            case 0 -> before;
            case 1 -> null;
            case 2 -> "\"1\"";
            case 3 -> "W/" + before;
            default -> "soon";
        };
        String[] body = body(op, call.bodyVariant(), random);
        String token = switch (call.caller()) {
            case 0 -> owner;
            case 1 -> viewer;
            default -> null;
        };
        HttpResponse<String> r = send(method, path + query, token, body[0], body[1], ifMatch);
        REACHED.add(method + " " + template);
        if (r.statusCode() < 300) {
            SUCCEEDED.add(method + " " + template);
        }
        STATUSES.merge(r.statusCode() + (call.caller() == 0 ? "" : call.caller() == 1 ? " viewer" : " anonymous"), 1, Integer::sum);
        String what = method + " " + path + query + " (If-Match " + ifMatch + ", body " + abbreviate(body[0]) + ") -> " + r.statusCode() + " "
                + abbreviate(r.body());
        assertThat(r.statusCode()).as("no server error: " + what).isLessThan(500);
        assertThat(description.violations(method, path + query, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body()))
                .as("inside the description: " + what).isEmpty();
        if (r.statusCode() >= 400 && path.startsWith("/api/v1/plans/" + planId)) {
            assertThat(revision()).as("a refused request changes nothing: " + what).isEqualTo(before);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "none" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** The path with its variables: ones that exist (variant 0), ones that do not (1), ones that are malformed (2). */
    private static String path(String template, int variant, Random random) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        String collection = template.replaceAll(".*/plans/\\{planId}/([a-z-]+)/\\{itemId}.*", "$1");
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "planId" -> variant == 0 ? Long.toString(planId) : variant == 1 ? "999999" : "abc";
                case "itemId" -> variant == 0 ? existing(collection) : variant == 1 ? "nope" : random.nextBoolean() ? "a%2Fb" : "-lead";
                case "username" -> variant == 0 ? (random.nextBoolean() ? viewerName : "admin") : variant == 1 ? "nobody" : "x%20y";
                case "revision" -> variant == 0 ? "1" : variant == 1 ? "999999" : "x";
                default -> variant == 2 ? "x" : "999999";
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String existing(String collection) {
        return switch (collection) {
            case "tasks" -> "t1";
            case "resources" -> "r1";
            case "objectives" -> "o1";
            case "risks" -> "R1";
            case "stakeholders" -> "s1";
            default -> "none-yet";
        };
    }

    /** Query parameters: all valid (0), some missing (1), some wrong (2), an unknown one added (3). */
    private static String query(JsonNode op, int variant, Random random) {
        List<String> parts = new ArrayList<>();
        JsonNode parameters = op.get("parameters");
        if (parameters != null) {
            for (JsonNode p : parameters) {
                if (!"query".equals(p.path("in").asText())) {
                    continue;
                }
                String name = p.get("name").asText();
                boolean required = p.path("required").asBoolean();
                if (variant == 1 && random.nextBoolean()) {
                    continue;
                }
                if (!required && variant == 0 && random.nextInt(3) == 0) {
                    continue;
                }
                String value = variant == 2 && random.nextBoolean() ? wrong(random) : valid(name, random);
                parts.add(name + "=" + value);
            }
        }
        if (variant == 3) {
            parts.add("unknown=1");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String valid(String name, Random random) {
        String[] choices = switch (name) {
            case "format" -> new String[] {"json", "yaml", "csv", "xml", "ics", "xer"};
            case "filename" -> new String[] {"p.plan.yaml", "p.plan.json", "p.csv", "p.mpp"};
            case "seconds" -> new String[] {"0.05", "0.1"};
            case "iterations" -> new String[] {"50", "100"};
            case "since" -> new String[] {"1", "2", "3"};
            case "before" -> new String[] {"t1", "t2"};
            case "limit" -> new String[] {"1", "50"};
            case "items", "backward" -> new String[] {"true", "false"};
            default -> new String[] {"1", "0.5", "2"};
        };
        return choices[random.nextInt(choices.length)];
    }

    private static String wrong(Random random) {
        String[] choices = {"", "-1", "x", "99999999999999999999", "1e9", "%E2%82%AC"};
        return choices[random.nextInt(choices.length)];
    }

    /** A body and its media type: none (0), {} (1), made from the schema (2, 3), broken JSON (4), of the wrong type (5), plain text (6). */
    private static String[] body(JsonNode op, int variant, Random random) {
        JsonNode content = op.path("requestBody").path("content");
        String type = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
        JsonNode schema = content.path(type).path("schema");
        return switch (variant) {
            case 0 -> new String[] {null, null};
            case 1 -> new String[] {"{}", "application/json"};
            case 2, 3 -> {
                JsonNode made = schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : variant == 2 ? sample(schema, random, 0) : minimal(schema);
                yield new String[] {type.equals("application/json") || type.endsWith("+json") ? made.toString()
                        : made.isTextual() ? made.asText() : made.toString(), type};
            }
            case 4 -> new String[] {"{\"id\": ", "application/json"};
            case 5 -> new String[] {random.nextBoolean() ? "[1, 2]" : "{\"id\": {\"x\": 1}, \"name\": 5}", "application/json"};
            default -> new String[] {"just text", "text/plain"};
        };
    }

    /** The least valid value of an object schema: its required fields and a name, with an id of the plan file's form. */
    static JsonNode minimal(JsonNode schema) {
        if (schema.has("$ref")) {
            return minimal(description.document().at(schema.get("$ref").asText().substring(1)));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode properties = schema.path("properties");
        if (properties.has("id")) {
            out.put("id", "m" + Long.toHexString(System.nanoTime()));
        }
        for (String name : List.of("name", "title")) {
            if (properties.has(name)) {
                out.put(name, "Generated");
            }
        }
        if (properties.has("probability")) {
            out.put("probability", 0.5);
        }
        return out;
    }

    /** Ids of new entries: mostly of the plan file's form, some not (which must be refused before anything is written). */
    private static final String[] ID = {"g", "g", "g", "g", "<b>x</b>", "a/b", "../", "-lead"};

    /** A value for a schema of the description, mostly valid: required fields, some others, ids of the plan file's form. */
    static JsonNode sample(JsonNode schema, Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            return sample(description.document().at(schema.get("$ref").asText().substring(1)), random, depth);
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        if (schema.has("example") && random.nextInt(4) > 0) {
            return schema.get("example");
        }
        JsonNode typeNode = schema.path("type");
        String type = typeNode.isArray() ? typeNode.get(0).asText() : typeNode.asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode out = f.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                JsonNode properties = schema.path("properties");
                for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (required.contains(name) || depth < 2 && random.nextInt(4) == 0) {
                        out.set(name, name.equals("id") ? f.textNode(ID[random.nextInt(ID.length)] + random.nextInt(1000))
                                : sample(properties.get(name), random, depth + 1));
                    }
                }
                return out;
            }
            case "array" -> {
                ArrayNode out = f.arrayNode();
                int n = depth < 2 ? random.nextInt(3) : 0;
                for (int i = 0; i < n; i++) {
                    out.add(sample(schema.path("items"), random, depth + 1));
                }
                return out;
            }
            case "integer" -> {
                return f.numberNode(random.nextInt(5));
            }
            case "number" -> {
                return f.numberNode(random.nextInt(100) / 100.0);
            }
            case "boolean" -> {
                return f.booleanNode(random.nextBoolean());
            }
            default -> {
                if (schema.has("pattern") && schema.get("pattern").asText().startsWith("^\\d{4}")) {
                    return f.textNode("2026-03-0" + (2 + random.nextInt(5)) + "T08:00");
                }
                if ("date".equals(schema.path("format").asText())) {
                    return f.textNode("2026-03-0" + (2 + random.nextInt(5)));
                }
                String[] words = {"t1", "t2", "r1", "a name", "", "x".repeat(250)};
                return f.textNode(words[random.nextInt(words.length)]);
            }
        }
    }
}
