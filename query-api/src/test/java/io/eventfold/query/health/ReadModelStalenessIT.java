package io.eventfold.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The projector's heartbeat, written here as the projector would: stale or missing degrades health, fresh heals. */
@QueryApiTest
class ReadModelStalenessIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void health_is_degraded_while_the_read_model_is_stale_and_up_again_once_the_projector_reports_it_current() {
        var http = new HttpJson("http://localhost:" + port);
        jdbc.sql("delete from projector_heartbeat").update();
        assertThat(readModel(http).path("status").asString()).as("no projector yet").isEqualTo("DEGRADED");

        beat("now()", 0);
        assertThat(readModel(http).path("status").asString()).isEqualTo("UP");

        beat("now() - interval '2 hours'", 0);
        var response = http.get("/actuator/health");
        assertThat(response.status()).as("reads are still answered").isEqualTo(200);
        var stale = response.json().path("components").path("readModel");
        assertThat(stale.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(stale.path("details").path("stalenessSeconds").asLong()).isGreaterThanOrEqualTo(7200);
        assertThat(staleness(http)).isGreaterThanOrEqualTo(7200);

        beat("now()", 120_000);
        assertThat(readModel(http).path("status").asString()).as("current report, but behind").isEqualTo("DEGRADED");

        beat("now()", 10);
        assertThat(readModel(http).path("status").asString()).isEqualTo("UP");
        assertThat(staleness(http)).isLessThan(60);
    }

    private void beat(String checkedAt, long lagMillis) {
        jdbc.sql("""
                insert into projector_heartbeat (consumer, checked_at, lag_ms) values ('live', %s, ?)
                on conflict (consumer) do update set checked_at = excluded.checked_at, lag_ms = excluded.lag_ms"""
                .formatted(checkedAt)).param(lagMillis).update();
    }

    private static tools.jackson.databind.JsonNode readModel(HttpJson http) {
        return http.get("/actuator/health").json().path("components").path("readModel");
    }

    private static double staleness(HttpJson http) {
        var name = "eventfold_query_read_model_staleness_seconds ";
        return http.withBearer(TestIssuer.operator()).get("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(l.substring(name.length())))
                .findFirst().orElseThrow(() -> new AssertionError(name + "not exposed"));
    }
}
