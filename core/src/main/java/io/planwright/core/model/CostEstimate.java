package io.planwright.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A three-point estimate of a cost, in the plan's currency. */
public record CostEstimate(BigDecimal optimistic, BigDecimal mostLikely, BigDecimal pessimistic) {

    public CostEstimate {
        Objects.requireNonNull(optimistic, "optimistic");
        Objects.requireNonNull(mostLikely, "mostLikely");
        Objects.requireNonNull(pessimistic, "pessimistic");
        optimistic = Money.normalize(optimistic);
        mostLikely = Money.normalize(mostLikely);
        pessimistic = Money.normalize(pessimistic);
    }

    public static CostEstimate exactly(BigDecimal amount) {
        return new CostEstimate(amount, amount, amount);
    }

    public boolean isSingleValue() {
        return optimistic.compareTo(mostLikely) == 0 && mostLikely.compareTo(pessimistic) == 0;
    }

    public boolean isOrdered() {
        return optimistic.compareTo(mostLikely) <= 0 && mostLikely.compareTo(pessimistic) <= 0;
    }
}
