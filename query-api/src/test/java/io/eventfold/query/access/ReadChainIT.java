package io.eventfold.query.access;

import static io.eventfold.query.access.Calls.DASHBOARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.RawRequest;
import io.eventfold.testsupport.TestIssuer;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * The lean chain of the read routes: only what a bearer read needs, yet the same refusals, security headers and
 * firewall as every other route.
 */
@QueryApiTest
class ReadChainIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilterChainProxy proxy;

    Calls calls;

    @BeforeEach
    void setUp() {
        calls = new Calls("http://localhost:" + port);
        var rows = new ReadModelRows(jdbc);
        rows.clear();
        rows.dashboard("a-pub", "acme", "PUBLISHED", "2027-03-01", "2027-03-02", 1,
                Calls.document("a-pub", "acme", "PUBLISHED"));
    }

    @Test
    void reads_go_through_a_chain_of_only_the_token_the_headers_and_the_rules() {
        var read = proxy.getFilterChains().stream().filter(chain -> chain.matches(request("GET", "/api/events/x/"
                + "dashboard"))).findFirst().orElseThrow();

        assertThat(read.getFilters()).map(Filter::getClass).map(Class::getSimpleName)
                .containsExactly(HeaderWriterFilter.class.getSimpleName(),
                        BearerTokenAuthenticationFilter.class.getSimpleName(),
                        ExceptionTranslationFilter.class.getSimpleName(), AuthorizationFilter.class.getSimpleName());
        for (var other : List.of(request("POST", "/api/events/x/dashboard"), request("GET", "/actuator/prometheus"),
                request("GET", "/api/unlisted"))) {
            assertThat(read.matches(other)).as(other.getMethod() + " " + other.getRequestURI()).isFalse();
        }
    }

    @Test
    void answers_of_the_read_chain_carry_the_security_headers_and_no_session() {
        var served = calls.get(DASHBOARD + "a-pub/dashboard", TestIssuer.organizer("acme"), true);
        var refused = calls.get(DASHBOARD + "a-pub/dashboard", "not.a.jwt", true);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Cache-Control")).as("the dashboard's own").isEqualTo("private, no-cache");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        for (var answer : List.of(served, refused)) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void a_read_path_spelled_otherwise_is_rejected_or_meets_the_same_rule() {
        var attendee = TestIssuer.attendee("ada");
        var rejected = List.of("/api/events/a-pub;x/dashboard", "/api/events/a-pub/dashboard;jsessionid=1",
                "/api/events/stats/../a-pub/dashboard", "/api/events/a-pub%2Fdashboard", "//api/events/a-pub/dashboard",
                "/api/events/%2e%2e/stats/by-status");

        for (var path : rejected) {
            assertThat(RawRequest.send(port, "GET", path, attendee)).as(path).startsWith("HTTP/1.1 400")
                    .contains("application/problem+json").doesNotContain("acme");
        }
        assertThat(RawRequest.send(port, "GET", "/api/events/%73tats/by-status", attendee)).as("counts are not for attendees")
                .startsWith("HTTP/1.1 403");
        assertThat(RawRequest.send(port, "GET", "/api/events/%73tats/by-status", null)).startsWith("HTTP/1.1 401");
        assertThat(RawRequest.send(port, "POST", DASHBOARD + "a-pub/dashboard", TestIssuer.organizer("acme")))
                .as("not a read: the other chain, which refuses what it does not list").startsWith("HTTP/1.1 403");
    }

    private static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
