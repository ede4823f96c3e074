package io.planwright.core.model;

import java.time.LocalTime;

/**
 * Working hours within one day, as minutes after midnight: {@code from} inclusive, {@code to}
 * exclusive, {@code to} up to 1440 (24:00).
 */
public record TimeRange(int from, int to) implements Comparable<TimeRange> {

    public TimeRange {
        if (from < 0 || to > 1440 || from >= to) {
            throw new IllegalArgumentException("a working time range runs forward within one day: " + from + ".." + to);
        }
    }

    public static TimeRange of(LocalTime from, LocalTime to) {
        int toMinute = to.equals(LocalTime.MIDNIGHT) ? 1440 : to.getHour() * 60 + to.getMinute();
        return new TimeRange(from.getHour() * 60 + from.getMinute(), toMinute);
    }

    public int minutes() {
        return to - from;
    }

    @Override
    public int compareTo(TimeRange o) {
        return Integer.compare(from, o.from);
    }

    /** {@code 08:00-12:00}. */
    @Override
    public String toString() {
        return clock(from) + "-" + clock(to);
    }

    public static String clock(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
