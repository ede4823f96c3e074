package io.planwright.formats.plan;

import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Location;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.SyntaxError;
import io.planwright.formats.tree.YamlEmitter;
import io.planwright.formats.tree.YamlTreeReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing plan files, with everything that can go wrong turned into located problems:
 * missing, empty, binary, non-UTF-8 and oversized files, syntax errors, and the plan's own problems.
 * Writing goes through a temporary file and an atomic move, so a plan file is never half written.
 */
public final class PlanFiles {

    /** Plans far beyond any real project (a million tasks is about 100 MB of YAML) are refused, not parsed. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private PlanFiles() {
    }

    /** Reads and maps a file, without model-level validation. */
    public static ReadResult read(Path file) {
        InputFile in = InputFile.read(file, MAX_BYTES, "a plan file");
        if (in.failure() != null) {
            return in.asResult();
        }
        String name = file.toString();
        byte[] bytes = in.bytes();
        PlanFormat format = PlanFormat.of(file).orElse(null);
        return parse(name, bytes, format);
    }

    /** Parses plan text; {@code format} null means: guess from the content. */
    public static ReadResult parse(String name, byte[] bytes, PlanFormat format) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return failure(name, null, "binary", "this is a binary file, not a plan file (YAML or JSON text)");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failure(name, null, "not-utf8", "the file is not UTF-8 text; save it as UTF-8");
        }
        return parse(name, text, format);
    }

    public static ReadResult parse(String name, String text, PlanFormat format) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failure(name, null, "empty", "the file is empty: a plan needs at least a 'plan:' section with a name and a start date");
        }
        PlanFormat f = format != null ? format : text.stripLeading().startsWith("{") ? PlanFormat.JSON : PlanFormat.YAML;
        Node root;
        try {
            root = f == PlanFormat.JSON ? JsonTreeReader.read(text) : YamlTreeReader.read(text);
        } catch (SyntaxError e) {
            return failure(name, e.location(), "syntax", e.getMessage());
        }
        return PlanFileReader.map(name, root);
    }

    /** Reads a file and checks the plan: the file's problems, then the plan's, each with its location. */
    public static ReadResult readAndCheck(Path file) {
        return check(read(file));
    }

    public static ReadResult check(ReadResult read) {
        if (read.plan() == null) {
            return read;
        }
        List<LocatedProblem> all = new ArrayList<>(read.problems());
        for (Problem p : PlanChecker.check(read.plan())) {
            if (read.isFaulty(p.path()) && (!p.isError() || p.path().startsWith("plan/"))) {
                continue; // follows from an error the file already has
            }
            all.add(new LocatedProblem(read.file(), read.sources().locate(p.path()), p));
        }
        // whole-file problems (no location) first, then by line and column
        all.sort(java.util.Comparator.comparing((LocatedProblem p) -> p.location() == null ? 0 : p.location().line())
                .thenComparing(p -> p.location() == null ? 0 : p.location().column()));
        return new ReadResult(read.file(), read.plan(), all, read.sources(), read.faultyPaths());
    }

    private static ReadResult failure(String name, Location at, String code, String message) {
        return new ReadResult(name, null, List.of(new LocatedProblem(name, at, Problem.error(code, null, message))), SourceMap.empty());
    }

    public static String toYaml(Plan plan) {
        return YamlEmitter.write(PlanFileWriter.tree(plan));
    }

    public static String toJson(Plan plan) {
        return JsonEmitter.write(PlanFileWriter.tree(plan));
    }

    public static String write(Plan plan, PlanFormat format) {
        return format == PlanFormat.JSON ? toJson(plan) : toYaml(plan);
    }

    /** Writes text to a file through a temporary file in the same directory and an atomic move. */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            keepPermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The new file gets the old one's permissions, or the usual rw-r--r-- (a temporary file starts private). */
    private static void keepPermissions(Path tmp, Path target) {
        try {
            if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a courtesy; the content is what matters
        }
    }
}
