package io.planwright.formats.exchange;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.SourceMap;
import org.mpxj.MPXJException;
import org.mpxj.ProjectFile;
import org.mpxj.reader.UniversalProjectReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the files of other planning tools through MPXJ: MS Project (.mpp, .mpt, .mpx, MSPDI .xml),
 * Primavera (.xer, P6 XML .xml/.pmxml), Planner (.planner) and GanttProject (.gan). The format is
 * recognised from the content. Failures become one clear problem naming the file and the reason.
 */
public final class ProjectFiles {

    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private ProjectFiles() {
    }

    static String lowerName(Path file) {
        return file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** The raw MPXJ project, or a problem saying why not. */
    public record Opened(ProjectFile project, LocatedProblem failure) {
    }

    public static Opened open(Path file) {
        return open(file, true);
    }

    /**
     * With everything MPXJ reads, such as the dates and slack a file stores, which Planwright's import
     * does not need (the conformance comparison does).
     */
    public static Opened openWhole(Path file) {
        return open(file, false);
    }

    private static Opened open(Path file, boolean fast) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return failed(name, "not-a-file", "this is a directory, not a project file");
            }
            long size = Files.size(file);
            if (size == 0) {
                return failed(name, "empty", "the file is empty");
            }
            if (size > MAX_BYTES) {
                return failed(name, "too-large", "the file is too large (" + (size >> 20) + " MB); the limit is " + (MAX_BYTES >> 20) + " MB");
            }
        } catch (NoSuchFileException e) {
            return failed(name, "not-found", "no such file");
        } catch (IOException e) {
            return failed(name, "unreadable", "cannot read the file: " + e.getMessage());
        }
        String incomplete = incomplete(file);
        if (incomplete != null) {
            return failed(name, "truncated", incomplete);
        }
        if (fast && lowerName(file).endsWith(".xml")) {
            ProjectFile quick = MspdiFastReader.read(file);
            if (quick != null) {
                return new Opened(quick, null);
            }
        }
        ProjectFile project;
        try {
            project = new UniversalProjectReader().read(file.toFile());
        } catch (MPXJException e) {
            return failed(name, "unreadable", reason(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(name, "unreadable", "the file is damaged or incomplete, or not the format its name suggests ("
                    + shortText(e) + ")");
        }
        if (project == null) {
            return failed(name, "unsupported", "this is not a project file Planwright can read (MS Project .mpp, .mpx or .xml, "
                    + "Primavera .xer or .xml, Planner, GanttProject .gan)");
        }
        if ("GAN".equals(project.getProjectProperties().getFileType())) {
            GanttProjectLinks.addNestedDependencies(project, file);
        }
        return new Opened(project, null);
    }

    /**
     * Text formats whose end can be checked, so that a file cut short in a download or a copy is
     * refused instead of read as a smaller plan: an XER file ends with its "%E" line, and every
     * record of an MPX file ends with a line break.
     */
    static String incomplete(Path file) {
        String name = lowerName(file);
        if (!name.endsWith(".xer") && !name.endsWith(".mpx")) {
            return null;
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            int n = (int) Math.min(64, size);
            byte[] tail = new byte[n];
            f.seek(size - n);
            f.readFully(tail);
            String end = new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] head = new byte[(int) Math.min(16, size)];
            f.seek(0);
            f.readFully(head);
            String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (name.endsWith(".xer") && start.startsWith("ERMHDR") && !end.strip().endsWith("%E")) {
                return "the file is incomplete: an XER file ends with a '%E' line, and this one stops before it (was it cut short?)";
            }
            if (name.endsWith(".mpx") && start.startsWith("MPX") && end.charAt(end.length() - 1) != '\n' && end.charAt(end.length() - 1) != '\r') {
                return "the file is incomplete: its last record stops in the middle of a line (was it cut short?)";
            }
            return null;
        } catch (IOException e) {
            return null; // reading it properly will say what is wrong
        }
    }

    /** Reads a file into the model: the plan, its losses as warnings, and the plan's own problems. */
    public static ReadResult read(Path file) {
        Opened opened = open(file);
        if (opened.failure() != null) {
            return new ReadResult(file.toString(), null, List.of(opened.failure()), SourceMap.empty());
        }
        String base = file.getFileName() == null ? "Imported plan" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        MpxjImporter.Result imported;
        try {
            imported = MpxjImporter.read(opened.project(), base);
        } catch (RuntimeException e) {
            return new ReadResult(file.toString(), null, List.of(new LocatedProblem(file.toString(), null,
                    Problem.error("unreadable", null, "the project could not be converted: " + shortText(e)))), SourceMap.empty());
        }
        List<LocatedProblem> problems = new ArrayList<>();
        for (Loss loss : imported.losses()) {
            problems.add(new LocatedProblem(file.toString(), null, Problem.warning("loss", loss.taskId() == null ? "" : "tasks/" + loss.taskId(),
                    "not carried over: " + loss.describe())));
        }
        return new ReadResult(file.toString(), imported.plan(), problems, SourceMap.empty());
    }

    /** The plan's own problems added to what reading found, without locations (binary files have no lines). */
    public static ReadResult check(ReadResult r) {
        if (r.plan() == null) {
            return r;
        }
        List<LocatedProblem> all = new ArrayList<>(r.problems());
        for (Problem p : PlanChecker.check(r.plan())) {
            all.add(new LocatedProblem(r.file(), null, p));
        }
        return new ReadResult(r.file(), r.plan(), all, r.sources());
    }

    private static Opened failed(String name, String code, String message) {
        return new Opened(null, new LocatedProblem(name, null, Problem.error(code, null, message)));
    }

    private static String reason(MPXJException e) {
        String all = chain(e).toLowerCase(Locale.ROOT);
        if (all.contains("password")) {
            return "the file is password-protected; open it in MS Project and save it without a password";
        }
        if (all.contains("encrypt")) {
            return "the file is encrypted; save it unencrypted";
        }
        return "the file is damaged or incomplete, or not the format its name suggests (" + shortText(e) + ")";
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append("; ");
        }
        return b.toString();
    }

    /** The innermost message, short, for people. */
    static String shortText(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = root.getClass().getSimpleName();
        }
        msg = msg.replaceAll("\\s+", " ").strip();
        return msg.length() > 160 ? msg.substring(0, 157) + "..." : msg;
    }
}
