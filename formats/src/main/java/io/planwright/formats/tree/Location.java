package io.planwright.formats.tree;

/** A position in a text file, both 1-based. */
public record Location(int line, int column) {

    public static final Location START = new Location(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
