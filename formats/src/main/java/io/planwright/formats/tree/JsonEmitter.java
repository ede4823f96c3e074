package io.planwright.formats.tree;

/** Writes a {@link Node} tree as JSON with two-space indentation; short flow containers stay on one line. */
public final class JsonEmitter {

    private static final int WIDTH = 100;
    private final StringBuilder out = new StringBuilder();

    private JsonEmitter() {
    }

    public static String write(Node root) {
        JsonEmitter e = new JsonEmitter();
        e.value(root, 0, 0);
        e.out.append('\n');
        return e.out.toString();
    }

    /** The same JSON without any whitespace: for machines, about a third smaller and faster to write. */
    public static String compact(Node root) {
        StringBuilder out = new StringBuilder(1 << 16);
        compact(root, out);
        return out.toString();
    }

    /** Appends the compact JSON of {@code v} to {@code out}. */
    public static void compact(Node v, StringBuilder out) {
        if (v instanceof Node.MapNode map) {
            out.append('{');
            for (int i = 0; i < map.entries().size(); i++) {
                Node.Entry e = map.entries().get(i);
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, e.key().text());
                out.append(':');
                compact(e.value(), out);
            }
            out.append('}');
        } else if (v instanceof Node.ListNode list) {
            out.append('[');
            for (int i = 0; i < list.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                compact(list.items().get(i), out);
            }
            out.append(']');
        } else {
            Node.ScalarNode scalar = (Node.ScalarNode) v;
            if (scalar.type() == Node.ScalarNode.Type.STRING) {
                appendString(out, scalar.text());
            } else if (scalar.type() == Node.ScalarNode.Type.NUMBER && plainInteger(scalar.text())) {
                out.append(scalar.text());
            } else {
                out.append(scalar(scalar));
            }
        }
    }

    /** Digits with an optional minus and no leading zero: a JSON number as it is. */
    private static boolean plainInteger(String t) {
        int i = t.startsWith("-") ? 1 : 0;
        if (i >= t.length() || t.length() - i > 1 && t.charAt(i) == '0') {
            return false;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A JSON string appended to {@code out}: as {@link #quoted}, straight into the output when nothing needs escaping. */
    public static void appendString(StringBuilder out, String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff')) {
                out.append(quoted(t));
                return;
            }
        }
        out.append('"').append(t).append('"');
    }

    private void value(Node v, int indent, int column) {
        if (v instanceof Node.MapNode map) {
            if (map.entries().isEmpty()) {
                out.append("{}");
                return;
            }
            if (map.flow()) {
                String inline = inline(v);
                if (inline != null && column + inline.length() <= WIDTH) {
                    out.append(inline);
                    return;
                }
            }
            out.append("{\n");
            for (int i = 0; i < map.entries().size(); i++) {
                Node.Entry e = map.entries().get(i);
                String k = string(e.key().text()) + ": ";
                out.append(" ".repeat(indent + 2)).append(k);
                value(e.value(), indent + 2, indent + 2 + k.length());
                out.append(i + 1 < map.entries().size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append('}');
        } else if (v instanceof Node.ListNode list) {
            if (list.items().isEmpty()) {
                out.append("[]");
                return;
            }
            if (list.flow()) {
                String inline = inline(v);
                if (inline != null && column + inline.length() <= WIDTH) {
                    out.append(inline);
                    return;
                }
            }
            out.append("[\n");
            for (int i = 0; i < list.items().size(); i++) {
                out.append(" ".repeat(indent + 2));
                value(list.items().get(i), indent + 2, indent + 2);
                out.append(i + 1 < list.items().size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append(']');
        } else {
            out.append(scalar((Node.ScalarNode) v));
        }
    }

    /** One-line form of a container of scalars, or null if it holds containers. */
    private static String inline(Node v) {
        StringBuilder b = new StringBuilder();
        if (v instanceof Node.MapNode map) {
            b.append('{');
            for (int i = 0; i < map.entries().size(); i++) {
                Node.Entry e = map.entries().get(i);
                if (!(e.value() instanceof Node.ScalarNode s)) {
                    return null;
                }
                b.append(i == 0 ? "" : ", ").append(string(e.key().text())).append(": ").append(scalar(s));
            }
            return b.append('}').toString();
        }
        Node.ListNode list = (Node.ListNode) v;
        b.append('[');
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Node.ScalarNode s)) {
                return null;
            }
            b.append(i == 0 ? "" : ", ").append(scalar(s));
        }
        return b.append(']').toString();
    }

    private static final java.util.regex.Pattern JSON_NUMBER = java.util.regex.Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    /** Only what JSON can hold as it is: a YAML 1.1 {@code off} or {@code 0x1F} becomes a string. */
    private static String scalar(Node.ScalarNode s) {
        return switch (s.type()) {
            case NUMBER -> JSON_NUMBER.matcher(s.text()).matches() ? s.text() : string(s.text());
            case BOOLEAN -> s.text().equals("true") || s.text().equals("false") ? s.text() : string(s.text());
            case NULL -> "null";
            default -> string(s.text());
        };
    }

    public static String string(String t) {
        return quoted(t);
    }

    /**
     * A double-quoted string with JSON's escapes, which YAML's double-quoted style shares; control
     * characters, line and paragraph separators and byte-order marks as {@code \\uXXXX}.
     */
    static String quoted(String t) {
        StringBuilder b = new StringBuilder(t.length() + 2).append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
