package io.planwright.formats;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.calendar.CalendarRangeException;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.exchange.Loss;
import io.planwright.formats.exchange.MpxjExporter;
import io.planwright.formats.exchange.ProjectFiles;
import io.planwright.formats.ical.ICalendarWriter;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import io.planwright.formats.plan.SourceMap;
import io.planwright.formats.psplib.PsplibReader;
import io.planwright.formats.table.TaskListReader;
import io.planwright.formats.table.TaskTableWriter;
import org.mpxj.ProjectFile;
import org.mpxj.mspdi.MSPDIWriter;
import org.mpxj.primavera.PrimaveraPMFileWriter;
import org.mpxj.primavera.PrimaveraXERFileWriter;
import org.mpxj.writer.ProjectWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One door for every format: reads any readable file into the model (with its problems and, for other
 * tools' files, what could not be carried over), and writes a plan in any writable format, scheduled
 * first where the format holds dates. Writing is all or nothing: into memory, then one atomic move.
 */
public final class PlanIO {

    private PlanIO() {
    }

    /** Writing failed for a reason the user can act on. */
    public static final class ExportException extends Exception {
        public ExportException(String message) {
            super(message);
        }
    }

    /** What was written, and what the format could not hold. */
    public record Written(Path file, FileFormat format, int tasks, List<Loss> losses) {
    }

    /** Reads and checks a file of any readable format. */
    public static ReadResult readAndCheck(Path file) {
        return check(file, read(file));
    }

    /** Reads a file of any readable format into the model, without checking the plan. */
    public static ReadResult read(Path file) {
        FileFormat format = FileFormat.of(file).orElse(null);
        if (format == null) {
            return failure(file, "unsupported", "cannot tell the format of this file from its name; Planwright reads "
                    + FileFormat.extensions(true));
        }
        return switch (format) {
            case PLAN_YAML, PLAN_JSON -> PlanFiles.read(file);
            case CSV, XLSX -> TaskListReader.read(file);
            case PSPLIB -> PsplibReader.read(file);
            case ICS -> failure(file, "unsupported", "iCalendar files are written, not read (they hold milestones, not a plan)");
            default -> ProjectFiles.read(file);
        };
    }

    /** The plan's own problems, added to what reading found, each located as the format allows. */
    public static ReadResult check(Path file, ReadResult read) {
        FileFormat format = FileFormat.of(file).orElse(null);
        if (read.plan() == null || format == null) {
            return read;
        }
        return format.viaMpxj() ? ProjectFiles.check(read) : PlanFiles.check(read);
    }

    private static ReadResult failure(Path file, String code, String message) {
        return new ReadResult(file.toString(), null, List.of(new LocatedProblem(file.toString(), null, Problem.error(code, null, message))),
                SourceMap.empty());
    }

    /** Writes the plan to {@code target} in the format its name says. */
    public static Written write(Plan plan, Path target, Instant now) throws IOException, ExportException {
        FileFormat format = FileFormat.of(target).orElseThrow(() -> new ExportException("cannot tell the format of '" + target
                + "' from its name; Planwright writes " + FileFormat.extensions(false)));
        if (!format.writable()) {
            throw new ExportException(whyNotWritable(format, target));
        }
        Encoded e = encode(plan, format, now);
        PlanFiles.writeAtomically(target, e.bytes());
        return new Written(target, format, plan.tasks().size(), e.losses());
    }

    /** Why a format that is only read cannot be written, with what to write instead. */
    public static String whyNotWritable(FileFormat format, Path target) {
        return switch (format) {
            case MPP -> "'" + target + "': MS Project's binary .mpp format cannot be written (no open-source library can); "
                    + "write MS Project XML (.xml), which MS Project opens with the same tasks, links, calendars and dates";
            case GANTTPROJECT, PLANNER, MPX -> "'" + target + "': " + format.description() + " files are read, not written; write MS Project XML (.xml), "
                    + "which " + (format == FileFormat.MPX ? "MS Project" : format == FileFormat.PLANNER ? "Planner" : "GanttProject") + " opens";
            default -> "'" + target + "': " + format.description() + " files are read, not written";
        };
    }

    /** The bytes of a plan in a format, and its losses. */
    public record Encoded(byte[] bytes, List<Loss> losses) {
    }

    public static Encoded encode(Plan plan, FileFormat format, Instant now) throws IOException, ExportException {
        switch (format) {
            case PLAN_YAML:
                return new Encoded(PlanFiles.write(plan, PlanFormat.YAML).getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
            case PLAN_JSON:
                return new Encoded(PlanFiles.write(plan, PlanFormat.JSON).getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
            default:
                break;
        }
        PlanSchedule schedule = schedule(plan);
        try {
            return switch (format) {
                case CSV -> new Encoded(TaskTableWriter.csvBytes(plan, schedule), tableLosses(plan));
                case XLSX -> new Encoded(TaskTableWriter.xlsx(plan, schedule), tableLosses(plan));
                case ICS -> new Encoded(ICalendarWriter.bytes(plan, schedule, now), List.of());
                default -> viaMpxj(plan, schedule, format);
            };
        } catch (RuntimeException e) {
            throw new ExportException("the " + format.description() + " file could not be made: " + e);
        }
    }

    private static PlanSchedule schedule(Plan plan) throws ExportException {
        try {
            return PlanScheduler.schedule(plan);
        } catch (CalendarRangeException e) {
            throw new ExportException("the plan cannot be scheduled: " + e.getMessage());
        }
    }

    /** What a task table does not carry, named for this plan: only what the plan has. */
    static List<Loss> tableLosses(Plan plan) {
        List<String> left = new ArrayList<>();
        if (plan.description() != null && !plan.description().isBlank()) {
            left.add("description");
        }
        if (plan.statusDate() != null) {
            left.add("status date");
        }
        if (plan.timeZone() != null) {
            left.add("time zone");
        }
        if (plan.rescheduleRemaining()) {
            left.add("reschedule remaining work after the status date");
        }
        if (plan.currency() != null) {
            left.add("currency (" + plan.currency() + ")");
        }
        if (plan.scheduleFrom() == io.planwright.core.model.ScheduleFrom.FINISH || plan.finish() != null) {
            left.add("finish date" + (plan.scheduleFrom() == io.planwright.core.model.ScheduleFrom.FINISH ? " (the table reads back scheduled from its start)" : ""));
        }
        int exceptions = plan.calendars().stream().mapToInt(c -> c.exceptions().size()).sum();
        if (!plan.calendars().isEmpty()) {
            left.add(plan.calendars().size() + " calendar" + (plan.calendars().size() == 1 ? "" : "s")
                    + (exceptions == 0 ? "" : " with " + exceptions + " holiday" + (exceptions == 1 ? "" : "s") + " and exception" + (exceptions == 1 ? "" : "s"))
                    + " (the table reads back on the standard calendar)");
        }
        long rated = plan.resources().stream().filter(r -> r.standardRate() != null || r.overtimeRate() != null || r.costPerUse() != null).count();
        if (rated > 0) {
            left.add("the rates of " + rated + " resource" + (rated == 1 ? "" : "s"));
        }
        count(left, plan.baselines().size(), "baseline");
        count(left, (int) plan.tasks().stream().filter(t -> t.estimate() != null).count(), "three-point estimate");
        count(left, (int) plan.tasks().stream().filter(t -> !t.splits().isEmpty()).count(), "split task");
        count(left, (int) plan.tasks().stream().filter(t -> t.calendarId() != null).count(), "task calendar");
        count(left, (int) plan.tasks().stream().filter(t -> t.fixedCost() != null).count(), "fixed cost");
        count(left, plan.objectives().size(), "objective");
        count(left, plan.deliverables().size(), "deliverable");
        count(left, plan.risks().size(), "risk");
        count(left, plan.stakeholders().size(), "stakeholder");
        count(left, plan.communications().size(), "communication item");
        count(left, (int) plan.tasks().stream().filter(t -> !t.raci().isEmpty()).count(), "task RACI chart");
        if (left.isEmpty()) {
            return List.of();
        }
        return List.of(new Loss(null, null, "a task table holds tasks, links, resource names, dates and progress, not the plan's "
                + String.join(", ", left) + " (the Planwright plan file keeps them)"));
    }

    private static void count(List<String> out, int n, String what) {
        if (n > 0) {
            out.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }

    private static Encoded viaMpxj(Plan plan, PlanSchedule schedule, FileFormat format) throws ExportException, IOException {
        MpxjExporter.Result exported = MpxjExporter.export(plan, schedule,
                format == FileFormat.MSPDI ? MpxjExporter.Target.MS_PROJECT : MpxjExporter.Target.PRIMAVERA);
        ProjectFile project = exported.project();
        ProjectWriter writer = switch (format) {
            case MSPDI -> {
                MSPDIWriter w = new MSPDIWriter();
                w.setMicrosoftProjectCompatibleOutput(true);
                w.setWriteTimephasedData(MpxjExporter.hasTimephasedSplits(project)); // split tasks live there
                yield w;
            }
            case XER -> new PrimaveraXERFileWriter();
            case PMXML -> new PrimaveraPMFileWriter();
            default -> throw new ExportException(format.description() + " cannot be written");
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(project, out);
        return new Encoded(out.toByteArray(), exported.losses());
    }
}
