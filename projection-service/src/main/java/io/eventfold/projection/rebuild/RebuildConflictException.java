package io.eventfold.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A projection is rebuilt by one rebuild at a time. */
public class RebuildConflictException extends ErrorResponseException {

    RebuildConflictException(String projection, int generation) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Rebuild already running");
        getBody().setDetail("Generation " + generation + " of " + projection
                + " is being built; follow it with GET or cancel it with DELETE on this resource");
    }
}
