package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.security.Caller;
import io.eventfold.security.Role;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard row of notes/auth-roles.md, for a conference of acme. */
class VisibilityTest {

    @ParameterizedTest(name = "{0} of {1}, {2}: {3}")
    @CsvSource({
            "ORGANIZER, acme,   DRAFT,     FULL", "ORGANIZER, acme,   PUBLISHED, FULL",
            "ORGANIZER, globex, PUBLISHED, HIDDEN",
            "READER,    acme,   DRAFT,     PUBLIC", "READER,    acme,   CANCELLED, PUBLIC",
            "READER,    globex, PUBLISHED, HIDDEN",
            "ATTENDEE,  globex, DRAFT,     HIDDEN", "ATTENDEE,  globex, PUBLISHED, PUBLIC",
            "ATTENDEE,  globex, COMPLETED, PUBLIC", "ATTENDEE,  globex, CANCELLED, PUBLIC",
            "OPERATOR,  acme,   PUBLISHED, HIDDEN"})
    void who_sees_what(Role role, String callerOrg, String status, Visibility expected) {
        var caller = new Caller("someone", Set.of(role), Set.of(callerOrg));

        assertThat(Visibility.of(caller, "acme", status)).isEqualTo(expected);
    }
}
