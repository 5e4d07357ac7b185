package io.eventfold.query.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404 as problem+json: the read model has no such conference event (yet). */
class UnknownEventException extends ErrorResponseException {

    UnknownEventException(String eventId) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Not found");
        getBody().setDetail("No event " + eventId);
    }
}
