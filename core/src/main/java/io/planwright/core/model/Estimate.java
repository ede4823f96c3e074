package io.planwright.core.model;

import java.util.Objects;

/**
 * A three-point estimate of a duration: optimistic, most likely and pessimistic. The distribution
 * is optional; when absent the plan's default applies.
 */
public record Estimate(Duration optimistic, Duration mostLikely, Duration pessimistic, Distribution distribution) {

    public Estimate {
        Objects.requireNonNull(optimistic, "optimistic");
        Objects.requireNonNull(mostLikely, "mostLikely");
        Objects.requireNonNull(pessimistic, "pessimistic");
    }

    public static Estimate of(Duration optimistic, Duration mostLikely, Duration pessimistic) {
        return new Estimate(optimistic, mostLikely, pessimistic, null);
    }

    /** True when optimistic is not above most likely and most likely is not above pessimistic. */
    public boolean isOrdered(WorkTime workTime) {
        long o = optimistic.minutes(workTime);
        long m = mostLikely.minutes(workTime);
        long p = pessimistic.minutes(workTime);
        return o <= m && m <= p;
    }
}
