package io.eventfold.command.web;

import io.eventfold.command.axon.UnreadableHistoryException;
import io.eventfold.command.conference.ConferenceBusyException;
import io.eventfold.command.conference.ForbiddenException;
import io.eventfold.command.conference.RuleViolationException;
import io.eventfold.command.conference.UnknownEntityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every client mistake becomes an RFC 9457 problem: 400 lists each offending field, 403 what the role may not
 * do, 404 names what is unknown, 409 says which rule was broken, 503 that the event store is out of reach or
 * the conference too busy. Spring's base class covers 405, 406, 413-less framework errors and 415.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, "Rule violated", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({UnknownEntityException.class, AggregateNotFoundException.class})
    ProblemDetail unknown(RuntimeException e) {
        var detail = e instanceof AggregateNotFoundException missing
                ? "No event " + missing.getAggregateIdentifier() : e.getMessage();
        return problem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    /**
     * The conference is too busy to take the command now: its registration queue is full or did not take it
     * in time, its lock was not free in time, or another instance kept writing it through many retries.
     * Nothing was stored; try again shortly.
     */
    @ExceptionHandler({ConcurrencyException.class, ConferenceBusyException.class,
            LockAcquisitionFailedException.class})
    ResponseEntity<ProblemDetail> contention(RuntimeException e) {
        LOG.debug("Busy conference: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy conference",
                        "Too many concurrent changes to this conference; retry the request"));
    }

    /**
     * The event store failed or could not confirm the commit. Nothing is half-stored: the change was applied
     * whole or not at all, and the conference's cached state was dropped. A retry with the same ids is safe.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (StoreFailures.isContention(e)) {
            return contention(e);
        }
        if (!StoreFailures.isStoreFailure(e)) {
            LOG.error("Unexpected failure of a request", e);
            return ResponseEntity.internalServerError()
                    .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed"));
        }
        LOG.warn("Event store unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Event store unavailable",
                        "The change may not have been stored; retry the request with the same ids"));
    }

    /** Not the request's fault and not passing: refused loudly until this EventFold is upgraded. */
    @ExceptionHandler(UnreadableHistoryException.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableHistoryException e) {
        LOG.error(e.getMessage());
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable conference history", e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Map<String, String>>();
        addFieldErrors(e.getBindingResult(), errors);
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Map<String, String>>();
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                addFieldErrors(body, errors);
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(fieldError(result.getMethodParameter().getParameterName(), message(error))));
            }
        }
        return invalid(errors);
    }

    /** The fields of a request body, each under its JSON name. */
    private static void addFieldErrors(Errors body, List<Map<String, String>> errors) {
        body.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(error -> errors.add(fieldError(fieldName(error.getField()), error.getDefaultMessage())));
        body.getGlobalErrors()
                .forEach(error -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        var problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body", readableReason(e));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String readableReason(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
            return "Field '" + field + "' has a value of the wrong type or an unknown value";
        }
        if (e.getCause() instanceof JacksonException jackson && !(e.getCause() instanceof DatabindException)) {
            return "The body is not valid JSON: " + jackson.getOriginalMessage();
        }
        return "The body is missing or is not valid JSON";
    }

    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " field(s) are invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String fieldName(String field) {
        // Cross-field checks are named after their boolean property (isEndDateValid -> endDateValid).
        return field.endsWith("Valid") ? field.substring(0, field.length() - "Valid".length()) : field;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage();
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
