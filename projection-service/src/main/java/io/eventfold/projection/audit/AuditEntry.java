package io.eventfold.projection.audit;

import java.time.Instant;

/**
 * One operator action as it ended: ACCEPTED (2xx), REFUSED by the service (4xx, with its reason) or FAILED.
 *
 * @param subject the subject of the operator's token
 * @param target  the projection's name, or the dead letter's id, as the request named it
 * @param status  the HTTP status the operator was answered
 */
record AuditEntry(long id, Instant at, String subject, OperatorAction action, String target, Outcome outcome,
                  int status, String reason) {

    enum Outcome {
        ACCEPTED, REFUSED, FAILED;

        static Outcome of(int status) {
            return status < 400 ? ACCEPTED : status < 500 ? REFUSED : FAILED;
        }
    }
}
