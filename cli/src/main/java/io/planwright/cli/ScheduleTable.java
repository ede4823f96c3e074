package io.planwright.cli;

import io.planwright.core.calendar.Moments;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduleWarning;
import io.planwright.core.schedule.ScheduledTask;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The schedule for people: aligned columns, critical tasks marked, the finish and critical path summarised. */
final class ScheduleTable {

    private static final int NAME_WIDTH = 44;

    private ScheduleTable() {
    }

    static String write(PlanSchedule s) {
        return write(s, null, null);
    }

    /**
     * The table with one more column at the right (a number, right-aligned), such as how far leveling moved
     * each task; {@code extra} gives its cell for a task ("" for none).
     */
    static String write(PlanSchedule s, String extraHeader, java.util.function.Function<ScheduledTask, String> extra) {
        List<String[]> rows = new ArrayList<>();
        rows.add(withExtra(new String[] {"", "WBS", "Task", "Duration", "Start", "Finish", "Total float", "Free float"}, extraHeader));
        for (ScheduledTask t : s.tasks()) {
            int depth = t.wbs().split("\\.").length - 1;
            String name = "  ".repeat(depth) + (t.type() == ScheduledTask.Kind.SUMMARY ? "▸ " : t.type() == ScheduledTask.Kind.MILESTONE ? "◆ " : "") + t.name();
            if (name.length() > NAME_WIDTH) {
                name = name.substring(0, NAME_WIDTH - 1) + "…";
            }
            // finished work has no float to speak of: it is marked done instead
            rows.add(withExtra(new String[] {t.done() ? "✓" : t.critical() ? "*" : "", t.wbs(), name, days(t.durationMinutes(), t.elapsed()), start(t.start()),
                    finish(t.finish()), t.done() ? "done" : days(t.totalFloatMinutes(), false),
                    t.type() == ScheduledTask.Kind.SUMMARY || t.done() ? "" : days(t.freeFloatMinutes(), false)}, extra == null ? null : extra.apply(t)));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        boolean[] right = {false, false, false, true, false, false, true, true, true};
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                b.append("-".repeat(total - 2)).append('\n');
            }
        }
        b.append('\n');
        b.append("Plan:          ").append(s.plan().name()).append('\n');
        b.append("Start:         ").append(start(s.start())).append('\n');
        b.append("Finish:        ").append(finish(s.finish())).append('\n');
        long summaries = s.tasks().stream().filter(t -> t.type() == ScheduledTask.Kind.SUMMARY).count();
        long milestones = s.tasks().stream().filter(t -> t.type() == ScheduledTask.Kind.MILESTONE).count();
        long leaves = s.tasks().size() - summaries;
        long done = s.tasks().stream().filter(t -> t.done() && t.type() != ScheduledTask.Kind.SUMMARY).count();
        // the same count as validate's: every WBS entry, then what they are
        b.append("Tasks:         ").append(s.tasks().size()).append(" WBS entries: ").append(leaves - milestones).append(" tasks, ")
                .append(milestones).append(" milestones, ").append(summaries).append(" summary tasks; ").append(s.criticalTaskCount())
                .append(" critical (marked *), ").append(done).append(" done (marked ✓)").append('\n');
        List<List<String>> chains = s.criticalChains();
        if (chains.size() <= 1) {
            b.append("Critical path: ").append(chains.isEmpty() ? "none" : String.join(" -> ", chains.get(0))).append('\n');
        } else {
            b.append("Critical path: ").append(String.join(" -> ", chains.get(0))).append('\n');
            b.append("Also critical (a deadline or constraint drives them):\n");
            for (List<String> chain : chains.subList(1, chains.size())) {
                b.append("               ").append(String.join(" -> ", chain)).append('\n');
            }
        }
        if (!s.warnings().isEmpty()) {
            b.append("Warnings:\n");
            for (ScheduleWarning w : s.warnings()) {
                b.append("  - ").append(w.message()).append('\n');
            }
        }
        return b.toString();
    }

    private static String[] withExtra(String[] row, String cell) {
        if (cell == null) {
            return row;
        }
        String[] out = java.util.Arrays.copyOf(row, row.length + 1);
        out[row.length] = cell;
        return out;
    }

    /** Working minutes in days of 8 hours: {@code 5d}, {@code 2.5d}, {@code 4h}; elapsed as {@code ed}. */
    static String days(long minutes, boolean elapsed) {
        if (elapsed) {
            return trim(minutes / 1440.0) + "ed";
        }
        if (minutes != 0 && Math.abs(minutes) < 480) {
            return trim(minutes / 60.0) + "h";
        }
        return trim(minutes / 480.0) + "d";
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String start(LocalDateTime t) {
        return Moments.human(t, Moments.Edge.START, null);
    }

    /** A finish at the end of a day (work up to midnight) reads 24:00 of that day, never 00:00 of the next. */
    static String finish(LocalDateTime t) {
        return Moments.human(t, Moments.Edge.FINISH, null);
    }
}
