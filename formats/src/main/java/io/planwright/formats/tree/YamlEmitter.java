package io.planwright.formats.tree;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a {@link Node} tree as block-style YAML: two-space indentation, flow style only for
 * containers that ask for it and fit on the line, quotes only where a YAML 1.1 or 1.2 reader would
 * otherwise read something other than the text (a number, a boolean, a date, null) or get confused.
 */
public final class YamlEmitter {

    private static final int WIDTH = 100;
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_,]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

    private final StringBuilder out = new StringBuilder();

    private YamlEmitter() {
    }

    public static String write(Node root) {
        YamlEmitter e = new YamlEmitter();
        if (root instanceof Node.MapNode map && !map.entries().isEmpty()) {
            e.mapBody(map, 0);
        } else if (root instanceof Node.ListNode list && !list.items().isEmpty()) {
            e.listBody(list, 0);
        } else {
            e.out.append(e.inline(root)).append('\n');
        }
        return e.out.toString();
    }

    private void indent(int n) {
        out.append(" ".repeat(n));
    }

    private void mapBody(Node.MapNode map, int indent) {
        for (Node.Entry entry : map.entries()) {
            indent(indent);
            out.append(key(entry.key().text())).append(':');
            value(entry.value(), indent, indent + key(entry.key().text()).length() + 2);
        }
    }

    private void listBody(Node.ListNode list, int indent) {
        for (Node item : list.items()) {
            indent(indent);
            out.append("- ");
            if (item instanceof Node.MapNode map && !map.entries().isEmpty() && !fitsFlow(item, indent + 2)) {
                // first entry on the dash line, the rest aligned under it
                boolean first = true;
                for (Node.Entry entry : map.entries()) {
                    if (!first) {
                        indent(indent + 2);
                    }
                    first = false;
                    out.append(key(entry.key().text())).append(':');
                    value(entry.value(), indent + 2, indent + 2 + key(entry.key().text()).length() + 2);
                }
            } else if (item instanceof Node.ListNode inner && !inner.items().isEmpty() && !fitsFlow(item, indent + 2)) {
                out.append('\n');
                listBody(inner, indent + 2);
            } else {
                String text = inline(item);
                if (item instanceof Node.ScalarNode s && s.text().contains("\n") && blockable(s.text())) {
                    literal(s.text(), indent + 2);
                } else {
                    out.append(text).append('\n');
                }
            }
        }
    }

    /** Writes the value after "key:"; {@code column} is where an inline value would start. */
    private void value(Node v, int indent, int column) {
        if (v instanceof Node.MapNode map) {
            if (map.entries().isEmpty()) {
                out.append(" {}\n");
            } else if (map.flow() && fitsFlow(v, column)) {
                out.append(' ').append(inline(v)).append('\n');
            } else {
                out.append('\n');
                mapBody(map, indent + 2);
            }
        } else if (v instanceof Node.ListNode list) {
            if (list.items().isEmpty()) {
                out.append(" []\n");
            } else if (list.flow() && fitsFlow(v, column)) {
                out.append(' ').append(inline(v)).append('\n');
            } else {
                out.append('\n');
                listBody(list, indent + 2);
            }
        } else {
            Node.ScalarNode s = (Node.ScalarNode) v;
            if (s.text().contains("\n") && blockable(s.text())) {
                out.append(' ');
                literal(s.text(), indent + 2);
            } else {
                out.append(' ').append(scalar(s, false)).append('\n');
            }
        }
    }

    private void literal(String text, int indent) {
        String chomp = text.endsWith("\n") ? "" : "-";
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        out.append('|').append(chomp).append('\n');
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                indent(indent);
                out.append(line);
            }
            out.append('\n');
        }
    }

    /** Multi-line text can be a literal block when nothing in it depends on exact whitespace at its edges. */
    private static boolean blockable(String text) {
        if (text.startsWith(" ") || text.startsWith("\n") || text.endsWith("\n\n") || text.contains("\r") || text.contains("\t")) {
            return false;
        }
        for (String line : text.split("\n", -1)) {
            if (line.endsWith(" ")) {
                return false;
            }
            for (int i = 0; i < line.length(); i++) {
                if (Character.isISOControl(line.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean fitsFlow(Node v, int column) {
        if (v instanceof Node.MapNode map) {
            for (Node.Entry e : map.entries()) {
                if (!(e.value() instanceof Node.ScalarNode s) || s.text().contains("\n")) {
                    return false;
                }
            }
        } else if (v instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                if (!(item instanceof Node.ScalarNode s) || s.text().contains("\n")) {
                    return false;
                }
            }
        }
        return column + inline(v).length() <= WIDTH;
    }

    private String inline(Node v) {
        if (v instanceof Node.MapNode map) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < map.entries().size(); i++) {
                Node.Entry e = map.entries().get(i);
                b.append(i == 0 ? "" : ", ").append(flowKey(e.key().text())).append(": ").append(inline(e.value()));
            }
            return b.append('}').toString();
        }
        if (v instanceof Node.ListNode list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.items().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(flowItem(list.items().get(i)));
            }
            return b.append(']').toString();
        }
        return scalar((Node.ScalarNode) v, true);
    }

    private String flowItem(Node v) {
        return v instanceof Node.ScalarNode s ? scalar(s, true) : inline(v);
    }

    private String key(String text) {
        return needsQuotes(text, false, true) ? quote(text) : text;
    }

    private String flowKey(String text) {
        return needsQuotes(text, true, true) ? quote(text) : text;
    }

    private String scalar(Node.ScalarNode s, boolean flow) {
        switch (s.type()) {
            case NUMBER:
            case BOOLEAN:
                return s.text();
            case NULL:
                return "null";
            case PLAIN:
                return needsQuotes(s.text(), flow, false) ? quote(s.text()) : s.text();
            default:
                return needsQuotes(s.text(), flow, true) ? quote(s.text()) : s.text();
        }
    }

    /**
     * True when the text cannot stand as a plain scalar: YAML syntax characters, or (for strings)
     * words a YAML reader would turn into numbers, booleans, null or dates.
     */
    static boolean needsQuotes(String t, boolean flow, boolean typed) {
        if (t.isEmpty() || !t.equals(t.strip())) {
            return true;
        }
        char first = t.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            if (!((first == '-' || first == '?' || first == ':') && t.length() > 1 && t.charAt(1) != ' ' && !flow
                    && !NUMBER_LIKE.matcher(t).matches())) {
                return true;
            }
        }
        if (t.contains(": ") || t.contains(" #") || t.endsWith(":") || t.contains("\n") || t.contains("\t")) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                return true;
            }
            if (flow && ",[]{}".indexOf(c) >= 0) {
                return true;
            }
        }
        if (typed) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || NUMBER_LIKE.matcher(t).matches() || DATE_LIKE.matcher(t).matches()
                    || lower.equals("=") || lower.equals("<<")) {
                return true;
            }
        }
        return false;
    }

    static String quote(String t) {
        return JsonEmitter.quoted(t);
    }
}
