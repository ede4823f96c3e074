package io.planwright.server.plans;

import io.planwright.core.check.Problem;
import io.planwright.formats.plan.PlanFileReader;

import java.util.Optional;

/**
 * The ids of new entries, in every collection, checked against the plan file's own rule (letters,
 * digits, '-', '_' and '.', starting with a letter or digit): an id the plan file cannot hold would
 * break the export and import round trip, and ids such as {@code a/b} or {@code ../x} cannot be
 * addressed in the API's paths.
 */
final class EntryIds {

    /** The longest id: a short key, not a name. */
    static final int MAX_LENGTH = 100;

    private EntryIds() {
    }

    /** What is wrong with the id of a new entry, if anything. */
    static Optional<String> problem(Section<?> section, String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("a " + section.kind() + " needs an id");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("a " + section.kind() + "'s id has at most " + MAX_LENGTH + " characters, not " + id.length());
        }
        if (!PlanFileReader.ID.matcher(id).matches()) {
            return Optional.of("'" + id + "' is not a valid " + section.kind()
                    + " id: use letters, digits, '-', '_' and '.', starting with a letter or digit");
        }
        return Optional.empty();
    }

    /** The same, as a problem of the plan at the entry's path (for changes that come as a whole plan). */
    static Optional<Problem> asProblem(Section<?> section, String id) {
        return problem(section, id).map(m -> Problem.error("bad-id", section.path() + "/" + id, m));
    }
}
