package io.eventfold.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.ErrorResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers written outside Spring MVC's dispatch (a read answered after its wait, on another thread): JSON with
 * the application's mapper, and failures as the same problems {@link FailureResponses} would give.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final JsonMapper json;
    /** As Spring MVC writes problems: extra properties at the top level, absent fields left out. */
    private final JsonMapper problems;

    public Problems(JsonMapper json) {
        this.json = json;
        this.problems = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    public void json(HttpServletResponse response, Object body) throws IOException {
        var bytes = json.writeValueAsBytes(body);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Nothing if the answer was already on its way: the client sees a cut response, the log says why. */
    public void failure(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        ProblemDetail problem;
        if (failure instanceof ErrorResponse error) {
            problem = error.getBody();
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        } else if (FailureResponses.databaseUnavailable(failure)) {
            LOG.warn("Read model database unavailable: {}", failure.toString());
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The read model's database cannot be reached; retry shortly");
            problem.setTitle("Read model unavailable");
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        } else {
            LOG.error("Unexpected failure of a request", failure);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed");
            problem.setTitle("Internal error");
        }
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        var bytes = problems.writeValueAsBytes(problem);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
