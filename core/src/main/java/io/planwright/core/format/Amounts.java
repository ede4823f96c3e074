package io.planwright.core.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every face (pages, CLI tables, messages) writes money, quantities and percentages, so that one
 * plan reads the same everywhere: groups of thousands, the plan's currency after the amount, a unit after
 * a quantity, and no decimals a planner did not enter ("10 days", not "10.0 days").
 */
public final class Amounts {

    /** A dash for a value that is not known, as the tables show it. */
    public static final String NONE = "–";

    private Amounts() {
    }

    /**
     * An amount of money in whole units of the plan's currency: {@code 51666.67, "EUR"} → "51,667 EUR".
     * Plan costs are estimates, so cents would be false precision; a null currency writes the amount alone.
     */
    public static String money(double amount, String currency) {
        return withUnit(pattern("#,##0").format(zeroed(BigDecimal.valueOf(amount).setScale(0, RoundingMode.HALF_UP).doubleValue())), currency);
    }

    public static String money(BigDecimal amount, String currency) {
        return amount == null ? NONE : money(amount.doubleValue(), currency);
    }

    /** A price per unit (an hourly rate, a cost per use) keeps its cents when it has them: 95.5 → "95.50". */
    public static String price(BigDecimal amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        return withUnit(pattern(whole ? "#,##0" : "#,##0.00").format(amount), currency);
    }

    /**
     * A number as entered, grouped, with at most two decimals and none that are zeros: 20000 → "20,000",
     * 10.0 → "10", 0.125 → "0.13", 12.5 → "12.5".
     */
    public static String number(double value) {
        return pattern("#,##0.##").format(zeroed(value));
    }

    public static String number(BigDecimal value) {
        return value == null ? NONE : number(value.doubleValue());
    }

    /** A quantity with its unit: {@code 0.0, "applications"} → "0 applications"; no unit → the number alone. */
    public static String quantity(Double value, String unit) {
        return value == null ? NONE : withUnit(number(value), unit);
    }

    /** A fraction as a percentage with at most one decimal: 0.125 → "12.5 %", 4.0 → "400 %". */
    public static String percent(double fraction) {
        BigDecimal p = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        return pattern("#,##0.#").format(zeroed(p.doubleValue())) + " %";
    }

    /** Working days, as float and delays are shown: 36.625 → "36.6 days", 1 → "1 day", -3 → "-3 days". */
    public static String days(double days) {
        String n = pattern("#,##0.#").format(zeroed(BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).doubleValue()));
        return n + (n.equals("1") || n.equals("-1") ? " day" : " days");
    }

    private static String withUnit(String number, String unit) {
        return unit == null || unit.isBlank() ? number : number + " " + unit.strip();
    }

    /** Minus zero ("-0") is no amount a person writes. */
    private static double zeroed(double v) {
        return v == 0 ? 0 : v;
    }

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
