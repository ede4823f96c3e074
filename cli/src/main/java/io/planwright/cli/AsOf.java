package io.planwright.cli;

import io.planwright.core.calendar.Moments;

import java.time.LocalDateTime;

/** A status date given on the command line: a date alone is the end of that day, as in plan files. */
final class AsOf {

    private AsOf() {
    }

    static LocalDateTime parse(String text, String option) {
        if (text == null) {
            return null;
        }
        LocalDateTime moment = Moments.parse(text, Moments.Edge.FINISH);
        if (moment == null) {
            throw CliException.usage(option + " '" + text + "' is not a date: write it as 2026-03-11 (the end of that day) or 2026-03-11T12:00");
        }
        return moment;
    }

    /** The date as the plan file writes it. */
    static String text(LocalDateTime t) {
        return Moments.date(t, Moments.Edge.FINISH);
    }
}
