package io.eventfold.query.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400 naming the query parameter and what it must look like. */
public class InvalidParameterException extends ErrorResponseException {

    public InvalidParameterException(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid request");
        getBody().setDetail("Parameter '" + parameter + "' " + message);
        getBody().setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
    }

    /** A read-your-writes minimum: absent, or a version or position that can exist. */
    public static Long notNegative(String parameter, Long value) {
        if (value != null && value < 0) {
            throw new InvalidParameterException(parameter, "must be 0 or more");
        }
        return value;
    }
}
