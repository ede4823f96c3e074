package io.planwright.core.model;

/**
 * Units of a {@link Duration}. Working units count time on a calendar; elapsed units ("ed") count
 * clock time around the clock; percent is only meaningful for lags (a share of the predecessor's duration).
 */
public enum TimeUnit {
    MINUTES("m", false),
    HOURS("h", false),
    DAYS("d", false),
    WEEKS("w", false),
    MONTHS("mo", false),
    ELAPSED_MINUTES("em", true),
    ELAPSED_HOURS("eh", true),
    ELAPSED_DAYS("ed", true),
    ELAPSED_WEEKS("ew", true),
    ELAPSED_MONTHS("emo", true),
    PERCENT("%", false);

    private final String symbol;
    private final boolean elapsed;

    TimeUnit(String symbol, boolean elapsed) {
        this.symbol = symbol;
        this.elapsed = elapsed;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isElapsed() {
        return elapsed;
    }

    /** Minutes in one unit: working minutes for working units, clock minutes for elapsed ones. */
    public double minutes(WorkTime workTime) {
        return switch (this) {
            case MINUTES, ELAPSED_MINUTES -> 1;
            case HOURS, ELAPSED_HOURS -> 60;
            case DAYS -> workTime.minutesPerDay();
            case WEEKS -> workTime.minutesPerWeek();
            case MONTHS -> (double) workTime.minutesPerDay() * workTime.daysPerMonth();
            case ELAPSED_DAYS -> 1440;
            case ELAPSED_WEEKS -> 7 * 1440;
            case ELAPSED_MONTHS -> 30 * 1440;
            case PERCENT -> throw new IllegalStateException("a percentage has no length of its own");
        };
    }

    public static TimeUnit fromSymbol(String symbol) {
        for (TimeUnit unit : values()) {
            if (unit.symbol.equals(symbol)) {
                return unit;
            }
        }
        return null;
    }
}
