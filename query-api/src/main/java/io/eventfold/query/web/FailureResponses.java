package io.eventfold.query.web;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Failures that are not the request's fault, as RFC 9457 problems like every other answer: a database out of
 * reach (a lost connection, a restart, a pool with no free connection) is 503 with {@code Retry-After}, since
 * a read can simply be tried again; anything else is a 500 that is logged. Client errors carry their own status
 * ({@code ErrorResponseException}) or are Spring's own, answered by the base class as problems too.
 */
@RestControllerAdvice
class FailureResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureResponses.class);

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        if (databaseUnavailable(e)) {
            LOG.warn("Read model database unavailable: {}", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Read model unavailable",
                    "The read model's database cannot be reached; retry shortly");
        }
        LOG.error("Unexpected failure of a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed");
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }
}
