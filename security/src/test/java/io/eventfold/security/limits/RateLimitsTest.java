package io.eventfold.security.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(new RateLimitProperties(1, 3, 1, 6, 1, 2,
            List.of("/api/events/search"), 100, Duration.ofMinutes(10)));

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caller_over_its_rate_gets_429_with_retry_after_while_another_is_served() {
        as("ada", "ROLE_ATTENDEE");
        for (int i = 0; i < 3; i++) {
            assertThat(passes("POST", "/api/events/e1/registrations")).isTrue();
        }
        assertThatThrownBy(() -> passes("POST", "/api/events/e1/registrations"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(429);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(e.getBody().getDetail()).contains("write");
                });

        as("grace", "ROLE_ATTENDEE");
        assertThat(passes("DELETE", "/api/events/e1/registrations/r1")).isTrue();
    }

    @Test
    void organizers_have_their_own_larger_budget() {
        as("org-admin", "ROLE_ORGANIZER");
        for (int i = 0; i < 6; i++) {
            assertThat(passes("PUT", "/api/events/e1/sessions/s1/room")).isTrue();
        }
        assertThatThrownBy(() -> passes("POST", "/api/events")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void only_writes_and_the_listed_reads_count() {
        as("reader", "ROLE_READER");
        for (int i = 0; i < 20; i++) {
            assertThat(passes("GET", "/api/events/e1/dashboard")).isTrue();
            assertThat(passes("GET", "/actuator/health")).isTrue();
            assertThat(passes("POST", "/admin/projections/dashboard/rebuild")).isTrue();
        }
        assertThat(passes("GET", "/api/events/search")).isTrue();
        assertThat(passes("GET", "/api/events/search")).isTrue();
        assertThatThrownBy(() -> passes("GET", "/api/events/search")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void without_a_token_the_client_address_is_the_caller() {
        assertThat(passes("POST", "/api/events", "10.0.0.1")).isTrue();
        assertThat(passes("POST", "/api/events", "10.0.0.1")).isTrue();
        assertThat(passes("POST", "/api/events", "10.0.0.1")).isTrue();
        assertThatThrownBy(() -> passes("POST", "/api/events", "10.0.0.1"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(passes("POST", "/api/events", "10.0.0.2")).isTrue();
    }

    @Test
    void a_rate_of_zero_is_no_limit_and_a_burst_below_the_rate_is_refused() {
        var unlimited = new RateLimits(new RateLimitProperties(0, 0, 0, 0, 0, 0, List.of(), 10, Duration.ZERO));
        for (int i = 0; i < 100; i++) {
            assertThat(unlimited.preHandle(request("POST", "/api/events", "10.0.0.1"),
                    new MockHttpServletResponse(), new Object())).isTrue();
        }
        assertThatThrownBy(() -> new RateLimitProperties(10, 5, 1, 1, 1, 1, List.of(), 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
    }

    private boolean passes(String method, String path) {
        return passes(method, path, "127.0.0.1");
    }

    private boolean passes(String method, String path, String address) {
        return limits.preHandle(request(method, path, address), new MockHttpServletResponse(), new Object());
    }

    private static MockHttpServletRequest request(String method, String path, String address) {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setRemoteAddr(address);
        return request;
    }

    private static void as(String subject, String authority) {
        var jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(authority))));
    }
}
