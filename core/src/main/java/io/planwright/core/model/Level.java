package io.planwright.core.model;

/** A five-step rating used for influence, interest and impact. */
public enum Level {
    VERY_LOW(1),
    LOW(2),
    MEDIUM(3),
    HIGH(4),
    VERY_HIGH(5);

    private final int score;

    Level(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    public static Level ofScore(int score) {
        for (Level level : values()) {
            if (level.score == score) {
                return level;
            }
        }
        throw new IllegalArgumentException("a level is scored 1 to 5, not " + score);
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
