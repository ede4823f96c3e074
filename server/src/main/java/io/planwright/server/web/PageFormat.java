package io.planwright.server.web;

import io.planwright.core.calendar.Moments;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Formatting the templates call as {@code ${fmt.percent(x)}}. */
public final class PageFormat {

    static final PageFormat INSTANCE = new PageFormat();

    private PageFormat() {
    }

    /** The day a start falls on, {@code 2026-03-13}. */
    public String startDay(LocalDateTime t) {
        return t == null ? "" : Moments.date(t, Moments.Edge.START);
    }

    /** The day a finish falls on: the end of a day (00:00 of the next) is that day, as everywhere in Planwright. */
    public String finishDay(LocalDateTime t) {
        return t == null ? "" : Moments.date(t, Moments.Edge.FINISH);
    }

    /** A finish to the minute: {@code 2026-03-13 24:00} rather than the next day's 00:00. */
    public String finishTime(LocalDateTime t) {
        return t == null ? "" : Moments.human(t, Moments.Edge.FINISH, null).substring(4);
    }

    /** A start to the minute: {@code 2026-03-13 08:00}. */
    public String startTime(LocalDateTime t) {
        return t == null ? "" : Moments.human(t, Moments.Edge.START, null).substring(4);
    }

    /** A fraction as a percentage without rounding away what was entered: 0.125 → "12.5". */
    public String percent(double fraction) {
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }
}
