package io.eventfold.security;

import java.util.Locale;
import java.util.Optional;

/** The roles a token may carry, written in its roles claim as their lower-case names (docs/security.md). */
public enum Role {
    ORGANIZER, ATTENDEE, READER, OPERATOR, PRIVACY_OFFICER;

    /** The Spring Security authority ({@code hasRole("ORGANIZER")} matches it). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** How the role is written in a token and on the command line. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Only the exact lower-case name: a token's roles are not guessed at. */
    public static Optional<Role> fromClaim(String value) {
        for (var role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
