package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.issuer.LocalIssuer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shared set-up, on a small app: who gets in, how refusals read, and which paths the firewall stops. */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTest {

    static final Path HOME = home();
    static final LocalIssuer ISSUER = LocalIssuer.open(HOME);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JwtDecoder decoder;
    @Autowired
    SecuredApp.AuthenticationEvents events;

    @DynamicPropertySource
    static void trustTheLocalIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + ISSUER.publicKey());
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LocalIssuer.AUDIENCE);
        registry.add("eventfold.security.issuer", () -> LocalIssuer.ISSUER);
    }

    @Test
    void the_decoder_spring_configured_remembers_validated_tokens() {
        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
    }

    @Test
    void an_accepted_token_publishes_no_event_and_a_refused_one_still_does() throws Exception {
        events.published.clear();
        assertThat(get("/api/orgs/acme", organizer("acme")).statusCode()).isEqualTo(200);
        assertThat(events.published).as("no event per accepted request").isEmpty();

        assertThat(get("/api/orgs/acme", "not.a.jwt").statusCode()).isEqualTo(401);
        assertThat(events.published).singleElement().isInstanceOf(AbstractAuthenticationFailureEvent.class);
    }

    @Test
    void the_right_role_gets_in_and_its_caller_is_read_from_the_token() throws Exception {
        var response = get("/api/orgs/acme", organizer("acme"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"oz\"").contains("\"organizes\":true");
        assertThat(get("/api/orgs/globex", organizer("acme")).body()).contains("\"organizes\":false");
        assertThat(get("/health", null).statusCode()).as("health stays open").isEqualTo(200);
    }

    @Test
    void no_token_and_every_kind_of_bad_token_is_401_problem_with_a_bearer_challenge() throws Exception {
        var now = Instant.now().getEpochSecond();
        var odd = Map.<String, String>of(
                "none", "",
                "garbage", "not.a.jwt",
                "expired", ISSUER.sign(claims(now - 7200, now - 3600, LocalIssuer.ISSUER, LocalIssuer.AUDIENCE)),
                "no expiry", ISSUER.sign(claims(now, null, LocalIssuer.ISSUER, LocalIssuer.AUDIENCE)),
                "wrong issuer", ISSUER.sign(claims(now, now + 600, "https://evil.example", LocalIssuer.AUDIENCE)),
                "wrong audience", ISSUER.sign(claims(now, now + 600, LocalIssuer.ISSUER, "another-app")),
                "bad signature", LocalIssuer.open(HOME.resolve("other"))
                        .token("oz", "organizer", List.of("acme"), Duration.ofMinutes(5)),
                "none algorithm", unsigned(claims(now, now + 600, LocalIssuer.ISSUER, LocalIssuer.AUDIENCE)));

        for (var token : odd.entrySet()) {
            var response = get("/api/orgs/acme", token.getValue().isEmpty() ? null : token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(token.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(token.getKey())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(response.body()).as(token.getKey()).contains("\"status\":401")
                    .contains("\"title\":\"Unauthorized\"").doesNotContain("null");
        }
    }

    @Test
    void a_role_that_may_not_is_403_problem() throws Exception {
        var attendee = ISSUER.token("ada", "attendee", List.of(), Duration.ofMinutes(5));

        var api = get("/api/orgs/acme", attendee);
        var admin = get("/admin/things", organizer("acme"));

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"status\":403");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(get("/admin/things", operator()).statusCode()).isEqualTo(200);
    }

    @Test
    void admin_paths_spelled_otherwise_reach_admin_only_with_the_role_or_are_rejected_as_bad_requests()
            throws Exception {
        var routedAsAdmin = List.of("/%61dmin/things", "/%61dmin/%74hings");
        var rejected = List.of("/admin;x/things", "/admin/things;jsessionid=1", "//admin/things",
                "/api/../admin/things", "/api/%2e%2e/admin/things", "/admin%2Fthings", "/admin/./things");

        for (var path : routedAsAdmin) {
            assertThat(raw(path, null)).as(path).startsWith("HTTP/1.1 401");
            assertThat(raw(path, organizer("acme"))).as(path).startsWith("HTTP/1.1 403");
            assertThat(raw(path, operator())).as(path).startsWith("HTTP/1.1 200");
        }
        for (var path : rejected) {
            for (var token : new String[] {null, organizer("acme"), operator()}) {
                var response = raw(path, token);
                assertThat(response).as(path).startsWith("HTTP/1.1 400")
                        .contains("Content-Type: application/problem+json").contains("\"status\":400");
            }
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path exactly as written (java.net.http would normalise some spellings): the whole response. */
    private String raw(String path, String token) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            var request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String organizer(String org) {
        return ISSUER.token("oz", "organizer", List.of(org), Duration.ofMinutes(5));
    }

    private static String operator() {
        return ISSUER.token("op", "operator", List.of(), Duration.ofMinutes(5));
    }

    private static Map<String, Object> claims(long issued, Long expires, String issuer, String audience) {
        var claims = new HashMap<String, Object>(Map.of("iss", issuer, "aud", audience, "sub", "oz", "iat", issued,
                "roles", List.of("organizer"), "orgs", List.of("acme")));
        if (expires != null) {
            claims.put("exp", expires);
        }
        return claims;
    }

    private static String unsigned(Map<String, Object> claims) {
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        var body = new StringBuilder("{");
        claims.forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value instanceof String text ? '"' + text + '"' : value instanceof List<?> list
                        ? "[\"" + list.get(0) + "\"]" : value));
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(body.append('}').toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static Path home() {
        try {
            return Files.createTempDirectory("eventfold-security");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
