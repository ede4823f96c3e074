package io.planwright.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a plan file to a new start by rewriting its dates in the text, so that the file keeps its comments
 * and layout. Dates on weekdays move by the working days (Monday to Friday) between the old and the new start,
 * so that a task that began on the plan's third working day still does; a weekend date (a cut-over on a
 * Saturday night) moves to the weekend after its Friday. The calendars' holidays stay on their dates: they
 * are the real year's, not the plan's.
 */
final class Redating {

    private static final Pattern DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:");
    /** Monday 1970-01-05 as an epoch day: the origin of the working-day index. */
    private static final long MONDAY = 4;

    private Redating() {
    }

    /** The text with every date outside the calendars moved by {@code workingDays} working days. */
    static String shift(String text, long workingDays) {
        StringBuilder out = new StringBuilder(text.length());
        String section = "";
        for (String line : text.split("(?<=\n)", -1)) {
            Matcher key = TOP_LEVEL_KEY.matcher(line);
            if (key.find()) {
                section = key.group(1);
            }
            if (section.equals("calendars")) {
                out.append(line);
                continue;
            }
            Matcher m = DATE.matcher(line);
            StringBuilder shifted = new StringBuilder();
            while (m.find()) {
                LocalDate d;
                try {
                    d = LocalDate.parse(m.group());
                } catch (java.time.DateTimeException e) {
                    continue;
                }
                m.appendReplacement(shifted, shift(d, workingDays).toString());
            }
            m.appendTail(shifted);
            out.append(shifted);
        }
        return out.toString();
    }

    /** A weekday moved by working days; a Saturday or Sunday to the weekend after its Friday, moved. */
    static LocalDate shift(LocalDate d, long workingDays) {
        DayOfWeek dow = d.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            LocalDate friday = d.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
            LocalDate saturday = shift(friday, workingDays).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
            return dow == DayOfWeek.SATURDAY ? saturday : saturday.plusDays(1);
        }
        return ofIndex(index(d) + workingDays);
    }

    /** The working days (Monday to Friday) from one weekday to another: negative when {@code to} is earlier. */
    static long workingDaysBetween(LocalDate from, LocalDate to) {
        return index(to) - index(from);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static long index(LocalDate weekday) {
        long days = weekday.toEpochDay() - MONDAY;
        return Math.floorDiv(days, 7) * 5 + Math.min(4, Math.floorMod(days, 7));
    }

    private static LocalDate ofIndex(long index) {
        return LocalDate.ofEpochDay(MONDAY + Math.floorDiv(index, 5) * 7 + Math.floorMod(index, 5));
    }
}
