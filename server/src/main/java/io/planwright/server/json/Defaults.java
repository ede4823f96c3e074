package io.planwright.server.json;

import io.planwright.core.model.Resource;
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
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The plan file's kebab-case names read as the API's, and fields a client may leave out take the model's own defaults, as in the plan file: a task's priority
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
        if (!type.isRecord() || !type.getPackageName().startsWith("io.planwright.")
                || !(deserializer instanceof tools.jackson.databind.deser.bean.BeanDeserializerBase)) {
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
     * The plan file's own spelling of a field, kebab-case ({@code actual-start}, {@code max-units}), read
     * as the API's ({@code actualStart}) when that is a field of the entry and not given as well.
     */
    static void planFileNames(ObjectNode node, Set<String> components) {
        List<String> kebab = new ArrayList<>();
        for (String name : node.propertyNames()) {
            if (name.indexOf('-') > 0 && !components.contains(name)) {
                kebab.add(name);
            }
        }
        for (String name : kebab) {
            String camel = camel(name);
            if (components.contains(camel) && !node.has(camel)) {
                node.set(camel, node.remove(name));
            }
        }
    }

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
