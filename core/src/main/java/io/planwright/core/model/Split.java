package io.planwright.core.model;

import java.util.Objects;

/**
 * A pause in a task's work, as MS Project's split task: after {@code after} of the task's work is
 * done, work stops for {@code pause} of working time, then goes on. The task's work is unchanged;
 * its span grows by the pause.
 */
public record Split(Duration after, Duration pause) {

    public Split {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(pause, "pause");
    }
}
