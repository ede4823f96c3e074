package io.planwright.server.json;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of the plan the current request changes, while its body is read: a time sent with an
 * offset ({@code ...T08:00:00Z}) is converted to the plan's local time in it. Set and cleared around each
 * request by PlanGate.
 */
public final class PlanZone {

    private static final ThreadLocal<ZoneId> ZONE = new ThreadLocal<>();

    private PlanZone() {
    }

    public static void set(ZoneId zone) {
        if (zone == null) {
            ZONE.remove();
        } else {
            ZONE.set(zone);
        }
    }

    public static Optional<ZoneId> current() {
        return Optional.ofNullable(ZONE.get());
    }

    public static void clear() {
        ZONE.remove();
    }
}
