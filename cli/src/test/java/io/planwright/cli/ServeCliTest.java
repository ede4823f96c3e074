package io.planwright.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** What `serve` says before the server starts. */
class ServeCliTest {

    @TempDir
    Path dir;

    @Test
    void aBusyPortIsOneLineAndExitTwoWithoutStartingTheServer() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            Path data = dir.resolve("data");
            CliTest.Run r = run("serve", "--port", Integer.toString(port), "--data", data.toString(), "--no-demo");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("planwright: port " + port + " is already in use; choose another with --port" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
            // the server never started: it would have created its database in the data directory
            try (Stream<Path> files = Files.exists(data) ? Files.list(data) : Stream.empty()) {
                assertThat(files).isEmpty();
            }
        }
    }
}
