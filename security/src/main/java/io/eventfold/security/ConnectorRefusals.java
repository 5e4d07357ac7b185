package io.eventfold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.http.MediaType;

/**
 * Requests Tomcat refuses before Spring sees them (a malformed request line, an encoded slash in the path) are
 * answered as problem+json too, not with Tomcat's HTML error page. Tomcat's host reports every error page that
 * nothing else wrote through this valve.
 */
public final class ConnectorRefusals extends ErrorReportValve {

    static TomcatContextCustomizer install() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ConnectorRefusals.class.getName());
            }
        };
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ErrorPages.problem(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken: nothing more to say.
        }
    }
}
