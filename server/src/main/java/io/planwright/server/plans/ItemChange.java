package io.planwright.server.plans;

/** One row of the plan that a change writes: the entry before and after (null when absent), as JSON. */
public record ItemChange(String kind, String itemId, Long beforePosition, String before, Long afterPosition, String after) {

    public boolean isCreate() {
        return before == null;
    }

    public boolean isDelete() {
        return after == null;
    }
}
