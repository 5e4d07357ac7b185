package io.eventfold.command.conference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to every accepted command: what it acted on, the conference's version after it and the global
 * event-store position of its last event. Clients pass these to the query API to read their own writes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommandResponse(String eventId, String sessionId, String registrationId, long version, long position) {

    enum Subject { EVENT, SESSION, REGISTRATION }

    static CommandResponse of(Subject subject, String eventId, String id, long version, long position) {
        return new CommandResponse(eventId,
                subject == Subject.SESSION ? id : null,
                subject == Subject.REGISTRATION ? id : null,
                version, position);
    }
}
