package io.eventfold.command.security;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.HttpJson.Response;
import io.eventfold.issuer.LocalIssuer;
import io.eventfold.testsupport.TestIssuer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every command endpoint against every kind of caller: the exact status, and for each refusal that the
 * conference's stream in the event store did not grow. The rules are the role table of issue 33.
 */
@CommandServiceTest
class AuthorizationIT {

    static final String SESSION = """
            {"sessionId":"s2","title":"Talk","room":"Main","startsAt":"2027-03-01T09:00:00Z",
             "endsAt":"2027-03-01T10:00:00Z"}""";

    /** A command endpoint, on a conference that holds session s1 with speaker ann, and ada's registration r1. */
    record Endpoint(String name, String method, String path, String body, int success, boolean forAttendees) {

        Response send(HttpJson api, String eventId) {
            var at = path.replace("{id}", eventId);
            return switch (method) {
                case "POST" -> api.post(at, body.replace("{id}", eventId));
                case "PUT" -> api.put(at, body);
                default -> api.delete(at);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("schedule", "POST", "/api/events", scheduleJson("{id}", 10), 201, false),
                new Endpoint("status", "POST", "/api/events/{id}/status", statusJson("COMPLETED"), 200, false),
                new Endpoint("add session", "POST", "/api/events/{id}/sessions", SESSION, 201, false),
                new Endpoint("room", "PUT", "/api/events/{id}/sessions/s1/room", "{\"room\":\"Hall 2\"}", 200, false),
                new Endpoint("cancel session", "DELETE", "/api/events/{id}/sessions/s1", null, 200, false),
                new Endpoint("assign speaker", "PUT", "/api/events/{id}/sessions/s1/speakers/bob",
                        "{\"name\":\"Bob\"}", 200, false),
                new Endpoint("remove speaker", "DELETE", "/api/events/{id}/sessions/s1/speakers/ann", null, 200, false),
                new Endpoint("register", "POST", "/api/events/{id}/registrations",
                        registerJson("r2", "bob", "ATTENDEE"), 201, true),
                new Endpoint("cancel registration", "DELETE", "/api/events/{id}/registrations/r1", null, 200, true));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @MethodSource("endpoints")
    void each_caller_gets_its_status_and_only_the_right_role_of_the_right_organization_stores(Endpoint endpoint)
            throws IOException {
        var eventId = "authz-" + UUID.randomUUID();
        if (!endpoint.name().equals("schedule")) {
            conferenceOf("acme", eventId);
        }
        for (var refused : refusals(endpoint)) {
            long before = stored(eventId);
            var response = endpoint.send(api(refused.token()), eventId);

            assertThat(response.status()).as(endpoint + ", " + refused + ": " + response).isEqualTo(refused.status());
            assertThat(response.contentType()).as(endpoint + ", " + refused).startsWith("application/problem+json");
            assertThat(stored(eventId)).as(endpoint + ", " + refused + " stores nothing").isEqualTo(before);
        }
        long before = stored(eventId);
        var allowed = endpoint.send(api(TestIssuer.organizer("acme")), eventId);

        assertThat(allowed.status()).as(endpoint + ", organizer of acme: " + allowed).isEqualTo(endpoint.success());
        assertThat(stored(eventId)).as("the organizer's command stored its event").isGreaterThan(before);
    }

    @Test
    void an_attendee_registers_and_cancels_only_themselves_and_finds_no_draft() {
        var eventId = "authz-" + UUID.randomUUID();
        conferenceOf("acme", eventId);
        var draft = "authz-draft-" + UUID.randomUUID();
        api(TestIssuer.organizer("acme")).post("/api/events", scheduleJson(draft, 10));
        var cy = api(TestIssuer.attendee("cy"));
        var registrations = "/api/events/" + eventId + "/registrations";

        var someoneElse = storingNothing(eventId, () -> cy.post(registrations, registerJson("r2", "bob", "ATTENDEE")));
        var asSpeaker = storingNothing(eventId, () -> cy.post(registrations, registerJson("r2", "cy", "SPEAKER")));
        var adasRegistration = storingNothing(eventId, () -> cy.delete(registrations + "/r1"));
        var inDraft = storingNothing(draft, () -> cy.post("/api/events/" + draft + "/registrations",
                registerJson("r2", "cy", "ATTENDEE")));
        var unknown = cy.post("/api/events/nope/registrations", registerJson("r2", "cy", "ATTENDEE"));
        var themselves = cy.post(registrations, registerJson("r2", "cy", "ATTENDEE"));
        var ownCancelled = cy.delete(registrations + "/r2");

        assertThat(List.of(someoneElse.status(), asSpeaker.status())).containsOnly(403);
        assertThat(adasRegistration.status()).isEqualTo(404);
        assertThat(adasRegistration.json().get("detail").asString()).isEqualTo("No registration r1");
        assertThat(inDraft.status()).isEqualTo(404);
        assertThat(inDraft.json().get("detail").asString())
                .isEqualTo(unknown.json().get("detail").asString().replace("nope", draft));
        assertThat(themselves.status()).as(themselves.toString()).isEqualTo(201);
        assertThat(ownCancelled.status()).as(ownCancelled.toString()).isEqualTo(200);
    }

    @Test
    void another_organizations_conference_answers_every_command_exactly_as_an_unknown_one() {
        var globexEvent = "authz-globex-" + UUID.randomUUID();
        conferenceOf("globex", globexEvent);
        var acme = api(TestIssuer.organizer("acme"));

        for (var endpoint : endpoints().filter(endpoint -> !endpoint.name().equals("schedule")).toList()) {
            var theirs = storingNothing(globexEvent, () -> endpoint.send(acme, globexEvent));
            var unknown = endpoint.send(acme, "nope");

            assertThat(theirs.status()).as(endpoint + ": " + theirs).isEqualTo(404).isEqualTo(unknown.status());
            assertThat(theirs.body()).as(endpoint.name()).isEqualTo(unknown.body().replace("nope", globexEvent));
        }
    }

    @Test
    void scheduling_again_is_idempotent_for_its_organization_and_another_learns_only_that_the_id_is_taken() {
        var eventId = "authz-" + UUID.randomUUID();
        var acme = api(TestIssuer.organizer("acme"));
        var first = acme.post("/api/events", scheduleJson(eventId, 10));

        var retry = storingNothing(eventId, () -> acme.post("/api/events", scheduleJson(eventId, 10)));
        var otherDetails = storingNothing(eventId, () -> acme.post("/api/events", scheduleJson(eventId, 20)));
        var globex = storingNothing(eventId, () -> api(TestIssuer.organizer("globex")).post("/api/events",
                scheduleJson(eventId, 10).replace("\"acme\"", "\"globex\"")));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherDetails.status()).isEqualTo(409);
        assertThat(globex.status()).isEqualTo(409);
        assertThat(globex.body()).as("nothing of acme's conference").isEqualTo(otherDetails.body());
    }

    @Test
    void health_and_the_api_description_are_open_other_actuator_endpoints_are_for_operators_the_rest_for_none() {
        var anonymous = api("");

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isNotIn(401, 403);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api(TestIssuer.organizer("acme")).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api(TestIssuer.operator()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api(TestIssuer.operator()).get("/elsewhere").status()).isEqualTo(403);
        assertThat(anonymous.get("/elsewhere").status()).isEqualTo(401);
    }

    /** Sends a request that must not store anything for {@code eventId}, and checks that it did not. */
    private Response storingNothing(String eventId, Supplier<Response> request) {
        long before = stored(eventId);
        var response = request.get();
        assertThat(stored(eventId)).as("stores nothing: " + response).isEqualTo(before);
        return response;
    }

    /** An issuer the service does not trust: one key pair for the class, in a folder JUnit removes after it. */
    @TempDir
    static Path strangerHome;
    private static LocalIssuer stranger;

    private static synchronized LocalIssuer stranger() {
        if (stranger == null) {
            stranger = LocalIssuer.open(strangerHome);
        }
        return stranger;
    }

    /** Who may not send this command, and the status each is refused with. */
    static List<Refused> refusals(Endpoint endpoint) throws IOException {
        var refusals = new ArrayList<>(List.of(
                new Refused("no token", "", 401),
                new Refused("expired", odd(Map.of("exp", Instant.now().minusSeconds(60).getEpochSecond())), 401),
                new Refused("bad signature", stranger()
                        .token("organizer-of-acme", "organizer", List.of("acme"), Duration.ofMinutes(5)), 401),
                new Refused("wrong issuer", odd(Map.of("iss", "https://evil.example")), 401),
                new Refused("wrong audience", odd(Map.of("aud", "another-app")), 401),
                new Refused("reader", TestIssuer.reader("acme"), 403),
                new Refused("operator", TestIssuer.operator(), 403),
                // Scheduling names the organization in its body: refused before any conference is asked.
                new Refused("organizer of globex", TestIssuer.organizer("globex"),
                        endpoint.name().equals("schedule") ? 403 : 404)));
        if (!endpoint.forAttendees()) {
            refusals.add(new Refused("attendee", TestIssuer.attendee("ada"), 403));
        }
        return refusals;
    }

    record Refused(String caller, String token, int status) {

        @Override
        public String toString() {
            return caller;
        }
    }

    private HttpJson api(String token) {
        var api = new HttpJson("http://localhost:" + port);
        return token.isEmpty() ? api : api.withBearer(token);
    }

    /** A token of the test issuer for an organizer of acme, as every test token but for {@code overrides}. */
    static String odd(Map<String, Object> overrides) {
        var claims = new LinkedHashMap<String, Object>(Map.of("iss", LocalIssuer.ISSUER, "aud", LocalIssuer.AUDIENCE,
                "sub", "organizer-of-acme", "exp", Instant.now().plusSeconds(600).getEpochSecond(),
                "roles", List.of("organizer"), "orgs", List.of("acme")));
        claims.putAll(overrides);
        return TestIssuer.issuer().sign(claims);
    }

    /** Published, with session s1 and its speaker ann, and ada registered as r1. */
    void conferenceOf(String organization, String eventId) {
        var api = api(TestIssuer.organizer(organization));
        var path = "/api/events/" + eventId;
        var answers = List.of(
                api.post("/api/events", scheduleJson(eventId, 10).replace("\"acme\"", '"' + organization + '"')),
                api.post(path + "/status", statusJson("PUBLISHED")),
                api.post(path + "/sessions", SESSION.replace("s2", "s1")),
                api.put(path + "/sessions/s1/speakers/ann", "{\"name\":\"Ann\"}"),
                api.post(path + "/registrations", registerJson("r1", "ada", "ATTENDEE")));
        assertThat(answers).extracting(Response::status).as(answers.toString()).allMatch(status -> status < 300);
    }

    long stored(String eventId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(eventId)
                .query(Long.class).single();
    }
}
