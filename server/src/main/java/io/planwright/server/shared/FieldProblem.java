package io.planwright.server.shared;

/**
 * A request refused because of one field of its body, before anything was written: 400 with the
 * field's path (such as {@code id} or {@code links[0].lag}) and what is wrong with it.
 */
public final class FieldProblem extends IllegalArgumentException {

    private final String field;

    public FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
