package io.eventfold.contracts.session;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import java.util.Arrays;
import java.util.List;

/**
 * A person speaks in a session. {@code bio} and {@code company} may be null. Version 2 seals {@code name},
 * {@code bio} and {@code company}; version 1 had them in clear and no {@code sealed}.
 */
public record SpeakerAssigned(
        String eventId,
        String sessionId,
        String userId,
        String name,
        String bio,
        String company,
        Sealed sealed) implements PersonalEvent<SpeakerAssigned> {

    /** In clear, as a command handler decides it; sealed when it is stored. */
    public SpeakerAssigned(String eventId, String sessionId, String userId, String name, String bio,
                           String company) {
        this(eventId, sessionId, userId, name, bio, company, null);
    }

    @Override
    public List<String> personalData() {
        return Arrays.asList(name, bio, company);
    }

    @Override
    public SpeakerAssigned withPersonalData(List<String> clear, Sealed sealed) {
        return new SpeakerAssigned(eventId, sessionId, userId, clear.get(0), clear.get(1), clear.get(2), sealed);
    }
}
