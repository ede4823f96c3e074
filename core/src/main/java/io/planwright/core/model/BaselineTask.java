package io.planwright.core.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/** One task as a baseline saved it; any value may be missing. */
public record BaselineTask(String taskId, LocalDateTime start, LocalDateTime finish, Duration duration, Duration work, BigDecimal cost) {

    public BaselineTask {
        Objects.requireNonNull(taskId, "taskId");
        cost = Money.normalize(cost);
    }
}
