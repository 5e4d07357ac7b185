package io.eventfold.security.limits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 429 problem+json, with the whole seconds until the caller's next request would be let through. */
class TooManyRequestsException extends ErrorResponseException {

    TooManyRequestsException(String limit, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        getBody().setTitle("Too many requests");
        getBody().setDetail("Over the " + limit + " rate for this caller; retry after " + retryAfterSeconds + " s");
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
}
