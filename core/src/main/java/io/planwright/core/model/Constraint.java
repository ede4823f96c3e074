package io.planwright.core.model;

import java.time.LocalDateTime;
import java.util.Objects;

/** A date constraint on a task; ASAP and ALAP carry no date. */
public record Constraint(ConstraintType type, LocalDateTime date) {

    public static final Constraint ASAP = new Constraint(ConstraintType.ASAP, null);
    public static final Constraint ALAP = new Constraint(ConstraintType.ALAP, null);

    public Constraint {
        Objects.requireNonNull(type, "type");
        if (type.needsDate() && date == null) {
            throw new IllegalArgumentException(type + " needs a date");
        }
        if (!type.needsDate()) {
            date = null;
        }
    }

    public static Constraint of(ConstraintType type, LocalDateTime date) {
        return new Constraint(type, date);
    }
}
