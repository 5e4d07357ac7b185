package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Limits as shipped, on the running system: an attendee who sends writes faster than the write rate gets 429
 * problem+json with Retry-After (and nothing stored for it), while another attendee is served as usual.
 */
class RateLimitIT {

    /** Over the shipped burst of attendee writes (30) at once. */
    private static final int FLOOD = 60;

    @Test
    void a_caller_over_its_rate_gets_429_while_another_is_served() {
        var system = SharedSystem.system();
        var reference = SharedSystem.oracle().reference();
        var eventId = "limits-" + UUID.randomUUID();
        var organizer = Tokens.organizer(system.url(Service.COMMAND));
        assertThat(organizer.post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"Popular","startDate":"2027-09-01",
                 "endDate":"2027-09-02","capacity":1000}""".formatted(eventId)).status()).isEqualTo(201);
        reference.scheduleEvent(eventId, "acme", "Popular", LocalDate.of(2027, 9, 1), LocalDate.of(2027, 9, 2), 1000);
        assertThat(organizer.post("/api/events/" + eventId + "/status", "{\"status\":\"PUBLISHED\"}").status())
                .isEqualTo(200);
        reference.changeStatus(eventId, "PUBLISHED");

        int accepted = 0;
        HttpJson.Response refused = null;
        for (int i = 0; i < FLOOD; i++) {
            // The same person registering again and again: the first is stored, the rest are refused by rule
            // (409) until the limit answers first (429).
            var answer = register(system, eventId, "flooder");
            if (answer.status() == 201) {
                reference.register(eventId, answer.json().get("registrationId").asString(), "flooder", "Flo",
                        "flo@example.com", "ATTENDEE");
                accepted++;
            } else if (answer.status() == 429) {
                refused = answer;
            }
        }
        var other = register(system, eventId, "patient");

        assertThat(accepted).isEqualTo(1);
        assertThat(refused).as("a 429 within %d writes", FLOOD).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        reference.register(eventId, other.json().get("registrationId").asString(), "patient", "Flo",
                "flo@example.com", "ATTENDEE");
    }

    private static HttpJson.Response register(EventFoldSystem system, String eventId, String user) {
        return new HttpJson(system.url(Service.COMMAND)).withBearer(TestIssuer.attendee(user))
                .post("/api/events/" + eventId + "/registrations", """
                        {"userId":"%s","name":"Flo","email":"flo@example.com","role":"ATTENDEE"}""".formatted(user));
    }
}
