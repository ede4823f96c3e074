package io.planwright.formats.plan;

import io.planwright.core.check.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file whole, or says in words why not: missing, a directory, empty, too large, unreadable. */
public record InputFile(byte[] bytes, LocatedProblem failure) {

    /** @param what the kind of file expected, for messages ("a plan file", "a task list") */
    public static InputFile read(Path file, long maxBytes, String what) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return failed(name, "not-a-file", "this is a directory, not " + what);
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return failed(name, "too-large", "the file is too large (" + (size >> 20) + " MB); " + what + " may be at most "
                        + (maxBytes >> 20) + " MB");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return failed(name, "empty", "the file is empty");
            }
            return new InputFile(bytes, null);
        } catch (NoSuchFileException e) {
            return failed(name, "not-found", "no such file");
        } catch (IOException e) {
            return failed(name, "unreadable", "cannot read the file: " + e.getMessage());
        }
    }

    public static InputFile failed(String file, String code, String message) {
        return new InputFile(null, new LocatedProblem(file, null, Problem.error(code, null, message)));
    }

    /** The failure as a read result without a plan. */
    public ReadResult asResult() {
        return new ReadResult(failure.file(), null, java.util.List.of(failure), SourceMap.empty());
    }
}
