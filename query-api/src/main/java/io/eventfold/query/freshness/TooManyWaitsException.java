package io.eventfold.query.freshness;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503 at once: this instance already holds as many waiting reads as it may; retrying soon may find room. */
class TooManyWaitsException extends ErrorResponseException {

    TooManyWaitsException(int maxWaiters) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        getBody().setTitle("Too many waiting reads");
        getBody().setDetail(maxWaiters + " reads already wait for the read model here; retry shortly, or read"
                + " without minVersion / minPosition");
        getHeaders().set("Retry-After", "1");
    }
}
