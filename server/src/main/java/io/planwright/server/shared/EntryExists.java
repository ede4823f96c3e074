package io.planwright.server.shared;

/** An entry with this id exists already: 409. */
public final class EntryExists extends RuntimeException {
    public EntryExists(String message) {
        super(message, null, false, false);
    }
}
