package io.planwright.core.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A report's sections written as a list: {@code summary,risks,charts}. */
public final class Sections {

    private Sections() {
    }

    /** A section name that does not exist; the message names it and the valid ones. */
    public static final class UnknownSection extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownSection(String asked) {
            super("no section '" + asked + "'; the sections are " + valid());
        }
    }

    /** Every section's name, comma-separated, in report order. */
    public static String valid() {
        return Arrays.stream(Section.values()).map(Section::id).collect(Collectors.joining(", "));
    }

    /**
     * The sections of a comma-separated list (case and spaces do not matter; blank: none), in report order.
     *
     * @throws UnknownSection at the first name that is not a section
     */
    public static Set<Section> parse(String text) {
        EnumSet<Section> out = EnumSet.noneOf(Section.class);
        if (text == null || text.isBlank()) {
            return Collections.unmodifiableSet(out);
        }
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Section s = Arrays.stream(Section.values()).filter(x -> x.id().equals(name)).findFirst()
                    .orElseThrow(() -> new UnknownSection(part.strip()));
            out.add(s);
        }
        return Collections.unmodifiableSet(out);
    }

    /** The sections as a list people write: {@code summary,risks}. */
    public static String text(Set<Section> sections) {
        return sections.stream().sorted().map(Section::id).collect(Collectors.joining(","));
    }
}
