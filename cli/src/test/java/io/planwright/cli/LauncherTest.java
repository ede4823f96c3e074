package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The `planwright` launcher script, run by sh with a stand-in `mvn` that behaves as Maven 3.8.7 does in a
 * pipe (colour resets on both streams even with -q -B) and a stand-in `java`.
 */
class LauncherTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result launch(boolean buildFails) throws IOException, InterruptedException {
        Path home = dir.resolve("planwright-home");
        Files.createDirectories(home);
        Files.copy(Path.of("..", "planwright"), home.resolve("planwright"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), """
                #!/bin/sh
                printf '\\033[0m\\033[0m'
                printf '\\033[0m\\033[0m' >&2
                if [ -n "$FAIL_BUILD" ]; then echo "[ERROR] COMPILATION ERROR: Main.java:[3,1] ';' expected"; exit 1; fi
                mkdir -p cli/target && : > cli/target/planwright.jar
                """);
        script(bin.resolve("java"), """
                #!/bin/sh
                echo "java $*"
                """);
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("planwright").toString(), "serve", "--port", "9");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (buildFails) {
            pb.environment().put("FAIL_BUILD", "1");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aBuildThatWorksLeavesNoEscapeCodesInTheCommandsOutput() throws Exception {
        Result r = launch(false);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").contains("java -jar ").endsWith("planwright.jar serve --port 9\n");
        assertThat(r.err()).doesNotContain("\u001b").isEqualTo("planwright: building the CLI (mvn -DskipTests package) ...\n");
    }

    @Test
    void aBuildThatFailsShowsMavensMessagesAndExitsThree() throws Exception {
        Result r = launch(true);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("COMPILATION ERROR: Main.java:[3,1]").endsWith("planwright: the build failed\n");
        assertThat(r.out()).doesNotContain("java -jar");
    }
}
