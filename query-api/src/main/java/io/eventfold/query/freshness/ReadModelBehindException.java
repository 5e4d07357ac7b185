package io.eventfold.query.freshness;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503: the caller asked for a write the read model has not applied yet. Never answered with stale data. */
public class ReadModelBehindException extends ErrorResponseException {

    public ReadModelBehindException(String detail, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        getBody().setTitle("Read model is behind");
        getBody().setDetail(detail + " after waiting " + waited.toMillis() + " ms; retry shortly");
        getHeaders().set("Retry-After", "1");
    }
}
