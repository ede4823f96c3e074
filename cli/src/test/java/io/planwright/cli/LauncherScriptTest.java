package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code planwright} launcher builds the CLI when its jar is missing. Maven's console library writes
 * colour escape codes even when quiet; they must not reach the user's terminal (before `serve` prints
 * its one line). Maven and Java are stand-ins here, so no real build runs.
 */
class LauncherScriptTest {

    @TempDir
    Path dir;

    record Ran(int exit, String out, String err) {
    }

    Ran launch(String mvnBody) throws IOException, InterruptedException {
        return launch(mvnBody, "--version");
    }

    Ran launch(String mvnBody, String command) throws IOException, InterruptedException {
        Files.copy(Path.of("../planwright"), dir.resolve("planwright"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), mvnBody);
        script(bin.resolve("java"), "echo \"java $*\"\n");
        ProcessBuilder pb = new ProcessBuilder("sh", dir.resolve("planwright").toString(), command);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), out, err);
    }

    static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aBuildThatWorksPrintsOneLineAndNoEscapeCodes() throws Exception {
        Ran r = launch("printf '\\033[0m\\033[0m'; printf '\\033[0m' >&2; mkdir -p cli/target && : > cli/target/planwright.jar\n");
        assertThat(r.exit()).as(r.err()).isZero();
        // a short command runs on the JIT's first tier only (docs/benchmarks.md, plan diff); the server keeps both tiers
        assertThat(r.out()).contains("java -XX:TieredStopAtLevel=1 -jar").contains("planwright.jar --version").doesNotContain("\u001b");
        assertThat(r.err()).isEqualTo("planwright: building the CLI (mvn -DskipTests package) ...\n");
    }

    @Test
    void aBuildThatFailsShowsMavensWordsWithoutEscapeCodes() throws Exception {
        Ran r = launch("printf '\\033[1;31mERROR\\033[m the compiler stopped\\n'; exit 1\n");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("ERROR the compiler stopped").contains("planwright: the build failed").doesNotContain("\u001b");
    }

    @Test
    void theLongRunsKeepTheOptimizingJit() throws Exception {
        Ran serve = launch("mkdir -p cli/target && : > cli/target/planwright.jar\n", "serve");
        assertThat(serve.out()).startsWith("java -jar").contains("planwright.jar serve");
        Ran diff = launch("mkdir -p cli/target && : > cli/target/planwright.jar\n", "diff");
        assertThat(diff.out()).startsWith("java -XX:TieredStopAtLevel=1 -jar");
    }
}
