package io.eventfold.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CommandServiceTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void the_served_openapi_description_lists_every_endpoint_of_the_contract() {
        var paths = new HttpJson("http://localhost:" + port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/events").has("post")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/status").has("post")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/sessions").has("post")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/sessions/{sessionId}/room").has("put")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/sessions/{sessionId}").has("delete")).isTrue();
        var speaker = paths.get("/api/events/{eventId}/sessions/{sessionId}/speakers/{userId}");
        assertThat(speaker.has("put") && speaker.has("delete")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/registrations").has("post")).isTrue();
        assertThat(paths.get("/api/events/{eventId}/registrations/{registrationId}").has("delete")).isTrue();
        assertThat(paths.get("/api/events").get("post").get("responses").has("201")).isTrue();
    }

    @Test
    void the_description_asks_for_a_bearer_token_and_takes_the_caller_from_it_not_from_a_parameter() {
        var api = new HttpJson("http://localhost:" + port).get("/v3/api-docs").json();
        var cancel = api.get("paths").get("/api/events/{eventId}/registrations/{registrationId}").get("delete");

        assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(cancel.get("parameters").findValuesAsString("name")).containsExactly("eventId", "registrationId");
        assertThat(cancel.get("responses").has("401") && cancel.get("responses").has("403")).isTrue();
    }
}
