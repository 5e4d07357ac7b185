package io.eventfold.contracts.registration;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Version 2 seals {@code name} and {@code email}; version 1 had them in clear and no {@code sealed}. */
public record PersonRegistered(
        String eventId,
        String registrationId,
        String userId,
        String name,
        String email,
        Role role,
        Instant registeredAt,
        Sealed sealed) implements PersonalEvent<PersonRegistered> {

    /** In clear, as a command handler decides it; sealed when it is stored. */
    public PersonRegistered(String eventId, String registrationId, String userId, String name, String email,
                            Role role, Instant registeredAt) {
        this(eventId, registrationId, userId, name, email, role, registeredAt, null);
    }

    @Override
    public List<String> personalData() {
        return Arrays.asList(name, email);
    }

    @Override
    public PersonRegistered withPersonalData(List<String> clear, Sealed sealed) {
        return new PersonRegistered(eventId, registrationId, userId, clear.get(0), clear.get(1), role, registeredAt,
                sealed);
    }
}
