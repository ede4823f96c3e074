package io.planwright.bench;

import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.exchange.MpxjImporter;
import io.planwright.formats.exchange.ProjectFiles;
import org.mpxj.ProjectFile;
import org.mpxj.Task;
import org.mpxj.TaskField;
import org.mpxj.TaskMode;
import org.mpxj.TimeUnit;
import org.mpxj.cpm.MicrosoftScheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Schedules MS Project files with Planwright and with MPXJ's MicrosoftScheduler and compares both with
 * the dates MS Project stored in each file: early and late start and finish, total slack and the
 * critical flag (the last two only where the file stores them: MSPDI). Manually scheduled tasks are
 * compared on their start and finish, which both must keep.
 */
public final class Conformance {

    public enum Field {
        EARLY_START, EARLY_FINISH, LATE_START, LATE_FINISH, TOTAL_SLACK, CRITICAL, MANUAL_DATES;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One value compared: what MS Project stored, what Planwright and MPXJ computed; {@code progress} for a
     * task that has started (an actual start) in the file.
     */
    public record Comparison(String file, String taskId, String taskName, Field field, String msProject, String planwright, String mpxj,
                             boolean planwrightOk, boolean mpxjOk, boolean progress) {

        public Comparison(String file, String taskId, String taskName, Field field, String msProject, String planwright, String mpxj,
                          boolean planwrightOk, boolean mpxjOk) {
            this(file, taskId, taskName, field, msProject, planwright, mpxj, planwrightOk, mpxjOk, false);
        }
    }

    /**
     * A file's outcome: its comparisons, or why it could not be compared, and the tasks of the file that
     * the import left out and so were not compared (unique ID and why: "blank line", "inactive",
     * "external task", "inside an inserted subproject or an inactive summary").
     */
    public record FileResult(String file, List<Comparison> comparisons, String skipped, List<String> dropped) {

        public FileResult(String file, List<Comparison> comparisons, String skipped) {
            this(file, comparisons, skipped, List.of());
        }

        public Map<Field, int[]> counts() {
            return counts(false);
        }

        /** Per field: compared, Planwright's matches, MPXJ's; with {@code progressOnly} of the tasks with progress only. */
        public Map<Field, int[]> counts(boolean progressOnly) {
            Map<Field, int[]> out = new EnumMap<>(Field.class);
            for (Comparison c : comparisons) {
                if (progressOnly && !c.progress()) {
                    continue;
                }
                int[] n = out.computeIfAbsent(c.field(), f -> new int[3]);
                n[0]++;
                n[1] += c.planwrightOk() ? 1 : 0;
                n[2] += c.mpxjOk() ? 1 : 0;
            }
            return out;
        }
    }

    private Conformance() {
    }

    /** The MS Project files under a folder: .mpp, .mpx and MSPDI .xml (Primavera and Planner files are left out). */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(Conformance::isMsProject).sorted().toList();
        }
    }

    static boolean isMsProject(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".mpp") || n.endsWith(".mpx")) {
            return true;
        }
        if (n.endsWith(".xml")) {
            try {
                String head = Files.readString(p).substring(0, (int) Math.min(2000, Files.size(p)));
                return head.contains("schemas.microsoft.com/project");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    public static FileResult run(Path file, Path root) {
        String name = root == null ? file.toString() : root.relativize(file).toString();
        ProjectFiles.Opened stored = ProjectFiles.openWhole(file);
        if (stored.failure() != null) {
            return new FileResult(name, List.of(), stored.failure().problem().message());
        }
        ProjectFile original = stored.project();
        boolean slackStored = name.toLowerCase(Locale.ROOT).endsWith(".xml");
        MpxjImporter.Result imported = MpxjImporter.read(original, name);
        Plan plan = imported.plan();
        PlanSchedule ours;
        try {
            ours = PlanScheduler.schedule(plan);
        } catch (RuntimeException e) {
            return new FileResult(name, List.of(), "Planwright could not schedule it: " + e.getMessage());
        }
        Map<String, ScheduledTask> byId = new LinkedHashMap<>();
        ours.tasks().forEach(t -> byId.put(t.id(), t));
        // MPXJ on a fresh copy, with the stored slack cleared so that it is computed
        Map<Integer, Task> theirs = new LinkedHashMap<>();
        String mpxjFailure = null;
        ProjectFiles.Opened fresh = ProjectFiles.openWhole(file);
        if (fresh.project() != null) {
            for (Task t : fresh.project().getTasks()) {
                t.set(TaskField.TOTAL_SLACK, null);
                t.set(TaskField.CRITICAL, null);
                theirs.put(t.getUniqueID(), t);
            }
            try {
                new MicrosoftScheduler().schedule(fresh.project(), fresh.project().getProjectProperties().getStartDate());
            } catch (Exception e) {
                mpxjFailure = e.getMessage();
            }
        }
        List<Comparison> out = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Task t : original.getTasks()) {
            String id = imported.taskIds().get(t);
            ScheduledTask mine = id == null ? null : byId.get(id);
            if (mine == null) {
                String why = whyLeftOut(t);
                if (why != null) {
                    dropped.add(t.getUniqueID() + " " + why);
                }
                continue;
            }
            if (mine.type() == ScheduledTask.Kind.SUMMARY) {
                continue; // a summary: its dates roll up
            }
            Task mpxj = mpxjFailure == null ? theirs.get(t.getUniqueID()) : null;
            int first = out.size();
            compare(out, name, id, t, mine, mpxj, original, fresh, slackStored);
            if (t.getActualStart() != null) {
                for (int k = first; k < out.size(); k++) {
                    Comparison c = out.get(k);
                    out.set(k, new Comparison(c.file(), c.taskId(), c.taskName(), c.field(), c.msProject(), c.planwright(), c.mpxj(),
                            c.planwrightOk(), c.mpxjOk(), true));
                }
            }
        }
        return new FileResult(name, out, null, List.copyOf(dropped));
    }

    /** The values of one task: a manual one's dates, else its early and late dates, and its slack where the file stores it. */
    private static void compare(List<Comparison> out, String name, String id, Task t, ScheduledTask mine, Task mpxj, ProjectFile original,
                                ProjectFiles.Opened fresh, boolean slackStored) {
        if (t.getTaskMode() == TaskMode.MANUALLY_SCHEDULED) {
            String expected = t.getStart() + " .. " + t.getFinish();
            String got = mine.start() + " .. " + mine.finish();
            String m = mpxj == null ? "-" : mpxj.getStart() + " .. " + mpxj.getFinish();
            boolean ok = same(t.getStart(), mine.start(), false) && same(t.getFinish(), mine.finish(), false);
            boolean mOk = mpxj != null && same(t.getStart(), mpxj.getStart(), false) && same(t.getFinish(), mpxj.getFinish(), false);
            out.add(new Comparison(name, id, t.getName(), Field.MANUAL_DATES, expected, got, m, ok, mOk));
            return;
        }
        date(out, name, id, t, Field.EARLY_START, t.getEarlyStart(), mine.earlyStart(), mpxj == null ? null : mpxj.getEarlyStart());
        date(out, name, id, t, Field.EARLY_FINISH, t.getEarlyFinish(), mine.earlyFinish(), mpxj == null ? null : mpxj.getEarlyFinish());
        date(out, name, id, t, Field.LATE_START, t.getLateStart(), mine.lateStart(), mpxj == null ? null : mpxj.getLateStart());
        date(out, name, id, t, Field.LATE_FINISH, t.getLateFinish(), mine.lateFinish(), mpxj == null ? null : mpxj.getLateFinish());
        if (slackStored && t.getTotalSlack() != null) {
            long expected = minutes(original, t.getTotalSlack());
            Long m = mpxj == null || mpxj.getTotalSlack() == null ? null : minutes(fresh.project(), mpxj.getTotalSlack());
            out.add(new Comparison(name, id, t.getName(), Field.TOTAL_SLACK, expected + " min", mine.totalFloatMinutes() + " min",
                    m == null ? "-" : m + " min", expected == mine.totalFloatMinutes(), m != null && expected == m));
            boolean critical = t.getCritical();
            out.add(new Comparison(name, id, t.getName(), Field.CRITICAL, String.valueOf(critical), String.valueOf(mine.critical()),
                    mpxj == null ? "-" : String.valueOf(mpxj.getCritical()), critical == mine.critical(), mpxj != null && critical == mpxj.getCritical()));
        }
    }

    private static String whyLeftOut(Task t) {
        if (t.getNull()) {
            return "blank line";
        }
        if (t.getUniqueID() != null && t.getUniqueID() == 0 && t.getOutlineLevel() != null && t.getOutlineLevel() == 0) {
            return null; // the project summary task: the plan itself, not a task left out
        }
        if (!t.getActive()) {
            return "inactive";
        }
        if (t.getExternalTask()) {
            return "external task";
        }
        return "inside an inserted subproject or an inactive summary";
    }

    /**
     * Dates are compared to the minute, Planwright's resolution (MS Project stores seconds where a work
     * contour spreads work unevenly); files that store dates without times (MPX of Project 98) by day.
     */
    private static void date(List<Comparison> out, String file, String id, Task t, Field field, LocalDateTime expected, LocalDateTime ours,
                             LocalDateTime mpxj) {
        if (expected == null) {
            return;
        }
        boolean byDay = file.toLowerCase(Locale.ROOT).endsWith(".mpx") && expected.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        out.add(new Comparison(file, id, t.getName(), field, String.valueOf(expected), String.valueOf(ours), String.valueOf(mpxj),
                same(expected, ours, byDay), same(expected, mpxj, byDay)));
    }

    private static boolean same(LocalDateTime expected, LocalDateTime actual, boolean byDay) {
        if (actual == null) {
            return false;
        }
        if (byDay) {
            return expected.toLocalDate().equals(actual.toLocalDate());
        }
        return expected.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(actual.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    private static long minutes(ProjectFile file, org.mpxj.Duration d) {
        return Math.round(d.convertUnits(TimeUnit.MINUTES, file.getProjectProperties()).getDuration());
    }

    /** Everything under a folder. */
    public static List<FileResult> runAll(Path dir) throws IOException {
        List<FileResult> out = new ArrayList<>();
        for (Path p : files(dir)) {
            out.add(run(p, dir));
        }
        return out;
    }

    // ------------------------------------------------------------------ reports

    /** Per field: compared, Planwright's matches, MPXJ's matches, over all files. */
    public static Map<Field, int[]> totals(List<FileResult> results) {
        return totals(results, false);
    }

    /** The totals of the tasks with progress (an actual start in the file) only, with {@code progressOnly}. */
    public static Map<Field, int[]> totals(List<FileResult> results, boolean progressOnly) {
        Map<Field, int[]> total = new EnumMap<>(Field.class);
        for (FileResult r : results) {
            r.counts(progressOnly).forEach((f, n) -> {
                int[] t = total.computeIfAbsent(f, x -> new int[3]);
                t[0] += n[0];
                t[1] += n[1];
                t[2] += n[2];
            });
        }
        return total;
    }

    /** The comparisons where Planwright (and, with {@code mpxjToo}, MPXJ) disagrees with MS Project. */
    public static List<Comparison> mismatches(List<FileResult> results, boolean mpxjToo) {
        List<Comparison> out = new ArrayList<>();
        for (FileResult r : results) {
            for (Comparison c : r.comparisons()) {
                if (!c.planwrightOk() || (mpxjToo && !c.mpxjOk())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * For people: per file and field how many values match, the totals, then each mismatch with
     * MS Project's, Planwright's and MPXJ's values.
     */
    public static String table(List<FileResult> results, boolean mismatches) {
        return table(results, mismatches, false);
    }

    public static String table(List<FileResult> results, boolean mismatches, boolean mpxjMismatches) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-58s %-14s %9s %11s %11s%n", "file", "field", "compared", "planwright", "mpxj"));
        for (FileResult r : results) {
            if (r.skipped() != null) {
                b.append(String.format(Locale.ROOT, "%-58s skipped: %s%n", r.file(), r.skipped()));
                continue;
            }
            r.counts().forEach((f, n) -> b.append(String.format(Locale.ROOT, "%-58s %-14s %9d %11d %11d%n", r.file(), f.label(), n[0], n[1], n[2])));
        }
        b.append('\n');
        totals(results).forEach((f, n) -> b.append(String.format(Locale.ROOT, "%-58s %-14s %9d %6d %3.0f%% %6d %3.0f%%%n", "TOTAL", f.label(), n[0],
                n[1], 100.0 * n[1] / n[0], n[2], 100.0 * n[2] / n[0])));
        totals(results, true).forEach((f, n) -> b.append(String.format(Locale.ROOT, "%-58s %-14s %9d %6d %3.0f%% %6d %3.0f%%%n",
                "TOTAL of the tasks with progress", f.label(), n[0], n[1], 100.0 * n[1] / n[0], n[2], 100.0 * n[2] / n[0])));
        if (mismatches || mpxjMismatches) {
            List<Comparison> list = mismatches(results, mpxjMismatches);
            b.append('\n').append(list.size()).append(list.size() == 1 ? " mismatch" : " mismatches")
                    .append(" (MS Project / Planwright / MPXJ; * marks the values that differ from MS Project):\n");
            for (Comparison c : list) {
                b.append(String.format(Locale.ROOT, "  %s  %s (%s)  %s: %s / %s%s / %s%s%n", c.file(), c.taskId(), c.taskName(), c.field().label(),
                        c.msProject(), c.planwright(), c.planwrightOk() ? "" : "*", c.mpxj(), c.mpxjOk() ? "" : "*"));
            }
        }
        return b.toString();
    }

    /**
     * For spreadsheets: one row per file and field ({@code kind} file), per field in total ({@code total}),
     * and per mismatch ({@code mismatch}, with the task and the three values).
     */
    public static String csv(List<FileResult> results, boolean mpxjMismatches) {
        StringBuilder b = new StringBuilder("kind,file,field,compared,planwright_matches,mpxj_matches,task_id,task_name,ms_project,planwright,mpxj,skipped\n");
        for (FileResult r : results) {
            if (r.skipped() != null) {
                b.append("skipped,").append(cell(r.file())).append(",,,,,,,,,,").append(cell(r.skipped())).append('\n');
            }
            r.counts().forEach((f, n) -> b.append("file,").append(cell(r.file())).append(',').append(f.label()).append(',').append(n[0]).append(',')
                    .append(n[1]).append(',').append(n[2]).append(",,,,,,\n"));
        }
        totals(results).forEach((f, n) -> b.append("total,,").append(f.label()).append(',').append(n[0]).append(',').append(n[1]).append(',')
                .append(n[2]).append(",,,,,,\n"));
        totals(results, true).forEach((f, n) -> b.append("progress,,").append(f.label()).append(',').append(n[0]).append(',').append(n[1])
                .append(',').append(n[2]).append(",,,,,,\n"));
        for (Comparison c : mismatches(results, mpxjMismatches)) {
            b.append("mismatch,").append(cell(c.file())).append(',').append(c.field().label()).append(",,")
                    .append(c.planwrightOk() ? 1 : 0).append(',').append(c.mpxjOk() ? 1 : 0).append(',')
                    .append(cell(c.taskId())).append(',').append(cell(c.taskName())).append(',').append(cell(c.msProject())).append(',')
                    .append(cell(c.planwright())).append(',').append(cell(c.mpxj())).append(",\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return io.planwright.formats.schedule.ScheduleCsv.field(s);
    }
}
