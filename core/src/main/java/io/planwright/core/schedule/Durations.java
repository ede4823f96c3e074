package io.planwright.core.schedule;

import java.util.Locale;

/** Words for durations and dates in messages to people. */
final class Durations {

    private Durations() {
    }

    /** 480 working minutes → "1 day", on an 8-hour day. */
    static String words(long minutes) {
        if (minutes % 480 == 0) {
            long days = minutes / 480;
            return days + (days == 1 ? " working day" : " working days");
        }
        double hours = minutes / 60.0;
        String h = hours == Math.rint(hours) ? Long.toString((long) hours) : String.format(Locale.ROOT, "%.1f", hours);
        return h + (hours == 1 ? " working hour" : " working hours");
    }
}
