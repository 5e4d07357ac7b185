package io.eventfold.query.freshness;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503: the caller asked for a write the read model has not applied yet. Never answered with stale data. */
public class ReadModelBehindException extends ErrorResponseException {

    /** {@link System#nanoTime()} before which a waiting read is not answered; 0: at once. */
    private final long answerAt;

    public ReadModelBehindException(String detail, Duration waited) {
        this(detail, waited, 0);
    }

    ReadModelBehindException(String detail, Duration waited, long answerAt) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        getBody().setTitle("Read model is behind");
        getBody().setDetail(detail + " after waiting " + waited.toMillis() + " ms; retry shortly");
        getHeaders().set("Retry-After", "1");
        this.answerAt = answerAt;
    }

    long answerAt() {
        return answerAt;
    }
}
