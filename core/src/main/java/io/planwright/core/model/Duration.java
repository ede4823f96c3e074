package io.planwright.core.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A length of time as a project manager types it: {@code 3d}, {@code 4h}, {@code 2w}, {@code 1.5mo},
 * elapsed {@code 3ed}, or for lags a share of the predecessor, {@code 50%}. Negative values are leads.
 * The unit is kept so that a plan file is written back as it was typed.
 */
public record Duration(double amount, TimeUnit unit) {

    public static final Duration ZERO = new Duration(0, TimeUnit.DAYS);

    public Duration {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be a finite number");
        }
        if (amount == 0) {
            amount = 0; // normalise -0.0
        }
    }

    public static Duration of(double amount, TimeUnit unit) {
        return new Duration(amount, unit);
    }

    public static Duration days(double days) {
        return new Duration(days, TimeUnit.DAYS);
    }

    public static Duration hours(double hours) {
        return new Duration(hours, TimeUnit.HOURS);
    }

    public boolean isElapsed() {
        return unit.isElapsed();
    }

    public boolean isPercent() {
        return unit == TimeUnit.PERCENT;
    }

    public boolean isZero() {
        return amount == 0;
    }

    public boolean isNegative() {
        return amount < 0;
    }

    public Duration negate() {
        return new Duration(-amount, unit);
    }

    /** Whole minutes (working or elapsed, by unit), rounded to the nearest minute. */
    public long minutes(WorkTime workTime) {
        return Math.round(amount * unit.minutes(workTime));
    }

    /**
     * Parses {@code 3d}, {@code -1.5h}, {@code 2 w}, {@code 3ed}, {@code 20%}. Long unit names
     * ({@code days}, {@code hours}, {@code weeks}, {@code months}, {@code minutes}, with "e" or
     * "elapsed " in front for elapsed time) are accepted too. A bare number is taken as days.
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digitsStart = i;
        boolean dot = false;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == '.' && !dot))) {
            if (s.charAt(i) == '.') {
                dot = true;
            }
            i++;
        }
        if (i == digitsStart || (i == digitsStart + 1 && dot)) {
            return Optional.empty();
        }
        double amount;
        try {
            amount = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unitText = s.substring(i).trim();
        TimeUnit unit = unitText.isEmpty() ? TimeUnit.DAYS : unitFromWord(unitText);
        if (unit == null || Double.isInfinite(amount)) {
            return Optional.empty();
        }
        return Optional.of(new Duration(amount, unit));
    }

    private static TimeUnit unitFromWord(String word) {
        TimeUnit bySymbol = TimeUnit.fromSymbol(word);
        if (bySymbol != null) {
            return bySymbol;
        }
        boolean elapsed = false;
        String w = word;
        if (w.startsWith("elapsed ")) {
            elapsed = true;
            w = w.substring("elapsed ".length()).trim();
        } else if (w.length() > 1 && w.charAt(0) == 'e' && baseUnit(w.substring(1)) != null) {
            elapsed = true;
            w = w.substring(1);
        }
        TimeUnit base = baseUnit(w);

        if (base == null) {
            return null;
        }
        if (!elapsed) {
            return base;
        }
        return switch (base) {
            case MINUTES -> TimeUnit.ELAPSED_MINUTES;
            case HOURS -> TimeUnit.ELAPSED_HOURS;
            case DAYS -> TimeUnit.ELAPSED_DAYS;
            case WEEKS -> TimeUnit.ELAPSED_WEEKS;
            case MONTHS -> TimeUnit.ELAPSED_MONTHS;
            default -> null;
        };
    }

    private static TimeUnit baseUnit(String w) {
        return switch (w) {
            case "m", "min", "mins", "minute", "minutes" -> TimeUnit.MINUTES;
            case "h", "hr", "hrs", "hour", "hours" -> TimeUnit.HOURS;
            case "d", "dy", "dys", "day", "days" -> TimeUnit.DAYS;
            case "w", "wk", "wks", "week", "weeks" -> TimeUnit.WEEKS;
            case "mo", "mon", "mons", "month", "months" -> TimeUnit.MONTHS;
            case "%", "percent" -> TimeUnit.PERCENT;
            default -> null;
        };
    }

    /** The canonical text, such as {@code 3d}, {@code 1.5h}, {@code -2ed} or {@code 20%}. */
    @Override
    public String toString() {
        return formatAmount(amount) + unit.symbol();
    }

    static String formatAmount(double amount) {
        if (amount == Math.rint(amount) && Math.abs(amount) < 1e15) {
            return Long.toString((long) amount);
        }
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
