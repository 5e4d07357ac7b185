package io.eventfold.projection.audit;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every operator write leaves one audit row with the subject of the operator's token, also when the service
 * refuses it, and GET /admin/audit lists them newest first. Rebuilds are slowed down so that a second start
 * finds the first still running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.rebuild.batch-size=10", "eventfold.projection.rebuild.max-rate=20"})
class OperatorAuditIT extends RunningProjector {

    @LocalServerPort
    int port;

    @Test
    void retry_skip_rebuild_and_cancel_each_leave_one_row_with_the_operators_subject_listed_newest_first() {
        long letter = parkedDeadLetter();
        for (int i = 0; i < 20; i++) {
            history("conf-" + UUID.randomUUID(), "org-" + i % 3, i).forEach(writer()::send);
        }
        long before = newestId();
        var started = Instant.now().minusSeconds(1);
        var ada = new OperatorClient(port, TestIssuer.issuer().token("ops-ada", "operator", List.of(),
                Duration.ofMinutes(10)));
        var operator = OperatorClient.operator(port);

        assertThat(ada.send("POST", "/admin/dead-letters/" + letter + "/retry").status()).isEqualTo(200);
        assertThat(operator.send("POST", "/admin/dead-letters/" + letter + "/skip").status()).isEqualTo(200);
        assertThat(operator.send("POST", "/admin/dead-letters/" + letter + "/skip").status()).isEqualTo(404);
        assertThat(operator.send("POST", "/admin/projections/status-counts/rebuild").status()).isEqualTo(202);
        assertThat(ada.send("POST", "/admin/projections/status-counts/rebuild").status()).isEqualTo(409);
        assertThat(operator.send("DELETE", "/admin/projections/status-counts/rebuild").status()).isEqualTo(204);
        assertThat(operator.send("DELETE", "/admin/projections/nope/rebuild").status()).isEqualTo(404);
        assertThat(operator.send("GET", "/admin/projections").status()).as("reads are not audited").isEqualTo(200);

        var listed = operator.send("GET", "/admin/audit?limit=50");
        assertThat(listed.status()).isEqualTo(200);
        var rows = listed.json().valueStream().filter(row -> row.get("id").asLong() > before).toList();
        assertThat(rows).extracting(OperatorAuditIT::summary).containsExactly(
                "test-operator CANCEL_REBUILD nope REFUSED 404",
                "test-operator CANCEL_REBUILD status-counts ACCEPTED 204",
                "ops-ada REBUILD status-counts REFUSED 409",
                "test-operator REBUILD status-counts ACCEPTED 202",
                "test-operator SKIP_DEAD_LETTER " + letter + " REFUSED 404",
                "test-operator SKIP_DEAD_LETTER " + letter + " ACCEPTED 200",
                "ops-ada RETRY_DEAD_LETTER " + letter + " ACCEPTED 200");
        assertThat(rows.get(0).get("reason").asString()).contains("nope");
        assertThat(rows.get(2).get("reason").asString()).contains("is being built");
        assertThat(rows.get(4).get("reason").asString()).isEqualTo("No parked dead letter " + letter);
        assertThat(rows.get(1).get("reason").isNull()).isTrue();
        assertThat(rows).allSatisfy(row -> assertThat(Instant.parse(row.get("at").asString()))
                .isBetween(started, Instant.now().plusSeconds(1)));
    }

    @Test
    void the_list_is_limited_and_a_limit_out_of_range_is_a_problem() {
        var operator = OperatorClient.operator(port);
        operator.send("POST", "/admin/dead-letters/not-a-number/skip");
        operator.send("POST", "/admin/dead-letters/-1/retry");

        var two = operator.send("GET", "/admin/audit?limit=2").json();
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(0).get("action").asString()).isEqualTo("RETRY_DEAD_LETTER");
        assertThat(two.get(1).get("target").asString()).as("an id that is no number is audited too")
                .isEqualTo("not-a-number");
        assertThat(two.get(0).get("id").asLong()).isGreaterThan(two.get(1).get("id").asLong());
        for (var limit : List.of("0", "1001", "many")) {
            var refused = operator.send("GET", "/admin/audit?limit=" + limit);
            assertThat(refused.status()).as(limit).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    private static String summary(JsonNode row) {
        return String.join(" ", row.get("subject").asString(), row.get("action").asString(),
                row.get("target").asString(), row.get("outcome").asString(), row.get("status").asString());
    }

    private long newestId() {
        return jdbc.sql("select coalesce(max(id), 0) from operator_audit").query(Long.class).single();
    }

}
