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

import java.util.Map;
import java.util.function.Consumer;

/**
 * Fields a client may leave out take the model's own defaults, as in the plan file: a task's priority
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
        Consumer<ObjectNode> fill = FILL.get(description.getBeanClass());
        return fill == null ? deserializer : new Filling(deserializer, fill);
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
