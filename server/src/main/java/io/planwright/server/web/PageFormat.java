package io.planwright.server.web;

import io.planwright.core.calendar.Moments;
import io.planwright.core.format.Amounts;
import io.planwright.core.model.Rate;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Formatting the templates call as {@code ${fmt.money(x, plan.currency())}}: the core's {@link Amounts},
 * so that pages and the CLI write a number the same way.
 */
public final class PageFormat {

    public static final PageFormat INSTANCE = new PageFormat();

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

    /** A fraction as a percentage: 0.125 → "12.5 %". */
    public String percent(double fraction) {
        return Amounts.percent(fraction);
    }

    /** A fraction as the percentage a user typed, for a form's field: 0.125 → "12.5" (nothing rounded away). */
    public String entered(double fraction) {
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }

    /** A number for a form's field, as it was entered: 10.0 → "10", 12.5 → "12.5"; empty when there is none. */
    public String plain(Number value) {
        return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** A resource's rate: "95.50 EUR/h"; empty when it has none. */
    public String rate(Rate rate, String currency) {
        return rate == null ? "" : Amounts.price(rate.amount(), currency) + "/" + rate.per().symbol();
    }

    /** A whole number of percent (KPI progress, 0 to 100): 40 → "40 %". */
    public String percentOf100(Number value) {
        return value == null ? Amounts.NONE : Amounts.percent(value.doubleValue() / 100);
    }

    public String money(Number amount, String currency) {
        return amount == null ? Amounts.NONE : Amounts.money(amount.doubleValue(), currency);
    }

    public String price(BigDecimal amount, String currency) {
        return Amounts.price(amount, currency);
    }

    public String quantity(Number value, String unit) {
        return Amounts.quantity(value == null ? null : value.doubleValue(), unit);
    }

    public String number(Number value) {
        return value == null ? Amounts.NONE : Amounts.number(value.doubleValue());
    }

    public String days(Number days) {
        return days == null ? Amounts.NONE : Amounts.days(days.doubleValue());
    }

    /** A three-point estimate of money: "20,000 / 45,000 / 90,000 EUR". */
    public String moneyRange(BigDecimal optimistic, BigDecimal mostLikely, BigDecimal pessimistic, String currency) {
        return Amounts.money(optimistic, null) + " / " + Amounts.money(mostLikely, null) + " / " + Amounts.money(pessimistic, currency);
    }
}
