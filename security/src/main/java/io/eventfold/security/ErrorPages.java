package io.eventfold.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page (a {@code sendError} from Tomcat's parameter parsing, an
 * exception thrown in a filter) is answered as problem+json too, not as Spring Boot's own JSON: replaces its
 * error controller, whatever the client accepts.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorPages {

    /** Registered as a member of this configuration; Boot's own error controller then steps aside. */
    @RestController
    static final class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer given && given >= 400 ? given : HttpStatus.NOT_FOUND.value();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(problem(status));
        }
    }

    /** The body of a problem that has nothing to say but its status. */
    static String problem(int status) {
        var known = HttpStatus.resolve(status);
        var title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
    }
}
