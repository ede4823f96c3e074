package io.planwright.core.model;

/** What a rate is charged per. */
public enum RateUnit {
    MINUTE("m"),
    HOUR("h"),
    DAY("d"),
    WEEK("w"),
    MONTH("mo"),
    YEAR("y"),
    /** Per unit of material. */
    UNIT("unit");

    private final String symbol;

    RateUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static RateUnit fromSymbol(String text) {
        for (RateUnit unit : values()) {
            if (unit.symbol.equalsIgnoreCase(text) || unit.name().equalsIgnoreCase(text)) {
                return unit;
            }
        }
        return null;
    }
}
