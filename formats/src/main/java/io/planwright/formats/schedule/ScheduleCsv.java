package io.planwright.formats.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * The schedule as CSV: one row per task in WBS order, ISO local date-times ({@code 2026-03-02T08:00}),
 * hours as decimals, {@code true}/{@code false}. Text is quoted per RFC 4180 where needed.
 */
public final class ScheduleCsv {

    public static final String HEADER = "id,wbs,name,type,duration_hours,start,finish,early_start,early_finish,late_start,late_finish,"
            + "total_float_hours,free_float_hours,critical,percent_complete,actual_start,actual_finish,baseline_start,baseline_finish,"
            + "finish_variance_hours";

    private ScheduleCsv() {
    }

    public static String write(PlanSchedule schedule) {
        StringBuilder b = new StringBuilder(64 + schedule.tasks().size() * 160);
        b.append(HEADER).append('\n');
        ScheduleProgress progress = ScheduleProgress.of(schedule);
        for (int i = 0; i < schedule.tasks().size(); i++) {
            ScheduledTask t = schedule.tasks().get(i);
            ScheduleProgress.Row p = progress.row(i);
            b.append(field(t.id())).append(',')
                    .append(field(t.wbs())).append(',')
                    .append(field(t.name())).append(',')
                    .append(t.type().text()).append(',')
                    .append(hours(t.durationMinutes())).append(',')
                    .append(time(t.start())).append(',')
                    .append(time(t.finish())).append(',')
                    .append(time(t.earlyStart())).append(',')
                    .append(time(t.earlyFinish())).append(',')
                    .append(time(t.lateStart())).append(',')
                    .append(time(t.lateFinish())).append(',')
                    .append(hours(t.totalFloatMinutes())).append(',')
                    .append(hours(t.freeFloatMinutes())).append(',')
                    .append(t.critical()).append(',')
                    .append(number(p.percentComplete())).append(',')
                    .append(time(p.actualStart())).append(',')
                    .append(time(p.actualFinish())).append(',')
                    .append(time(p.baselineStart())).append(',')
                    .append(time(p.baselineFinish())).append(',')
                    .append(p.finishVarianceMinutes() == null ? "" : hours(p.finishVarianceMinutes())).append('\n');
        }
        return b.toString();
    }

    /** A number as written in the schedule: {@code 40}, {@code 62.5}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Minutes as hours: {@code 480} → {@code 8}, {@code 90} → {@code 1.5}, {@code 1} → {@code 0.0167}. */
    public static String hours(long minutes) {
        if (minutes % 60 == 0) {
            return Long.toString(minutes / 60);
        }
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code 2026-03-02T08:00}: minutes precision, no seconds. */
    public static String time(LocalDateTime t) {
        if (t == null) {
            return "";
        }
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        char[] c = new char[16];
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        c[2] = (char) ('0' + year / 10 % 10);
        c[3] = (char) ('0' + year % 10);
        c[4] = '-';
        two(c, 5, t.getMonthValue());
        c[7] = '-';
        two(c, 8, t.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    public static String field(String text) {
        if (text == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ')) {
            quote = true;
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
