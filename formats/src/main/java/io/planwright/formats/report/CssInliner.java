package io.planwright.formats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the report's own stylesheet into style attributes, for mail readers that drop style elements. It
 * knows only the selectors that stylesheet uses ({@code tag}, {@code .class}, {@code tag.class}; @-rules are
 * skipped); a tag's rules come first, then its classes', in the stylesheet's order. Safe on the template's
 * output because every text there is escaped: each {@code <} starts a tag of the template.
 */
final class CssInliner {

    private static final Pattern RULE = Pattern.compile("([^{}@]+)\\{([^{}]*)}");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*(/?)>");
    private static final Pattern CLASS = Pattern.compile("\\s+class=\"([^\"]*)\"");
    private static final Pattern STYLE = Pattern.compile("\\s+style=\"([^\"]*)\"");
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style[^>]*>.*?</style>", Pattern.DOTALL);

    private record Rule(String tag, String cls, String declarations) {
        boolean matches(String t, List<String> classes) {
            return (tag == null || tag.equalsIgnoreCase(t)) && (cls == null || classes.contains(cls));
        }
    }

    private CssInliner() {
    }

    static String inline(String html, String css) {
        List<Rule> rules = rules(css);
        String body = STYLE_ELEMENT.matcher(html).replaceAll("");
        Matcher m = TAG.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1);
            String attrs = m.group(2);
            List<String> classes = new ArrayList<>();
            Matcher c = CLASS.matcher(attrs);
            if (c.find()) {
                classes.addAll(List.of(c.group(1).trim().split("\\s+")));
                attrs = c.replaceFirst("");
            }
            StringBuilder style = new StringBuilder();
            for (boolean classRules : new boolean[] {false, true}) {
                for (Rule r : rules) {
                    if ((r.cls != null) == classRules && r.matches(tag, classes)) {
                        style.append(r.declarations).append(' ');
                    }
                }
            }
            Matcher s = STYLE.matcher(attrs);
            if (s.find()) {
                style.append(s.group(1));
                attrs = s.replaceFirst("");
            }
            String st = style.toString().trim();
            String replacement = "<" + tag + attrs + (st.isEmpty() ? "" : " style=\"" + st + "\"") + (m.group(3).isEmpty() ? "" : "/") + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Rule> rules(String css) {
        List<Rule> out = new ArrayList<>();
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?s)@[^{]*\\{(?:[^{}]*\\{[^{}]*})*[^{}]*}", "");
        Matcher m = RULE.matcher(plain);
        while (m.find()) {
            String declarations = m.group(2).trim().replaceAll("\\s+", " ");
            if (!declarations.endsWith(";")) {
                declarations += ";";
            }
            for (String selector : m.group(1).split(",")) {
                String s = selector.trim();
                int dot = s.indexOf('.');
                String tag = dot < 0 ? s : dot == 0 ? null : s.substring(0, dot);
                String cls = dot < 0 ? null : s.substring(dot + 1);
                out.add(new Rule(tag, cls, declarations));
            }
        }
        return out;
    }
}
