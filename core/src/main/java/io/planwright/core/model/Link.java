package io.planwright.core.model;

import java.util.Objects;

/**
 * A dependency on a predecessor task, held by the successor. A positive lag waits, a negative one
 * (a lead) overlaps; the lag may be working time, elapsed time or a percentage of the predecessor.
 */
public record Link(String predecessorId, LinkType type, Duration lag) {

    public Link {
        Objects.requireNonNull(predecessorId, "predecessorId");
        type = type == null ? LinkType.FS : type;
        lag = lag == null || lag.isZero() ? Duration.ZERO : lag;
    }

    public static Link fs(String predecessorId) {
        return new Link(predecessorId, LinkType.FS, Duration.ZERO);
    }

    public static Link of(String predecessorId, LinkType type, Duration lag) {
        return new Link(predecessorId, type, lag);
    }
}
