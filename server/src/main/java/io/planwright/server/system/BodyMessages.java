package io.planwright.server.system;

import io.planwright.core.check.Suggestions;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What is wrong with a body that does not fit, said in the plan's words: the field, what it takes
 * ("an object with the fields optimistic, mostLikely, pessimistic", "one of low, medium, high"), and for an
 * unknown field the closest known one, as the CLI suggests. Never a Java class name.
 */
final class BodyMessages {

    /** A Java type named in a message of the JSON library (`io.planwright...`, java.time...). */
    private static final Pattern JAVA_NAME = Pattern.compile("`?\\b(java|javax|jakarta|io\\.planwright|tools\\.jackson|com\\.fasterxml)\\.[\\w.$]+`?");

    /** The plan file's names that the API spells otherwise (kebab-case names are read as they are). */
    static final Map<String, String> PLAN_FILE_NAMES = Map.of("progress", "percentComplete", "after", "links", "calendar", "calendarId",
            "objectives", "objectiveIds", "tasks", "taskIds", "resources", "assignments", "base", "baseId", "rate", "standardRate",
            "likely", "mostLikely", "task", "predecessorId");

    private BodyMessages() {
    }

    static String describe(DatabindException d) {
        if (d instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            Collection<Object> ids = u.getKnownPropertyIds();
            if (ids != null) {
                ids.forEach(id -> known.add(String.valueOf(id)));
            }
            known.sort(null);
            String alias = PLAN_FILE_NAMES.get(u.getPropertyName());
            String suggestion = alias != null && known.contains(alias)
                    ? " (the plan file's '" + u.getPropertyName() + "' is '" + alias + "' here: did you mean '" + alias + "'?)"
                    : Suggestions.didYouMean(u.getPropertyName(), known);
            return "there is no field '" + u.getPropertyName() + "' here" + (suggestion.isEmpty()
                    ? known.isEmpty() ? "" : "; the fields are " + String.join(", ", known)
                    : suggestion);
        }
        String own = d.getOriginalMessage();
        if (own != null && !JAVA_NAME.matcher(own).find() && !own.startsWith("Cannot ") && !own.startsWith("Unexpected ")) {
            return own; // a message of our own (ModelJson's), already in the plan's words
        }
        if (d instanceof MismatchedInputException m && m.getTargetType() != null) {
            String what = what(m.getTargetType());
            if (d instanceof InvalidFormatException f && f.getValue() != null) {
                return "'" + f.getValue() + "' is not " + what;
            }
            String given = own != null && own.contains("from String value") ? "a text" : own != null && own.contains("from Array") ? "a list"
                    : own != null && own.contains("from Object") ? "an object" : own != null && own.contains("Number") ? "a number" : null;
            return "this field takes " + what + (given == null ? "" : ", not " + given);
        }
        return own == null ? "the value does not fit" : JAVA_NAME.matcher(own).replaceAll("a value");
    }

    /** A type as a project manager reads it. */
    static String what(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2026-03-02";
        }
        if (type == java.time.LocalDateTime.class) {
            return "a date and time such as 2026-03-02T08:00";
        }
        if (type == java.time.ZoneId.class) {
            return "a time zone such as Europe/Berlin";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        if (type.isRecord()) {
            return "an object with the fields " + String.join(", ", Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
        }
        return "a value of another kind";
    }
}
