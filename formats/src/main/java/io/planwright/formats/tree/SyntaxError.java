package io.planwright.formats.tree;

/** A file that cannot be parsed at all, with where the parser gave up. */
public final class SyntaxError extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public SyntaxError(String message, Location location) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
