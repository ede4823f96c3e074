package io.planwright.core.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a report is for, and so what it shows: the sponsor a summary (headline, milestones, decisions, the
 * three top risks, charts), the steering committee everything but the tasks, the team everything.
 */
public enum Audience {
    SPONSOR(EnumSet.of(Section.SUMMARY, Section.MILESTONES, Section.DECISIONS, Section.RISKS, Section.CHARTS), 3),
    STEERING(EnumSet.complementOf(EnumSet.of(Section.TASKS)), StatusReport.TOP_RISKS),
    TEAM(EnumSet.allOf(Section.class), StatusReport.TOP_RISKS);

    private final Set<Section> sections;
    private final int topRisks;

    Audience(EnumSet<Section> sections, int topRisks) {
        this.sections = Collections.unmodifiableSet(sections);
        this.topRisks = topRisks;
    }

    /** An audience that does not exist; the message names the valid ones. */
    public static final class UnknownAudience extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownAudience(String asked) {
            super("no audience '" + asked + "'; the audiences are " + valid());
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<Section> sections() {
        return sections;
    }

    /** How many of the top risks the audience sees. */
    public int topRisks() {
        return topRisks;
    }

    public static String valid() {
        return Arrays.stream(values()).map(Audience::id).collect(Collectors.joining(", "));
    }

    /** The audience of that name (case does not matter; null or blank: the team, who see everything). */
    public static Audience parse(String text) {
        if (text == null || text.isBlank()) {
            return TEAM;
        }
        String name = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id().equals(name)).findFirst().orElseThrow(() -> new UnknownAudience(text.strip()));
    }
}
