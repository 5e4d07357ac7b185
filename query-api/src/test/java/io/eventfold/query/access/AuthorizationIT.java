package io.eventfold.query.access;

import static io.eventfold.query.access.Calls.DASHBOARD;
import static io.eventfold.query.access.Calls.ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.issuer.LocalIssuer;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint against every kind of token (notes/auth-roles.md): acme has a published conference and a draft,
 * globex a published one, each with a registrant's name and e-mail address in its dashboard.
 */
@QueryApiTest
class AuthorizationIT {

    static final String OTHER_HOME = "eventfold-other-issuer";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Calls calls;

    @BeforeEach
    void setUp() {
        calls = new Calls("http://localhost:" + port);
        var rows = new ReadModelRows(jdbc);
        rows.clear();
        rows.dashboard("a-pub", "acme", "PUBLISHED", "2027-03-01", "2027-03-02", 1, Calls.document("a-pub", "acme",
                "PUBLISHED"));
        rows.dashboard("a-draft", "acme", "DRAFT", "2027-04-01", "2027-04-02", 1, Calls.document("a-draft", "acme",
                "DRAFT"));
        rows.dashboard("g-pub", "globex", "PUBLISHED", "2027-05-01", "2027-05-02", 1, Calls.document("g-pub",
                "globex", "PUBLISHED"));
        rows.statusCount("acme", "PUBLISHED", 1);
        rows.statusCount("acme", "DRAFT", 1);
        rows.statusCount("globex", "PUBLISHED", 1);
    }

    static Stream<Arguments> badTokens() {
        long now = Instant.now().getEpochSecond();
        var tokens = Map.of(
                "no token", "",
                "expired", odd(LocalIssuer.ISSUER, LocalIssuer.AUDIENCE, now - 3600),
                "bad signature", LocalIssuer.open(Calls.temporaryHome(OTHER_HOME))
                        .token("oz", "organizer", List.of("acme"), Duration.ofMinutes(5)),
                "wrong issuer", odd("https://evil.example", LocalIssuer.AUDIENCE, now + 600),
                "wrong audience", odd(LocalIssuer.ISSUER, "another-app", now + 600));
        return tokens.entrySet().stream().flatMap(token -> ENDPOINTS.stream()
                .map(path -> Arguments.of(token.getKey(), token.getValue(), path)));
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("badTokens")
    void no_valid_token_is_401_problem_with_a_bearer_challenge_on_every_endpoint(String kind, String token,
                                                                               String path) {
        for (boolean gzip : new boolean[] {false, true}) {
            var answer = calls.get(path, token.isEmpty() ? null : token, gzip);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(answer.body()).doesNotContain("@", "Person");
        }
    }

    @Test
    void the_fast_path_serves_a_cached_dashboard_only_to_a_validated_token() {
        var organizer = TestIssuer.organizer("acme");
        calls.get(DASHBOARD + "a-pub/dashboard", organizer, true);
        calls.get(DASHBOARD + "a-pub/dashboard", organizer, false);
        double hits = calls.cacheHits();

        badTokens().forEach(bad -> {
            var token = (String) bad.get()[1];
            for (boolean gzip : new boolean[] {false, true}) {
                var answer = calls.get(DASHBOARD + "a-pub/dashboard", token.isEmpty() ? null : token, gzip);
                assertThat(answer.status()).as(bad.get()[0] + " " + gzip).isEqualTo(401);
            }
        });
        assertThat(calls.cacheHits()).as("no refused request reached the cache").isEqualTo(hits);

        assertThat(calls.get(DASHBOARD + "a-pub/dashboard", organizer, true).status()).isEqualTo(200);
        assertThat(calls.cacheHits()).as("a valid token is still served from memory").isEqualTo(hits + 1);
    }

    @Test
    void a_role_the_routes_do_not_let_in_is_403_problem() {
        var operator = TestIssuer.operator();
        var noKnownRole = TestIssuer.issuer().sign(Map.of("iss", LocalIssuer.ISSUER, "aud", LocalIssuer.AUDIENCE,
                "sub", "x", "exp", Instant.now().getEpochSecond() + 600, "roles", List.of("admin"),
                "orgs", List.of("acme")));

        for (var path : ENDPOINTS) {
            for (var token : List.of(operator, noKnownRole)) {
                var answer = calls.get(path, token, true);
                assertThat(answer.status()).as(path).isEqualTo(403);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        assertThat(calls.get("/api/events/stats/by-status", TestIssuer.attendee("ada"), false).status())
                .isEqualTo(403);
        assertThat(calls.get("/actuator/prometheus", TestIssuer.reader("acme"), false).status()).isEqualTo(403);
        assertThat(calls.get("/actuator/prometheus", null, false).status()).isEqualTo(401);
        assertThat(calls.get("/actuator/prometheus", operator, false).status()).isEqualTo(200);
        assertThat(calls.get("/actuator/health/liveness", null, false).status()).isEqualTo(200);
        assertThat(calls.get("/v3/api-docs", null, false).status()).isEqualTo(200);
        assertThat(calls.get("/api/unlisted", TestIssuer.organizer("acme"), false).status()).isEqualTo(403);
    }

    @Test
    void an_organizer_sees_its_own_conferences_in_full_and_never_another_organizations() {
        var acme = TestIssuer.organizer("acme");
        var globex = TestIssuer.organizer("globex");

        for (boolean gzip : new boolean[] {false, true}) {
            var own = calls.get(DASHBOARD + "a-pub/dashboard", acme, gzip);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).isEqualTo(Calls.document("a-pub", "acme", "PUBLISHED"));
            assertThat(calls.get(DASHBOARD + "a-draft/dashboard", acme, gzip).status()).isEqualTo(200);
            calls.assertHiddenLikeUnknown("a-pub", globex, gzip);
            calls.assertHiddenLikeUnknown("a-draft", globex, gzip);
        }
        assertThat(calls.ids("", acme)).containsExactly("a-pub", "a-draft");
        assertThat(calls.ids("", globex)).containsExactly("g-pub");
        assertThat(calls.ids("?org_id=acme", globex)).isEmpty();
        assertThat(calls.counts("", globex)).containsExactly(0L, 1L, 0L, 0L);
        assertThat(calls.counts("?org_id=acme", globex)).containsExactly(0L, 0L, 0L, 0L);
        assertThat(calls.counts("", acme)).containsExactly(1L, 1L, 0L, 0L);
    }

    @Test
    void a_reader_sees_its_organizations_conferences_without_personal_data_under_their_own_tags() {
        var reader = TestIssuer.reader("acme");

        for (boolean gzip : new boolean[] {false, true}) {
            var answer = calls.get(DASHBOARD + "a-pub/dashboard", reader, gzip);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(Calls.publicDocument("a-pub", "acme", "PUBLISHED"))
                    .doesNotContain("@", "email", "Person", "u-a-pub");
            assertThat(answer.header("ETag")).isEqualTo(gzip ? "\"1-test-public-gzip\"" : "\"1-test-public\"");
            var draft = calls.get(DASHBOARD + "a-draft/dashboard", reader, gzip);
            assertThat(draft.status()).isEqualTo(200);
            assertThat(draft.body()).doesNotContain("@", "email");
            calls.assertHiddenLikeUnknown("g-pub", reader, gzip);
        }
        var fullTag = calls.get(DASHBOARD + "a-pub/dashboard", reader, false, "\"1-test\"");
        assertThat(fullTag.status()).as("the full document's tag is not this form's").isEqualTo(200);
        assertThat(fullTag.body()).doesNotContain("@");
        assertThat(calls.get(DASHBOARD + "a-pub/dashboard", reader, false, "\"1-test-public\"").status())
                .isEqualTo(304);
        assertThat(calls.ids("", reader)).containsExactly("a-pub", "a-draft");
        assertThat(calls.counts("", reader)).containsExactly(1L, 1L, 0L, 0L);
    }

    @Test
    void an_attendee_sees_every_organizations_conference_but_drafts_and_nobodys_personal_data() {
        var attendee = TestIssuer.attendee("ada");

        for (boolean gzip : new boolean[] {false, true}) {
            for (var id : List.of("a-pub", "g-pub")) {
                var answer = calls.get(DASHBOARD + id + "/dashboard", attendee, gzip);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).doesNotContain("@", "email", "Person");
            }
            calls.assertHiddenLikeUnknown("a-draft", attendee, gzip);
        }
        assertThat(calls.ids("", attendee)).containsExactly("a-pub", "g-pub");
        assertThat(calls.ids("?status=DRAFT", attendee)).isEmpty();
        assertThat(calls.ids("?org_id=acme", attendee)).containsExactly("a-pub");
    }

    @Test
    void a_caller_of_two_roles_gets_the_form_each_conference_allows_it() {
        var both = TestIssuer.issuer().sign(Map.of("iss", LocalIssuer.ISSUER, "aud", LocalIssuer.AUDIENCE,
                "sub", "ada", "exp", Instant.now().getEpochSecond() + 600, "roles", List.of("organizer", "attendee"),
                "orgs", List.of("globex")));

        assertThat(calls.get(DASHBOARD + "g-pub/dashboard", both, true).body()).contains("@");
        assertThat(calls.get(DASHBOARD + "a-pub/dashboard", both, true).body())
                .isEqualTo(Calls.publicDocument("a-pub", "acme", "PUBLISHED"));
        calls.assertHiddenLikeUnknown("a-draft", both, true);
        assertThat(calls.ids("", both)).containsExactly("a-pub", "g-pub");
    }

    @Test
    void a_wait_for_a_conference_the_caller_may_not_see_ends_as_for_one_that_does_not_exist() {
        var globex = TestIssuer.organizer("globex");

        var hidden = calls.get(DASHBOARD + "a-pub/dashboard?minVersion=1", globex, false);
        var behind = calls.get(DASHBOARD + "a-pub/dashboard?minVersion=9", globex, false);
        var unknown = calls.get(DASHBOARD + "nope/dashboard?minVersion=1", globex, false);

        assertThat(unknown.status()).isEqualTo(503);
        assertThat(hidden.status()).isEqualTo(503);
        assertThat(hidden.body()).isEqualTo(unknown.body().replace("nope", "a-pub"));
        assertThat(behind.body()).isEqualTo(unknown.body().replace("nope", "a-pub"));
    }

    private static String odd(String issuer, String audience, long expires) {
        return TestIssuer.issuer().sign(Map.of("iss", issuer, "aud", audience, "sub", "oz", "exp", expires,
                "roles", List.of("reader"), "orgs", List.of("acme")));
    }
}
