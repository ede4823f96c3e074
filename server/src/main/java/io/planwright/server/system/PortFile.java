package io.planwright.server.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * With {@code planwright.port-file} set, writes the port the server listens on to that file once it
 * listens: so that a process started with {@code --server.port=0} (any free port, no race for it)
 * can say which port it got. Written whole or not at all (a temporary file, then moved).
 */
@Component
public class PortFile implements ApplicationListener<WebServerInitializedEvent> {

    private final String file;

    public PortFile(@Value("${planwright.port-file:}") String file) {
        this.file = file;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (file.isBlank() || event.getApplicationContext().getServerNamespace() != null) {
            return; // not asked for, or a second server (management) beside the application's
        }
        Path target = Path.of(file).toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Integer.toString(event.getWebServer().getPort()), StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the port to " + target, e);
        }
    }
}
