package io.planwright.formats.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document tree that remembers where each element stood in its file: the common shape of YAML and
 * JSON, so that one mapper serves both and every problem can name its line and column.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Location location();

    /** What a mapping, list or scalar is called in messages. */
    String kind();

    /** A key of a mapping, with where it stands. */
    record Key(String text, Location location) {
    }

    record Entry(Key key, Node value) {
    }

    /** A mapping with its entries in file order (duplicates kept, so that they can be reported). */
    record MapNode(List<Entry> entries, Location location, boolean flow) implements Node {

        public MapNode {
            entries = List.copyOf(entries);
        }

        public MapNode(List<Entry> entries, Location location) {
            this(entries, location, false);
        }

        public Optional<Node> get(String key) {
            for (Entry e : entries) {
                if (e.key().text().equals(key)) {
                    return Optional.of(e.value());
                }
            }
            return Optional.empty();
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds mappings for writing, where locations do not matter. */
        public static final class Builder {
            private final List<Entry> entries = new ArrayList<>();
            private boolean flow;

            /** Asks writers to put this mapping on one line when it fits. */
            public Builder flow() {
                this.flow = true;
                return this;
            }

            public Builder put(String key, Node value) {
                if (value != null) {
                    entries.add(new Entry(new Key(key, Location.START), value));
                }
                return this;
            }

            public Builder put(String key, String value) {
                return value == null ? this : put(key, ScalarNode.string(value));
            }

            public boolean isEmpty() {
                return entries.isEmpty();
            }

            public MapNode build() {
                return new MapNode(entries, Location.START, flow);
            }
        }
    }

    record ListNode(List<Node> items, Location location, boolean flow) implements Node {

        public ListNode {
            items = List.copyOf(items);
        }

        public ListNode(List<Node> items, Location location) {
            this(items, location, false);
        }

        public static ListNode of(List<Node> items) {
            return new ListNode(items, Location.START, false);
        }

        /** A list writers put on one line when it fits. */
        public static ListNode flowOf(List<Node> items) {
            return new ListNode(items, Location.START, true);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code type} tells how the file typed it: a quoted string, a plain word, a
     * number, a boolean or null. Mappers read {@code text} according to the field they fill.
     */
    record ScalarNode(String text, Type type, Location location) implements Node {

        public enum Type {
            STRING,
            PLAIN,
            NUMBER,
            BOOLEAN,
            NULL
        }

        public static ScalarNode string(String text) {
            return new ScalarNode(text, Type.STRING, Location.START);
        }

        /** Text written without quotes when YAML allows (dates, durations, symbols). */
        public static ScalarNode plain(String text) {
            return new ScalarNode(text, Type.PLAIN, Location.START);
        }

        public static ScalarNode number(String text) {
            return new ScalarNode(text, Type.NUMBER, Location.START);
        }

        public static ScalarNode bool(boolean value) {
            return new ScalarNode(Boolean.toString(value), Type.BOOLEAN, Location.START);
        }

        public boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kind() {
            return isNull() ? "nothing" : "a value";
        }
    }
}
