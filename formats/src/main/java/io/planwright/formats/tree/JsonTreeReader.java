package io.planwright.formats.tree;

import java.util.ArrayList;
import java.util.List;

/** A small strict JSON parser (RFC 8259) that keeps the line and column of every element. */
public final class JsonTreeReader {

    private static final int MAX_DEPTH = 200;

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonTreeReader(String text) {
        this.s = text;
    }

    public static Node read(String text) throws SyntaxError {
        JsonTreeReader r = new JsonTreeReader(text);
        r.skipWhitespace();
        if (r.pos >= r.s.length()) {
            return null;
        }
        Node root = r.value(0);
        r.skipWhitespace();
        if (r.pos < r.s.length()) {
            throw r.error("unexpected text after the end of the JSON document");
        }
        return root;
    }

    private Location here() {
        return new Location(line, pos - lineStart + 1);
    }

    private SyntaxError error(String message) {
        return new SyntaxError("JSON syntax error: " + message, here());
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Node value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("the document is nested too deeply");
        }
        skipWhitespace();
        if (pos >= s.length()) {
            throw error("the document ends too early");
        }
        Location loc = here();
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth, loc);
            case '[':
                return array(depth, loc);
            case '"':
                return new Node.ScalarNode(string(), Node.ScalarNode.Type.STRING, loc);
            case 't':
                literal("true");
                return new Node.ScalarNode("true", Node.ScalarNode.Type.BOOLEAN, loc);
            case 'f':
                literal("false");
                return new Node.ScalarNode("false", Node.ScalarNode.Type.BOOLEAN, loc);
            case 'n':
                literal("null");
                return new Node.ScalarNode("null", Node.ScalarNode.Type.NULL, loc);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return new Node.ScalarNode(number(), Node.ScalarNode.Type.NUMBER, loc);
                }
                throw error("unexpected character '" + printable(c) + "'");
        }
    }

    private static String printable(char c) {
        return c < 32 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private void literal(String word) throws SyntaxError {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected word; expected '" + word + "'");
        }
        pos += word.length();
    }

    private Node object(int depth, Location loc) throws SyntaxError {
        pos++;
        List<Node.Entry> entries = new ArrayList<>();
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return new Node.MapNode(entries, loc);
        }
        while (true) {
            skipWhitespace();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a key in double quotes");
            }
            Location keyLoc = here();
            String key = string();
            skipWhitespace();
            if (pos >= s.length() || s.charAt(pos) != ':') {
                throw error("expected ':' after the key \"" + key + "\"");
            }
            pos++;
            entries.add(new Node.Entry(new Node.Key(key, keyLoc), value(depth + 1)));
            skipWhitespace();
            if (pos >= s.length()) {
                throw error("the object is not closed with '}'");
            }
            char c = s.charAt(pos++);
            if (c == '}') {
                return new Node.MapNode(entries, loc);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' but found '" + printable(c) + "'");
            }
        }
    }

    private Node array(int depth, Location loc) throws SyntaxError {
        pos++;
        List<Node> items = new ArrayList<>();
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return new Node.ListNode(items, loc);
        }
        while (true) {
            items.add(value(depth + 1));
            skipWhitespace();
            if (pos >= s.length()) {
                throw error("the array is not closed with ']'");
            }
            char c = s.charAt(pos++);
            if (c == ']') {
                return new Node.ListNode(items, loc);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' but found '" + printable(c) + "'");
            }
        }
    }

    private String string() throws SyntaxError {
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("the string is not closed with '\"'");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw error("the string is not closed with '\"'");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("incomplete \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("unknown escape '\\" + printable(e) + "'");
                    }
                }
            } else if (c < 32) {
                pos--;
                throw error("a control character must be escaped inside a string");
            } else {
                b.append(c);
            }
        }
    }

    private String number() throws SyntaxError {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("a number needs digits");
        }
        if (s.charAt(digits) == '0' && pos - digits > 1) {
            throw error("a number may not start with 0");
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            int frac = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == frac) {
                throw error("a number needs digits after '.'");
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int exp = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == exp) {
                throw error("a number needs digits in its exponent");
            }
        }
        return s.substring(start, pos);
    }
}
