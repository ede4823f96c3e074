package io.planwright.server.shared;

/** The name is locked after repeated wrong passwords: 429, with how long to wait. */
public final class TooManyFailures extends RuntimeException {
    private final java.time.Duration wait;

    public TooManyFailures(java.time.Duration wait) {
        super("too many wrong passwords; try again in " + Math.max(1, wait.toSeconds()) + " s", null, false, false);
        this.wait = wait;
    }

    public long seconds() {
        return Math.max(1, wait.toSeconds());
    }
}
