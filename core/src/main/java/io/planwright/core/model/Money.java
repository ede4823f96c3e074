package io.planwright.core.model;

import java.math.BigDecimal;

/** Amounts compare by value: 95.50 and 95.5 are the same rate. */
public final class Money {

    private Money() {
    }

    public static BigDecimal normalize(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal s = amount.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
