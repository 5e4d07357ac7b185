package io.eventfold.contracts;

import java.util.List;

/**
 * An event that carries personal data of one person ({@link #userId()}), who can ask to be forgotten. Stored
 * and sent with its personal fields {@link #sealed()} and null in clear; opened where it is read with the key.
 * Events stored before sealing existed (version 1 of their wire name) carry them in clear and no seal.
 */
public interface PersonalEvent<E extends PersonalEvent<E>> extends ConferenceEvent {

    /** Shown instead of each personal field of a forgotten person (empty ones included). */
    String FORGOTTEN = "(forgotten)";

    String userId();

    /** Null while the personal fields are in clear. */
    Sealed sealed();

    /** The personal fields in clear, always in the same order and number; null where empty. */
    List<String> personalData();

    /** The same event with these personal fields in clear (in {@link #personalData()}'s order) and this seal. */
    E withPersonalData(List<String> clear, Sealed sealed);

    /** The same event as it reads once its person is forgotten. */
    default E forgotten() {
        return withPersonalData(java.util.Collections.nCopies(personalData().size(), FORGOTTEN), null);
    }
}
