package io.eventfold.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@QueryApiTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void the_served_openapi_description_lists_the_three_reads() {
        var paths = new HttpJson("http://localhost:" + port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/events/{eventId}/dashboard").has("get")).isTrue();
        assertThat(paths.get("/api/events/search").get("get").toString()).contains("org_id", "dates", "minPosition");
        assertThat(paths.get("/api/events/stats/by-status").has("get")).isTrue();
    }
}
