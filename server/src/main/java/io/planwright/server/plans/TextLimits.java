package io.planwright.server.plans;

import io.planwright.core.check.Problem;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long the texts of a plan may be: prose (descriptions, notes, a risk's cause and mitigation, a
 * message's content) {@value #PROSE} characters, a line of a list (an assumption, a custom field's
 * value) {@value #LINE}, anything else (names, titles, owners, e-mail addresses, ...) {@value #NAME}.
 * A plan is read by people on pages and in reports: a 10 MB name makes a 10 MB page.
 */
final class TextLimits {

    static final int NAME = 200;
    static final int LINE = 1_000;
    static final int PROSE = 10_000;

    /** The fields that hold prose, in every collection and in the plan's settings. */
    static final Set<String> PROSE_FIELDS = Set.of("description", "notes", "purpose", "cause", "effect", "mitigation", "contingency", "trigger",
            "acceptance", "content");

    /** Lists of sentences (the charter's) and maps of free text (a task's custom fields). */
    static final Set<String> LINE_FIELDS = Set.of("inScope", "outOfScope", "assumptions", "constraints", "fields");

    private TextLimits() {
    }

    /** One error per text that is too long, at its path under {@code at} (such as {@code tasks/build}). */
    static List<Problem> problems(String at, JsonNode entry) {
        List<Problem> out = new java.util.ArrayList<>();
        walk(at, entry, NAME, out);
        return out;
    }

    private static void walk(String path, JsonNode node, int limit, List<Problem> out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            int length = node.asString().length();
            if (length > limit) {
                out.add(Problem.error("too-long", path, "this text has " + length + " characters; at most " + limit + " are kept here"
                        + (limit == NAME ? " (a name or a short value: put the rest in a description or notes)" : "")));
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "/" + i, node.get(i), limit, out);
            }
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                int inner = PROSE_FIELDS.contains(key) ? PROSE : LINE_FIELDS.contains(key) ? LINE : limit == LINE ? LINE : NAME;
                walk(path + "/" + key, field.getValue(), inner, out);
            }
        }
    }
}
