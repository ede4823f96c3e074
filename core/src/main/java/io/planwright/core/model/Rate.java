package io.planwright.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A cost rate such as 95 per hour ({@code 95/h}) or 12.50 per unit of material. */
public record Rate(BigDecimal amount, RateUnit per) {

    public Rate {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(per, "per");
        amount = Money.normalize(amount);
    }

    public static Rate perHour(BigDecimal amount) {
        return new Rate(amount, RateUnit.HOUR);
    }

    /** The cost of one working hour (for time-based rates), given the plan's working time. */
    public double perHour(WorkTime workTime) {
        double a = amount.doubleValue();
        return switch (per) {
            case MINUTE -> a * 60;
            case HOUR, UNIT -> a;
            case DAY -> a * 60 / workTime.minutesPerDay();
            case WEEK -> a * 60 / workTime.minutesPerWeek();
            case MONTH -> a * 60 / ((double) workTime.minutesPerDay() * workTime.daysPerMonth());
            case YEAR -> a * 60 / ((double) workTime.minutesPerDay() * workTime.daysPerMonth() * 12);
        };
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + "/" + per.symbol();
    }
}
