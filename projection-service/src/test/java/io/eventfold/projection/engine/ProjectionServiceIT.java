package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import io.eventfold.infra.HttpJson;
import io.eventfold.projection.RunningProjector;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** projection-service consuming a real topic into a real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionServiceIT extends RunningProjector {

    @LocalServerPort
    int port;

    private long version(String conference) {
        return dashboardVersion(jdbc, conference);
    }

    /** The version of a conference's dashboard; -1 while it has none. */
    static long dashboardVersion(JdbcClient jdbc, String conference) {
        return jdbc.sql("select coalesce(max(version), -1) from dashboard where conference_id = ?").param(conference)
                .query(Long.class).single();
    }

    private Map<String, Object> row(String conference) {
        return jdbc.sql("select attendee_count, status, version, md5(document_gzip) as document_md5 from dashboard "
                        + "where conference_id = ?")
                .param(conference).query().singleRow();
    }

    @Test
    void redelivered_records_change_nothing() {
        var id = "redeliver-" + UUID.randomUUID();
        var sent = new ArrayList<ProducerRecord<String, byte[]>>();
        sent.add(writer().send(scheduled(id, "acme")));
        sent.add(writer().send(statusChanged(id, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED)));
        sent.add(writer().send(registered(id, "r1", Role.ATTENDEE, 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> version(id) == 2);
        var before = row(id);
        var counts = jdbc.sql("select status, conference_count from status_count where organization_id = 'acme'")
                .query().listOfRows();

        writer().resend(sent);
        var marker = "marker-" + UUID.randomUUID();
        writer().send(scheduled(marker, "other"));
        await().atMost(Duration.ofSeconds(20)).until(() -> version(marker) == 0);

        assertThat(row(id)).isEqualTo(before);
        assertThat(before.get("attendee_count")).isEqualTo(1);
        assertThat(jdbc.sql("select status, conference_count from status_count where organization_id = 'acme'")
                .query().listOfRows()).isEqualTo(counts);
    }

    @Test
    void a_poison_event_is_dead_lettered_and_holds_back_only_its_own_conference() {
        var poisoned = "poisoned-" + UUID.randomUUID();
        var healthy = "healthy-" + UUID.randomUUID();
        writer().send(scheduled(poisoned, "acme"));
        writer().send(scheduled(healthy, "acme"));
        writer().send(statusChanged(poisoned, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        writer().sendUnreadable(poisoned, "registration.person-registered.v1");
        writer().send(registered(poisoned, "r2", Role.ATTENDEE, 2));
        writer().send(statusChanged(healthy, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        writer().send(registered(healthy, "r1", Role.ATTENDEE, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> version(healthy) == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> parked(poisoned).size() == 2);

        assertThat(row(healthy).get("attendee_count")).isEqualTo(1);
        assertThat(version(poisoned)).as("applied up to the event before the poison").isEqualTo(1);
        assertThat(row(poisoned).get("status")).isEqualTo("PUBLISHED");
        var parked = parked(poisoned);
        // The registration behind the poison waits in the dashboard; status counts never look at registrations,
        // so a registration they cannot read does not stop them either.
        assertThat(parked).extracting(r -> r.get("projection") + "@" + r.get("aggregate_version"))
                .containsExactly("dashboard@2", "dashboard@3");
        assertThat(parked.get(0).get("reason").toString()).contains("Unreadable registration.person-registered.v1");
        assertThat(parked.get(1).get("reason").toString()).contains("Waiting behind");
        assertThat(parked.get(0).get("record_offset")).isNotNull();
        assertThat(parked.get(0).get("event_type")).isEqualTo("registration.person-registered.v1");

        // A later batch finds the parked letters in the table and holds the conference's next event back too.
        writer().send(registered(poisoned, "r3", Role.ATTENDEE, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> parked(poisoned).size() == 3);
        assertThat(parked(poisoned).get(2).get("reason").toString()).contains("Waiting behind");
        assertThat(version(poisoned)).isEqualTo(1);
    }

    @Test
    void progress_is_reported_on_the_prometheus_endpoint() {
        var id = "metrics-" + UUID.randomUUID();
        writer().send(scheduled(id, "acme"));
        await().atMost(Duration.ofSeconds(20)).until(() -> version(id) == 0);

        var metrics = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.operator())
                .get("/actuator/prometheus").body();

        assertThat(metrics).contains("eventfold_projection_events_applied_total", "eventfold_projection_events_rate",
                "eventfold_projection_batch_size", "eventfold_projection_batch_duration_seconds",
                "eventfold_projection_lag_events{partition=\"0\"", "eventfold_projection_lag_ms{partition=\"0\"");
        assertThat(sample(metrics, "eventfold_projection_events_applied_total")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "eventfold_projection_event_delay_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "eventfold_projection_event_delay_seconds{quantile=\"0.5\"")).isPositive();
        // Its stages, for every delay: the record's timestamp (when it was sent) splits it.
        var delays = sample(metrics, "eventfold_projection_event_delay_seconds_count");
        assertThat(sample(metrics, "eventfold_projection_stage_delay_seconds_count{stage=\"relay\""))
                .isEqualTo(delays);
        assertThat(sample(metrics, "eventfold_projection_stage_delay_seconds_count{stage=\"projector\""))
                .isEqualTo(delays);
    }

    private static double sample(String metrics, String prefix) {
        var line = metrics.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private List<Map<String, Object>> parked(String conference) {
        return jdbc.sql("""
                        select projection, aggregate_version, reason, record_offset, event_type from dead_letter
                        where conference_id = ? and state = 'PARKED' order by projection desc, aggregate_version""")
                .param(conference).query().listOfRows();
    }
}
