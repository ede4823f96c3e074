package io.planwright.server.shared;

/** The plan changed since the revision a change was based on. */
public final class StaleRevision extends RuntimeException {
    private final long current;

    public StaleRevision(long current) {
        super("the plan is at revision " + current, null, false, false);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
