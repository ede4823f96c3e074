package io.planwright.server.json;

import io.planwright.core.model.Link;
import io.planwright.core.model.Resource;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.core.model.Task;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The plan file's names read as the API's (kebab-case, {@code calendar} for {@code calendarId}, a task's
 * {@code after} shorthand for its links), and fields a client may leave out take the model's own defaults, as in the plan file: a task's priority
 * is 500 (MS Project's), a resource's maximum units 1.0. Without this, an absent number would be 0.
 */
final class Defaults extends ValueDeserializerModifier {

    private static final Map<Class<?>, Consumer<ObjectNode>> FILL = Map.of(
            Task.class, node -> {
                if (!node.has("priority")) {
                    node.put("priority", Task.DEFAULT_PRIORITY);
                }
            },
            Resource.class, node -> {
                if (!node.has("maxUnits")) {
                    node.put("maxUnits", 1.0);
                }
            });

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                   ValueDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (!type.isRecord() || !(deserializer instanceof tools.jackson.databind.deser.bean.BeanDeserializerBase) || !isBody(type)) {
            return deserializer;
        }
        Consumer<ObjectNode> fill = FILL.getOrDefault(type, node -> { });
        Set<String> components = new HashSet<>();
        for (var c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        return new Filling(deserializer, node -> {
            planFileNames(node, components);
            fill.accept(node);
        });
    }

    /**
     * The records a client sends whole: the entries of a plan (they have an id), the charter, and the
     * server's own request bodies. Nested values (links, assignments) are left to their plain reading, so
     * that reading a stored plan does not read each of them twice.
     */
    static boolean isBody(Class<?> type) {
        if (type.getPackageName().startsWith("io.planwright.server") || type == io.planwright.core.model.Charter.class) {
            return true;
        }
        if (!type.getPackageName().startsWith("io.planwright.")) {
            return false;
        }
        for (var c : type.getRecordComponents()) {
            if (c.getName().equals("id")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plan file's own spelling of a field, kebab-case ({@code actual-start}, {@code max-units}), read
     * as the API's ({@code actualStart}) when that is a field of the entry and not given as well.
     */
    static void planFileNames(ObjectNode node, Set<String> components) {
        List<String> other = new ArrayList<>();
        for (String name : node.propertyNames()) {
            if (!components.contains(name)) {
                other.add(name);
            }
        }
        for (String name : other) {
            String api = name.indexOf('-') > 0 ? camel(name) : SAME_VALUE.getOrDefault(name, name);
            if (!api.equals(name) && components.contains(api) && !node.has(api)) {
                node.set(api, node.remove(name));
            }
        }
        // a task's predecessors in the plan file's shorthand: after: [design, "build SS+2d", {task: x, lag: 1d}]
        if (components.contains("links") && node.has("after") && !node.has("links") && node.get("after").isArray()) {
            ArrayNode links = node.arrayNode();
            for (JsonNode item : node.get("after")) {
                if (item.isString()) {
                    Link link = PlanFileReader.linkSpec(item.asString());
                    if (link == null) {
                        return; // left as it is: refused as not a field, with the API's name to use
                    }
                    links.addObject().put("predecessorId", link.predecessorId()).put("type", link.type().name()).put("lag", link.lag().toString());
                } else if (item instanceof ObjectNode o && o.has("task")) {
                    ObjectNode l = links.addObject().put("predecessorId", o.get("task").asString());
                    l.set("type", o.has("type") ? o.get("type") : l.stringNode("FS"));
                    l.set("lag", o.has("lag") ? o.get("lag") : l.stringNode("0d"));
                } else {
                    return;
                }
            }
            node.remove("after");
            node.set("links", links);
        }
    }

    /** Plan file names of fields that hold the same value under another name in the API. */
    private static final Map<String, String> SAME_VALUE = Map.of("calendar", "calendarId", "objectives", "objectiveIds", "tasks", "taskIds",
            "base", "baseId");

    static String camel(String kebab) {
        StringBuilder b = new StringBuilder(kebab.length());
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private static final class Filling extends DelegatingDeserializer {
        private final Consumer<ObjectNode> fill;

        Filling(ValueDeserializer<?> delegate, Consumer<ObjectNode> fill) {
            super(delegate);
            this.fill = fill;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Filling(newDelegatee, fill);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.START_OBJECT)) {
                return super.deserialize(p, ctxt);
            }
            JsonNode tree = ctxt.readTree(p);
            if (tree instanceof ObjectNode node) {
                fill.accept(node);
            }
            try (JsonParser filled = tree.traverse(ctxt)) {
                filled.nextToken();
                return _delegatee.deserialize(filled, ctxt);
            }
        }
    }
}
