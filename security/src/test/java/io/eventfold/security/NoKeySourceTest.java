package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Fail closed: a service told nothing about which tokens to trust does not start, rather than trust none. */
class NoKeySourceTest {

    @Test
    void a_service_without_issuer_jwk_set_or_public_key_refuses_to_start() {
        var application = new SpringApplicationBuilder(SecuredApp.class).properties("server.port=0");

        assertThatThrownBy(application::run).hasStackTraceContaining("JwtDecoder");
    }
}
