package io.planwright.formats.tree;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link Node} tree with positions, through SnakeYAML's composer (no object
 * construction, so no surprises from tags). Guards against alias bombs and deep nesting.
 */
public final class YamlTreeReader {

    private YamlTreeReader() {
    }

    /** Parses one YAML document; an empty document gives null. */
    public static Node read(String text) throws SyntaxError {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(60);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options, new TextResolver());
        try {
            Iterator<org.yaml.snakeyaml.nodes.Node> docs = yaml.composeAll(new StringReader(text)).iterator();
            if (!docs.hasNext()) {
                return null;
            }
            org.yaml.snakeyaml.nodes.Node root = docs.next();
            if (docs.hasNext()) {
                org.yaml.snakeyaml.nodes.Node second = docs.next();
                throw new SyntaxError("a plan file holds one YAML document; a second one starts here (remove the '---')",
                        second == null ? Location.START : location(second.getStartMark()));
            }
            return root == null ? null : convert(root, new IdentityHashMap<>(), 0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SyntaxError("YAML syntax error: " + friendly(e), mark == null ? Location.START : location(mark));
        } catch (YAMLException e) {
            throw new SyntaxError("YAML error: " + e.getMessage(), Location.START);
        } catch (StackOverflowError e) {
            throw new SyntaxError("YAML error: the document is nested too deeply", Location.START);
        }
    }

    /**
     * Scalars are read as text and interpreted by the field they fill, so the only implicit type that
     * matters is null; this skips SnakeYAML's regular expressions for numbers, booleans and dates on
     * every scalar (most of its time on large files). Numbers and booleans are recognised cheaply.
     */
    static final class TextResolver extends org.yaml.snakeyaml.resolver.Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none
        }

        @Override
        public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
            if (kind != org.yaml.snakeyaml.nodes.NodeId.scalar) {
                return kind == org.yaml.snakeyaml.nodes.NodeId.sequence ? Tag.SEQ : Tag.MAP;
            }
            if (!implicit) {
                return Tag.STR;
            }
            switch (value) {
                case "", "~", "null", "Null", "NULL":
                    return Tag.NULL;
                case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
                        "off", "Off", "OFF":
                    return Tag.BOOL;
                default:
                    return looksNumeric(value) ? Tag.FLOAT : Tag.STR;
            }
        }

        private static boolean looksNumeric(String v) {
            int i = 0;
            int n = v.length();
            if (n == 0) {
                return false;
            }
            if (v.charAt(0) == '-' || v.charAt(0) == '+') {
                i++;
            }
            boolean digits = false;
            boolean dot = false;
            for (; i < n; i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = true;
                } else if (c == '.' && !dot) {
                    dot = true;
                } else {
                    return false;
                }
            }
            return digits;
        }
    }

    private static String friendly(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "cannot parse" : e.getProblem();
        if (problem.contains("(TAB)")) {
            return "a tab character; YAML does not allow tabs for indentation, use spaces";
        }
        String hint = "";
        if (problem.contains("mapping values are not allowed")) {
            hint = " (a ':' inside a value? put the value in quotes)";
        } else if (problem.contains("could not find expected ':'")) {
            hint = " (a key without ':' or an unclosed quote?)";
        } else if (problem.contains("expected ',' or '}'")) {
            hint = " (is a '{' not closed with '}'?)";
        } else if (problem.contains("expected ',' or ']'")) {
            hint = " (is a '[' not closed with ']'?)";
        } else if (problem.contains("expected <block end>")) {
            hint = " (the indentation does not line up with the lines above)";
        }
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return context + problem + hint;
    }

    private static Location location(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Node convert(org.yaml.snakeyaml.nodes.Node node, Map<org.yaml.snakeyaml.nodes.Node, Boolean> active, int depth)
            throws SyntaxError {
        Location loc = location(node.getStartMark());
        if (active.containsKey(node)) {
            throw new SyntaxError("YAML error: an alias refers to a node that contains it", loc);
        }
        if (node instanceof MappingNode map) {
            active.put(node, Boolean.TRUE);
            List<Node.Entry> entries = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new SyntaxError("a key must be a simple word, not a list or a mapping", location(t.getKeyNode().getStartMark()));
                }
                entries.add(new Node.Entry(new Node.Key(key.getValue(), location(key.getStartMark())), convert(t.getValueNode(), active, depth + 1)));
            }
            active.remove(node);
            return new Node.MapNode(entries, loc);
        }
        if (node instanceof SequenceNode seq) {
            active.put(node, Boolean.TRUE);
            List<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                items.add(convert(item, active, depth + 1));
            }
            active.remove(node);
            return new Node.ListNode(items, loc);
        }
        ScalarNode scalar = (ScalarNode) node;
        Node.ScalarNode.Type type;
        if (!scalar.isPlain()) {
            type = Node.ScalarNode.Type.STRING;
        } else if (Tag.NULL.equals(scalar.getTag())) {
            type = Node.ScalarNode.Type.NULL;
        } else if (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag())) {
            type = Node.ScalarNode.Type.NUMBER;
        } else if (Tag.BOOL.equals(scalar.getTag())) {
            type = Node.ScalarNode.Type.BOOLEAN;
        } else {
            type = Node.ScalarNode.Type.PLAIN;
        }
        return new Node.ScalarNode(scalar.getValue(), type, loc);
    }
}
