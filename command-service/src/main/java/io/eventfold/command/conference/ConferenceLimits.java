package io.eventfold.command.conference;

import io.eventfold.contracts.registration.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one conference may hold, so that its aggregate, its snapshot and its cold load stay bounded. Counts are
 * rules of the conference (409 beyond them); text sizes are checked on the request (400 naming the field).
 *
 * @param sessions            sessions per conference, cancelled ones included (they keep their ids)
 * @param speakersPerSession  speakers assigned to one session at once
 * @param attendees           active ATTENDEE registrations; also the highest capacity a conference may have
 * @param speakers            active SPEAKER registrations
 * @param organizers          active ORGANIZER registrations
 * @param registrationIds     registration ids ever used by a conference, cancelled ones included: each is
 *                            remembered (compactly) so that it cannot be reused
 * @param nameLength          characters of a conference's name, a session's title, a person's name, a company
 * @param roomLength          characters of a room
 * @param emailLength         characters of an e-mail address
 * @param bioLength           characters of a speaker's bio
 */
@ConfigurationProperties(prefix = "eventfold.conference.limits")
record ConferenceLimits(
        @DefaultValue("500") int sessions,
        @DefaultValue("20") int speakersPerSession,
        @DefaultValue("100000") int attendees,
        @DefaultValue("2000") int speakers,
        @DefaultValue("200") int organizers,
        @DefaultValue("250000") int registrationIds,
        @DefaultValue("200") int nameLength,
        @DefaultValue("100") int roomLength,
        @DefaultValue("254") int emailLength,
        @DefaultValue("2000") int bioLength) {

    /** The defaults above, for tests that build the aggregate without Spring. */
    static final ConferenceLimits DEFAULTS = new ConferenceLimits(500, 20, 100_000, 2_000, 200, 250_000, 200, 100,
            254, 2_000);

    ConferenceLimits {
        for (int limit : new int[] {sessions, speakersPerSession, attendees, speakers, organizers, registrationIds,
                nameLength, roomLength, emailLength, bioLength}) {
            if (limit < 1) {
                throw new IllegalArgumentException("Every eventfold.conference.limits.* is at least 1, not " + limit);
            }
        }
    }

    /** Active registrations of this role a conference may hold. */
    int registrationsOf(Role role) {
        return switch (role) {
            case ATTENDEE -> attendees;
            case SPEAKER -> speakers;
            case ORGANIZER -> organizers;
        };
    }
}
