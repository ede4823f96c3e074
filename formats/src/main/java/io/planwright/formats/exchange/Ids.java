package io.planwright.formats.exchange;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Makes valid, unique plan ids from names and numbers in other tools' files. */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]*");
    private final Set<String> used = new HashSet<>();

    public static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** {@code Standard Calendar (2)} becomes {@code standard-calendar-2}; unique within this set. */
    public String slug(String name, String fallback) {
        String s = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty() || !valid(s)) {
            s = fallback;
        }
        return unique(s);
    }

    /** The id itself when valid and free; else a numbered variant. */
    public String unique(String id) {
        String candidate = id;
        int n = 2;
        while (!used.add(candidate)) {
            candidate = id + "-" + n++;
        }
        return candidate;
    }

    public boolean take(String id) {
        return valid(id) && used.add(id);
    }
}
