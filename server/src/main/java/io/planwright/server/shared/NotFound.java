package io.planwright.server.shared;

/** No such plan (or user, revision, member...), or not one the caller may see: 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what, null, false, false);
    }
}
