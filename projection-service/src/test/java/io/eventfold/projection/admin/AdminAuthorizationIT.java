package io.eventfold.projection.admin;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.issuer.LocalIssuer;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.testsupport.RawRequest;
import io.eventfold.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 33: only a valid operator token reaches the admin API, however the path is spelled, and a refused
 * request changes nothing (no rebuild, the dead letter still parked, no audit row). Rebuilds are slowed down so
 * that the operator's rebuild is still running when it is cancelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.rebuild.batch-size=10", "eventfold.projection.rebuild.max-rate=20"})
class AdminAuthorizationIT extends RunningProjector {

    private static final LocalIssuer STRANGER = LocalIssuer.open(temporaryHome());

    @LocalServerPort
    int port;

    /** Tokens that claim the operator role but are no good: each must be 401 wherever it is sent. */
    private static Map<String, String> invalidTokens() {
        long now = Instant.now().getEpochSecond();
        var tokens = new LinkedHashMap<String, String>();
        tokens.put("no token", null);
        tokens.put("expired", TestIssuer.issuer().sign(operatorClaims(now - 7200, now - 3600, LocalIssuer.ISSUER,
                LocalIssuer.AUDIENCE)));
        tokens.put("bad signature", STRANGER.token("test-operator", "operator", List.of(), Duration.ofMinutes(10)));
        tokens.put("wrong issuer", TestIssuer.issuer().sign(operatorClaims(now, now + 600, "https://evil.example",
                LocalIssuer.AUDIENCE)));
        tokens.put("wrong audience", TestIssuer.issuer().sign(operatorClaims(now, now + 600, LocalIssuer.ISSUER,
                "another-app")));
        return tokens;
    }

    /** Valid tokens of every role but operator: each must be 403. */
    private static Map<String, String> otherRoles() {
        return Map.of("organizer", TestIssuer.organizer("acme"), "reader", TestIssuer.reader("acme"),
                "attendee", TestIssuer.attendee("ada"));
    }

    @Test
    void every_admin_endpoint_answers_only_a_valid_operator_token_and_nothing_happens_for_the_others() {
        long letter = parkedDeadLetter();
        slowRebuildAhead();
        var admin = endpoints(letter);
        var before = state(letter);

        for (var token : invalidTokens().entrySet()) {
            for (var endpoint : admin.keySet()) {
                var response = new OperatorClient(port, token.getValue()).send(endpoint[0], endpoint[1]);
                assertThat(response.status()).as(token.getKey() + " " + String.join(" ", endpoint)).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
        }
        for (var token : otherRoles().entrySet()) {
            for (var endpoint : admin.keySet()) {
                var response = new OperatorClient(port, token.getValue()).send(endpoint[0], endpoint[1]);
                assertThat(response.status()).as(token.getKey() + " " + String.join(" ", endpoint)).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }

        assertThat(state(letter)).as("no rebuild, letter still parked, no audit row").isEqualTo(before);
        int audited = auditRows();
        var operator = OperatorClient.operator(port);
        for (var endpoint : admin.entrySet()) {
            var response = operator.send(endpoint.getKey()[0], endpoint.getKey()[1]);
            assertThat(response.status()).as(String.join(" ", endpoint.getKey()) + " " + response)
                    .isEqualTo(endpoint.getValue());
        }
        assertThat(deadLetterState(letter)).isEqualTo("SKIPPED");
        assertThat(auditRows()).as("the operator's four writes").isEqualTo(audited + 4);
    }

    @Test
    void other_spellings_of_admin_paths_are_never_let_through_without_an_operator_token() {
        long letter = parkedDeadLetter();
        var before = state(letter);
        var routedAsAdmin = List.of("GET /%61dmin/dead-letters", "POST /%61dmin/dead-letters/" + letter + "/skip",
                "POST /%61dmin/dead-letters/" + letter + "/retry", "POST /%61dmin/projections/dashboard/rebuild");
        var rejected = List.of("/admin;x/dead-letters", "//admin/dead-letters", "/admin/./dead-letters",
                "/admin;x/dead-letters/" + letter + "/skip", "//admin/dead-letters/" + letter + "/skip",
                "/admin/./dead-letters/" + letter + "/skip", "//admin/projections/dashboard/rebuild");

        for (var request : routedAsAdmin) {
            var method = request.substring(0, request.indexOf(' '));
            var path = request.substring(request.indexOf(' ') + 1);
            assertThat(RawRequest.send(port, method, path, null)).as(request).startsWith("HTTP/1.1 401");
            otherRoles().forEach((role, token) -> assertThat(RawRequest.send(port, method, path, token)).as(role + " " + request)
                    .startsWith("HTTP/1.1 403"));
        }
        for (var path : rejected) {
            var method = path.endsWith("dead-letters") ? "GET" : "POST";
            for (var token : new String[] {null, TestIssuer.organizer("acme"), TestIssuer.reader("acme"),
                    TestIssuer.attendee("ada")}) {
                assertThat(RawRequest.send(port, method, path, token)).as(method + " " + path).startsWith("HTTP/1.1 400")
                        .contains("Content-Type: application/problem+json");
            }
        }

        assertThat(state(letter)).isEqualTo(before);
        assertThat(RawRequest.send(port, "GET", "/%61dmin/dead-letters", TestIssuer.operator()))
                .as("decoded, it is the admin API, for an operator").startsWith("HTTP/1.1 200");
    }

    /** Each admin endpoint and what it answers an operator, in an order where each write does something. */
    private Map<String[], Integer> endpoints(long letter) {
        var endpoints = new LinkedHashMap<String[], Integer>();
        endpoints.put(new String[] {"GET", "/admin/projections"}, 200);
        endpoints.put(new String[] {"GET", "/admin/dead-letters"}, 200);
        endpoints.put(new String[] {"GET", "/admin/audit?limit=10"}, 200);
        endpoints.put(new String[] {"POST", "/admin/projections/status-counts/rebuild"}, 202);
        endpoints.put(new String[] {"GET", "/admin/projections/status-counts/rebuild"}, 200);
        endpoints.put(new String[] {"DELETE", "/admin/projections/status-counts/rebuild"}, 204);
        endpoints.put(new String[] {"POST", "/admin/dead-letters/" + letter + "/retry"}, 200);
        endpoints.put(new String[] {"POST", "/admin/dead-letters/" + letter + "/skip"}, 200);
        return endpoints;
    }

    /** Enough events that a rebuild at the slowed-down rate runs for seconds. */
    private void slowRebuildAhead() {
        for (int i = 0; i < 20; i++) {
            history("conf-" + UUID.randomUUID(), "org-" + i % 3, i).forEach(writer()::send);
        }
    }

    /** What an admin request could change: generations, the dead letter, the audit. */
    private List<Object> state(long letter) {
        return List.of(jdbc.sql("select projection, generation, state from projection_generation "
                + "order by projection, generation").query().listOfRows(), deadLetterState(letter), auditRows());
    }

    private String deadLetterState(long letter) {
        return jdbc.sql("select state from dead_letter where id = ?").param(letter).query(String.class).single();
    }

    private int auditRows() {
        return jdbc.sql("select count(*) from operator_audit").query(Integer.class).single();
    }

    private static Map<String, Object> operatorClaims(long issued, long expires, String issuer, String audience) {
        return Map.of("iss", issuer, "aud", audience, "sub", "test-operator", "iat", issued, "exp", expires,
                "roles", List.of("operator"), "orgs", List.of());
    }

    private static java.nio.file.Path temporaryHome() {
        try {
            return Files.createTempDirectory("eventfold-stranger");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
