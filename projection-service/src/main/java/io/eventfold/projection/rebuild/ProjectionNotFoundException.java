package io.eventfold.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No such projection, or no rebuild of it to show or cancel. */
public class ProjectionNotFoundException extends ErrorResponseException {

    ProjectionNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Not found");
        getBody().setDetail(detail);
    }
}
