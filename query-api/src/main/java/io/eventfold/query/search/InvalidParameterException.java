package io.eventfold.query.search;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400 naming the query parameter and what it must look like. */
class InvalidParameterException extends ErrorResponseException {

    InvalidParameterException(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid request");
        getBody().setDetail("Parameter '" + parameter + "' " + message);
        getBody().setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
    }
}
