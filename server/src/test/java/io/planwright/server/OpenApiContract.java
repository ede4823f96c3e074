package io.planwright.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's published OpenAPI description as the contract of every answer: the operation is described,
 * the status is one of its documented responses, the body has a documented media type, and a JSON body
 * matches the documented schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final List<Template> templates = new ArrayList<>();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern regex, int variables) {
    }

    /** The description, refused when swagger-parser finds it invalid. */
    OpenApiContract(String description) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(description, null, options);
        if (parsed.getOpenAPI() == null || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new AssertionError("the OpenAPI description is not valid: " + parsed.getMessages());
        }
        try {
            this.doc = JSON.readTree(description);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), (int) path.chars().filter(c -> c == '{').count()));
        }
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    JsonNode document() {
        return doc;
    }

    /** The described path an address falls under: the one with the fewest variables (/plans/import before /plans/{planId}). */
    Optional<String> template(String address) {
        String path = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        return templates.stream().filter(t -> t.regex().matcher(path).matches()).map(Template::path).findFirst();
    }

    /** The ways in which an answer is outside the description (none when it is inside). */
    List<String> violations(String method, String address, int status, String contentType, String body) {
        List<String> out = new ArrayList<>();
        String what = method + " " + address + " -> " + status;
        Optional<String> path = template(address);
        if (path.isEmpty()) {
            out.add(what + ": the path is not in the description");
            return out;
        }
        JsonNode operation = doc.get("paths").get(path.get()).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            if (status == 405) {
                return out; // a method the path does not have
            }
            out.add(what + ": " + method + " " + path.get() + " is not in the description");
            return out;
        }
        JsonNode response = operation.get("responses").get(Integer.toString(status));
        if (response == null) {
            out.add(what + ": status " + status + " is not documented for " + method + " " + path.get() + " (documented: "
                    + names(operation.get("responses")) + ")");
            return out;
        }
        if (body == null || body.isEmpty()) {
            return out;
        }
        JsonNode content = response.get("content");
        if (content == null) {
            out.add(what + ": a body, but none is documented");
            return out;
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(type);
        if (media == null) {
            out.add(what + ": the body is " + type + ", documented are " + names(content));
            return out;
        }
        if (!(type.equals("application/json") || type.endsWith("+json")) || media.get("schema") == null) {
            return out;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (Exception e) {
            out.add(what + ": the body is not JSON although it says " + type);
            return out;
        }
        String key = path.get() + " " + method + " " + status + " " + type;
        JsonSchema schema = compiled.computeIfAbsent(key, k -> {
            ObjectNode root = ((ObjectNode) media.get("schema")).deepCopy();
            root.set("components", doc.get("components"));
            return schemas.getSchema(root);
        });
        Set<ValidationMessage> errors = schema.validate(value);
        for (ValidationMessage m : errors) {
            out.add(what + ": " + m.getMessage());
        }
        return out;
    }

    private static String names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return String.join(", ", out);
    }
}
