package io.eventfold.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A switch or rollback the generations' state does not allow now (409), with what to do instead. */
public class SwitchRefusedException extends ErrorResponseException {

    SwitchRefusedException(String title, String detail) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }
}
