package io.planwright.server.system;

import io.planwright.server.plans.PlanController;
import io.planwright.server.plans.Section;
import io.planwright.server.plans.SectionController;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the OpenAPI description say what the API does: each operation's success status (201 for what is
 * created, 204 for what answers nothing), every error status it can answer (as problem details), the
 * If-Match header where a change needs one, and the true media types and shapes of the answers that are
 * not plain records (the plan file, the schedule, the simulation, exports). The API tests hold every
 * answer against this description, so that it stays exact.
 */
@Component
public class ApiDescription implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "application/problem+json";

    /** Operations (by handler name) that answer 201 Created. */
    private static final Set<String> CREATED = Set.of("create", "importFile", "createToken", "createUser");

    /** Operations that answer 204 No Content. */
    private static final Set<String> NO_CONTENT = Set.of("delete", "removeMember", "changePassword", "revokeToken", "undo", "discard",
            "engagementFromFeedback");

    private static final Map<Integer, String> WHY = Map.ofEntries(
            Map.entry(304, "not modified since the revision in If-None-Match"),
            Map.entry(400, "a bad request: malformed JSON or query string, an unknown field, a bad value (errors name the field)"),
            Map.entry(401, "not signed in: no or an invalid API token, or wrong credentials"),
            Map.entry(403, "not allowed: a viewer changing, a contributor changing anything but their own progress (or reporting on a task not"
                    + " assigned to their resource, or not linked to one), a non-owner managing members or deleting, no CSRF token on a session"),
            Map.entry(404, "no such plan or entry, or not one the caller may see"),
            Map.entry(409, "a conflict: the plan changed since the If-Match revision (currentRevision, current), the entry exists already,"
                    + " or an update was decided already"),
            Map.entry(412, "If-Match holds a weak entity tag; a change needs the strong one, such as \"12\""),
            Map.entry(413, "the request body is larger than the server takes"),
            Map.entry(415, "the body's media type is not one this operation takes"),
            Map.entry(422, "the change would give the plan errors (errors with the path of each); nothing was changed"),
            Map.entry(428, "If-Match is missing: a change names the revision it is based on"),
            Map.entry(429, "too many wrong passwords; try again after Retry-After seconds"));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        if (mapping == null) {
            return operation;
        }
        String path = (type == null || type.path().length == 0 ? "" : type.path()[0]) + (mapping.path().length == 0 ? "" : mapping.path()[0]);
        if (!path.startsWith("/api/")) {
            return operation;
        }
        String name = method.getName();
        operation.setOperationId(operationId(handler.getBeanType(), path, name));
        operation.setTags(List.of(tag(handler.getBeanType(), path)));
        boolean reads = mapping.method().length == 0 || mapping.method()[0] == RequestMethod.GET;
        boolean ifMatch = false;
        boolean body = false;
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            RequestHeader header = p.getAnnotation(RequestHeader.class);
            ifMatch |= header != null && HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name());
            body |= p.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class);
        }
        boolean takesAnything = List.of(mapping.consumes()).contains(org.springframework.http.MediaType.ALL_VALUE);

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse ok = responses.remove("200");
        if (ok == null) {
            ok = new ApiResponse();
        }
        ApiResponses out = new ApiResponses();
        if (CREATED.contains(name)) {
            out.addApiResponse("201", ok.description("created"));
        } else if (NO_CONTENT.contains(name)) {
            out.addApiResponse("204", new ApiResponse().description("done; no body"));
        } else {
            out.addApiResponse("200", ok.description("OK"));
        }
        Set<Integer> errors = new TreeSet<>(List.of(400, 401));
        if (body) {
            errors.add(413);
            if (!takesAnything) {
                errors.add(415);
            }
        }
        if (!reads) {
            errors.add(403); // from a signed-in page's session, a change without its CSRF token
        }
        if (path.contains("{planId}")) {
            errors.add(404);
            errors.add(403); // a plan's stakeholder members read only what is theirs (the sign-off, the dashboard and status pages)
        }
        if (ifMatch) {
            errors.addAll(List.of(409, 412, 422, 428));
        }
        switch (name) {
            case "create", "importFile", "export", "exportLosses" -> errors.add(422);
            case "setMember", "removeMember" -> errors.addAll(List.of(404, 409));
            case "myWork", "listUpdates" -> errors.add(403);
            case "acceptUpdate", "acceptUpdates" -> errors.addAll(List.of(404, 409, 422));
            case "rejectUpdate", "rejectUpdates" -> errors.addAll(List.of(404, 409));
            case "approve", "reject", "engagementFromFeedback", "decide", "apply" -> errors.addAll(List.of(404, 409));
            case "requestApproval", "createLink" -> errors.add(404);
            case "changePassword" -> errors.addAll(List.of(403, 429));
            case "users" -> errors.add(403);
            case "createUser" -> errors.addAll(List.of(403, 409));
            case "revokeToken", "read" -> errors.add(404);
            case "schedule" -> out.addApiResponse("304", new ApiResponse().description(WHY.get(304)));
            default -> {
            }
        }
        for (int code : errors) {
            out.addApiResponse(Integer.toString(code), new ApiResponse().description(WHY.get(code))
                    .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
        operation.setResponses(out);
        if (ifMatch && operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if ("header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName())) {
                    p.required(true).description("the revision this change is based on: the ETag of what was read, such as \"12\"")
                            .schema(new StringSchema().example("\"12\""));
                }
            }
        }
        trueContent(name, operation, out);
        formats(name, operation);
        headers(name, ifMatch, out);
        return operation;
    }

    /** The values a format parameter takes (case does not matter). */
    private static void formats(String name, Operation operation) {
        List<String> values = switch (name) {
            case "document", "atRevision", "replaceDocument" -> List.of("yaml", "yml", "json");
            case "schedule" -> List.of("json", "csv");
            default -> null;
        };
        if (values == null || operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if ("query".equals(p.getIn()) && "format".equals(p.getName())) {
                StringSchema schema = new StringSchema();
                schema.setEnum(values);
                schema.setDefault(values.get(0));
                p.schema(schema);
            }
        }
    }

    /** The headers of a successful answer: the revision it shows or made, where a new thing is. */
    private static void headers(String name, boolean ifMatch, ApiResponses out) {
        ApiResponse success = out.get("201") != null ? out.get("201") : out.get("200") != null ? out.get("200") : out.get("204");
        if (ifMatch) {
            success.addHeaderObject(HttpHeaders.ETAG, new io.swagger.v3.oas.models.headers.Header()
                    .description("the plan's new revision, when this change was based on the one before it (else read the plan for it)")
                    .schema(new StringSchema().example("\"13\"")));
            success.addHeaderObject("Planwright-Revision", new io.swagger.v3.oas.models.headers.Header()
                    .description("the plan's revision after this change").schema(new IntegerSchema().format("int64")));
        }
        if (CREATED.contains(name) && !name.equals("createToken") && !name.equals("createUser")) {
            success.addHeaderObject(HttpHeaders.LOCATION, new io.swagger.v3.oas.models.headers.Header().description("the address of what was created")
                    .schema(new StringSchema()));
        }
        if (name.equals("changePassword") && out.get("429") != null) {
            out.get("429").addHeaderObject(HttpHeaders.RETRY_AFTER, new io.swagger.v3.oas.models.headers.Header()
                    .description("seconds until the name may try again").schema(new IntegerSchema()));
        }
    }

    /**
     * A stable, readable name for each operation, which generated clients take as method names: the
     * collections' own (listTasks, createTask, patchRisk, ...), the plans' (listPlans, createPlan, ...),
     * and otherwise the handler's name.
     */
    static String operationId(Class<?> controller, String path, String name) {
        if (SectionController.class.isAssignableFrom(controller)) {
            String collection = path.replaceAll("^/api/v1/plans/\\{planId}/([a-z]+).*$", "$1");
            String kind = Section.byPath(collection).map(Section::kind).orElse(collection);
            String one = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            String all = Character.toUpperCase(collection.charAt(0)) + collection.substring(1);
            return name.equals("list") ? "list" + all : name + one;
        }
        if (controller == PlanController.class && Set.of("list", "create", "read", "delete").contains(name)) {
            return name + (name.equals("list") ? "Plans" : "Plan");
        }
        return name;
    }

    /** The group of an operation, which generated clients make one class of: plans, accounts, or the collection. */
    static String tag(Class<?> controller, String path) {
        if (SectionController.class.isAssignableFrom(controller)) {
            return path.replaceAll("^/api/v1/plans/\\{planId}/([a-z]+).*$", "$1");
        }
        return controller.getPackageName().endsWith(".accounts") ? "accounts" : "plans";
    }

    /** The answers (and bodies) that are not the JSON of a record. */
    private static void trueContent(String name, Operation operation, ApiResponses out) {
        switch (name) {
            case "document", "atRevision" -> out.get("200").content(new Content()
                    .addMediaType("application/yaml", new MediaType().schema(new StringSchema().description("the plan file, YAML")))
                    .addMediaType("application/json", new MediaType().schema(ref("PlanFile"))));
            case "schedule" -> out.get("200").content(new Content()
                    .addMediaType("application/json", new MediaType().schema(ref("Schedule")))
                    .addMediaType("text/csv", new MediaType().schema(new StringSchema().description("one row per task, the CLI's CSV"))));
            case "simulate" -> out.get("200").content(new Content().addMediaType("application/json", new MediaType().schema(ref("Simulation"))));
            case "export" -> out.get("200").content(new Content().addMediaType("application/octet-stream",
                    new MediaType().schema(new StringSchema().format("binary").description("the file, in the format asked for"))));
            case "report" -> out.get("200").content(new Content()
                    .addMediaType("text/html", new MediaType().schema(new StringSchema().description("the status report as a web page")))
                    .addMediaType("application/pdf", new MediaType().schema(new StringSchema().format("binary").description("the status report, A4")))
                    .addMediaType("text/markdown", new MediaType().schema(new StringSchema().description("the status report as Markdown"))));
            case "importFile" -> operation.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/octet-stream",
                    new MediaType().schema(new StringSchema().format("binary").description("the file as it is; its format comes from filename")))));
            case "replaceDocument" -> operation.requestBody(new RequestBody().required(true).content(new Content()
                    .addMediaType("application/yaml", new MediaType().schema(new StringSchema().description("a plan file, YAML")))
                    .addMediaType("application/json", new MediaType().schema(ref("PlanFile")))));
            default -> {
            }
        }
    }

    private static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        Map<String, Schema> schemas = components.getSchemas() == null ? new TreeMap<>() : components.getSchemas();
        components.schemas(schemas);
        schemas.put("Problem", new ObjectSchema().description("an RFC 9457 problem detail")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema()).addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema()).addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().description("a field (field, message) or a plan problem (field, code, message) or a file problem (text)")))
                .addProperty("currentRevision", new IntegerSchema().format("int64").description("409: the plan's revision now"))
                .addProperty("current", new Schema<>().description("409: the entry as it is now (null when it is gone)"))
                .required(List.of("title", "status")));
        schemas.put("PlanFile", new ObjectSchema().description("the whole plan as a plan file in JSON (see docs/plan-format.md and docs/plan.schema.json)")
                .addProperty("planwright", new IntegerSchema()).addProperty("plan", new ObjectSchema()).required(List.of("planwright", "plan")));
        schemas.put("Schedule", new ObjectSchema().description("the computed schedule: the plan's dates, counts and critical path, and one row per task "
                        + "(with since=REVISION only the rows that changed, and the ids of those removed)")
                .addProperty("revision", new IntegerSchema().format("int64")).addProperty("since", new IntegerSchema().format("int64"))
                .addProperty("complete", new BooleanSchema())
                .addProperty("tasks", new ArraySchema().items(new ObjectSchema().addProperty("id", new StringSchema())
                        .addProperty("percentComplete", new NumberSchema().description("progress, 0 to 100"))
                        .addProperty("actualStart", new StringSchema().description("the actual start as the schedule holds it; absent when not started"))
                        .addProperty("actualFinish", new StringSchema().description("the actual finish as the schedule holds it; absent when not finished"))
                        .addProperty("baselineStart", new StringSchema().description("the start in the main baseline; absent without one"))
                        .addProperty("baselineFinish", new StringSchema().description("the finish in the main baseline; absent without one"))
                        .addProperty("finishVarianceHours", new NumberSchema().description("the finish against the main baseline in working hours of the task's calendar, positive when later"))
                        .addProperty("workHours", new NumberSchema().description("hours of work of its work resources (a summary: its tasks')"))
                        .addProperty("cost", new NumberSchema().description("the forecast cost in the plan's currency (a summary: its tasks')"))
                        .addProperty("actualCost", new NumberSchema().description("what the work done cost (a summary: its tasks')"))
                        .required(List.of("id"))))
                .addProperty("removed", new ArraySchema().items(new StringSchema()))
                .required(List.of("tasks")));
        schemas.put("Simulation", new ObjectSchema().description("the risk analysis: the JSON of `planwright simulate`, with histogram, revision and names")
                .addProperty("iterations", new IntegerSchema()).addProperty("revision", new IntegerSchema().format("int64"))
                .addProperty("histogram", new ObjectSchema()).addProperty("names", new ObjectSchema().additionalProperties(new StringSchema()))
                .required(List.of("iterations")));
        // entries are found by their id: it is always there
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            Map<String, Schema> properties = e.getValue().getProperties();
            if (properties != null && properties.containsKey("id") && !e.getKey().equals("Problem")) {
                List<String> required = new ArrayList<>(e.getValue().getRequired() == null ? List.of() : e.getValue().getRequired());
                if (!required.contains("id")) {
                    required.add("id");
                }
                e.getValue().required(required);
            }
        }
    }
}
