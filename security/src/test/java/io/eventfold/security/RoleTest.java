package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.issuer.LocalIssuer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void the_local_issuer_signs_exactly_the_roles_the_services_know() {
        assertThat(Arrays.stream(Role.values()).map(Role::claimValue)).containsExactlyElementsOf(LocalIssuer.ROLES);
    }

    @Test
    void only_the_exact_lower_case_name_is_a_role() {
        assertThat(Role.fromClaim("organizer")).contains(Role.ORGANIZER);
        assertThat(Role.fromClaim("ORGANIZER")).isEmpty();
        assertThat(Role.fromClaim("admin")).isEmpty();
    }
}
