package io.planwright.server.web;

import java.math.BigDecimal;

/** Formatting the templates call as {@code ${fmt.percent(x)}}. */
public final class PageFormat {

    static final PageFormat INSTANCE = new PageFormat();

    private PageFormat() {
    }

    /** A fraction as a percentage without rounding away what was entered: 0.125 → "12.5". */
    public String percent(double fraction) {
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }
}
