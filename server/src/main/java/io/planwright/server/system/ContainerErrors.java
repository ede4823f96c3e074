package io.planwright.server.system;

import io.planwright.server.shared.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Errors the web container answers itself, before the application sees the request (an encoded '/' in a
 * path, a malformed request line): as problem details like every other error, not Tomcat's HTML page
 * (which also names the server and its version).
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(AsProblem.class.getName());
            }
        });
    }

    /** Tomcat's error report, as an RFC 9457 problem detail. */
    public static final class AsProblem extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String detail = status == 400 ? "the request is malformed (such as an encoded '/' in a path, or characters a URL may not hold)"
                    : known == null ? "the request cannot be served" : known.getReasonPhrase();
            try {
                response.resetBuffer();
                Problems.write(response, status, known == null ? "Error" : known.getReasonPhrase(), detail, false);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing to tell
            }
        }
    }

}
